using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.EntityFrameworkCore;
using Scorecards.Domain.Rounds;
using Scorecards.Web.Tests.Infrastructure;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Scorecards.Web.Tests.Statements;

public sealed class StatementTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<int> PublishedAsync(TestApp app) =>
        app.WithDbAsync(db => db.Rounds.Where(r => r.Status == RoundStatus.Published).Select(r => r.Id).SingleAsync(Ct));

    /// <summary>The world's round published, the RSO having met in Hanoi from 16 to 18 July 2025.</summary>
    private static async Task<World> PublishedWorldAsync()
    {
        var world = await World.StartAsync();
        await world.Given.ActivityAsync("RSO", "RSO annual meeting", Domain.Activities.DatePrecision.Days, new(2025, 7, 16), new(2025, 7, 18),
            city: "Hanoi", member: "Viet Nam", objectives: ["LE-1"]);
        await world.Given.PublishAsync(world.Round.Id);
        return world;
    }

    /// <summary>
    /// The one test that loads the demo: its draft reproduces what the reference statement says of each body, so the
    /// demo a secretariat is shown is the Process as it reported.
    /// </summary>
    [Fact]
    public async Task DemoDraft_HasEachBodysActivities_WithPlacesAndDates_AndTheProgressSection()
    {
        await using var app = await TestApp.StartAsync();
        var round = await PublishedAsync(app);
        var response = await (await app.ApiClientAsync(Demo.Indonesia)).GetAsync($"/api/v1/rounds/{round}/statement", Ct);
        var markdown = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal("text/markdown", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("## Working Group Updates\n", markdown);
        Assert.Contains("### Working Group on Trafficking in Persons (WG-TIP)", markdown);
        Assert.Contains("The WG-TIP held its 10th Anniversary Commemorative Dialogue, its 10th Annual Meeting, and the Regional Event on Trafficking into Online Scam Centres", markdown);
        Assert.Contains("It also held its annual meeting from 16–18 July 2024 in Hanoi, Viet Nam, with policymakers", markdown);
        Assert.Contains("The TEG-RR held its 7th Annual Meeting in December 2024 in Phnom Penh, Cambodia.", markdown);
        Assert.Contains("Looking ahead, the TEG-RR will hold its 8th Annual Meeting in Q4 2025.", markdown);
        Assert.Contains("The TFPP held its 8th Annual Meeting in November 2024 in Bangkok, Thailand", markdown);
        Assert.Contains("hosted secondments from Sri Lanka's Department of Immigration and Emigration in Bangkok, Thailand", markdown);
        Assert.Contains("The RSO's 2024–2026 Strategic Plan and Work Plan sets out seven items", markdown);
        Assert.Contains("Looking ahead, the RSO will hold the Interregional Technical Workshop on online investigations and OSINT from 27–30 May 2025 in Chiang Saen, Thailand.", markdown);
        Assert.Contains("### Government and Business Forum (GABF)", markdown);
        Assert.Contains("## Progress to implement the Adelaide Strategy for Cooperation", markdown);
        Assert.Contains("- The Ad Hoc Group SOM recognised progress towards realising the 2023 Adelaide Strategy for Cooperation.", markdown);
        Assert.Contains("Six reporting bodies completed the scorecard for 18th AHG SOM, 2025", markdown);
    }

    [Fact]
    public async Task Word_IsValid_WithTheSectionsAsHeadings()
    {
        var world = await PublishedWorldAsync();
        await using var app = world.App;
        var round = world.Round.Id;
        var bytes = await (await world.ApiAsync(World.Admin)).GetByteArrayAsync($"/api/v1/rounds/{round}/statement?format=docx", Ct);

        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        Assert.Empty(new OpenXmlValidator().Validate(document, Ct));
        var headings = document.MainDocumentPart!.Document.Body!.Elements<W.Paragraph>()
            .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value is "Heading1" or "Heading2").Select(p => p.InnerText).ToList();
        Assert.Equal("Working Group Updates", headings[0]);
        Assert.Contains("Progress to implement the Adelaide Strategy for Cooperation", headings);
        Assert.Contains("Regional Support Office (RSO)", headings);
    }

    [Fact]
    public async Task Draft_IsEditedInTheApp_ThenExported_AndCanBeWrittenAfresh_ButNotByReporters()
    {
        var world = await PublishedWorldAsync();
        await using var app = world.App;
        var round = world.Round.Id;
        var coChair = await world.SignInAsync(World.Australia);
        var api = await world.ApiAsync(World.Australia);

        var saved = await TestApp.PostFormAsync(coChair, $"/rounds/{round}/statement",
            new Dictionary<string, string> { ["Markdown"] = "## Working Group Updates\n\nEdited by the Co-Chairs." });
        var edited = await api.GetStringAsync($"/api/v1/rounds/{round}/statement", Ct);
        var page = await coChair.GetStringAsync($"/rounds/{round}/statement", Ct);
        var empty = await TestApp.PostFormAsync(coChair, $"/rounds/{round}/statement", new Dictionary<string, string> { ["Markdown"] = "  " });
        var afresh = await TestApp.PostFormAsync(coChair, $"/rounds/{round}/statement?handler=Regenerate", new Dictionary<string, string>());
        var regenerated = await api.GetStringAsync($"/api/v1/rounds/{round}/statement", Ct);
        var reporterApi = await (await world.ApiAsync(World.WgTip)).GetAsync($"/api/v1/rounds/{round}/statement", Ct);
        var reporterPage = await (await world.SignInAsync(World.WgTip)).GetAsync($"/rounds/{round}/statement", Ct);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("## Working Group Updates\n\nEdited by the Co-Chairs.\n", edited);
        Assert.Equal("Edited by cochair.au on 2 March 2026, 09:00 UTC.",
            WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(page, "data-testid=\"statement-state\">([^<]*)<").Groups[1].Value));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, afresh.StatusCode);
        Assert.DoesNotContain("Edited by the Co-Chairs.", regenerated);
        Assert.Contains("held its annual meeting from 16–18 July 2025 in Hanoi, Viet Nam", regenerated);
        Assert.Equal(HttpStatusCode.Forbidden, reporterApi.StatusCode);
        Assert.StartsWith("/account/denied", reporterPage.Headers.Location?.PathAndQuery);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.EntityType == "StatementDraft" && e.Action == "Deleted", Ct)));
    }
}
