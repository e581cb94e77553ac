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

    /// <summary>The world's round published, the RSO having met in Hanoi from 16 to 18 July 2025.</summary>
    private static async Task<World> PublishedWorldAsync()
    {
        var world = await World.StartAsync();
        await world.Given.ActivityAsync("RSO", "RSO annual meeting", Domain.Activities.DatePrecision.Days, new(2025, 7, 16), new(2025, 7, 18),
            city: "Hanoi", member: "Viet Nam", objectives: ["LE-1"]);
        await world.Given.PublishAsync(world.Round.Id);
        return world;
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
