using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Scorecards.Web.Tests.Infrastructure;

namespace Scorecards.Web.Tests.Rounds;

public sealed class AssessmentTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CoChair_WritesTheAssessment_AndTheRoundPageAndSummaryShowIt()
    {
        var world = await World.StartAsync();
        await using var app = world.App;
        var open = world.Round.Id;
        var coChair = await world.ApiAsync(World.Australia);

        var saved = await coChair.PutAsJsonAsync($"/api/v1/rounds/{open}/assessment",
            new { overall = "Steady progress; **two bodies** still to report.", focusAreas = new Dictionary<string, string> { ["LE"] = "The tabletop exercise tested cross-border responses." } }, Ct);
        var unknown = await coChair.PutAsJsonAsync($"/api/v1/rounds/{open}/assessment",
            new { overall = "Changed.", focusAreas = new Dictionary<string, string> { ["XX"] = "No such area." } }, Ct);
        var reporter = await (await world.ApiAsync(World.WgTip)).PutAsJsonAsync($"/api/v1/rounds/{open}/assessment", new { overall = "Mine." }, Ct);
        var summary = await (await world.ApiAsync(World.Admin)).GetFromJsonAsync<JsonElement>($"/api/v1/rounds/{open}/summary", Ct);
        var page = await (await world.SignInAsync(World.Australia)).GetStringAsync($"/rounds/{open}?area=LE", Ct);

        // Until the round is published, the assessment is the Co-Chairs' draft: viewers and reporters do not read it anywhere.
        var viewerApi = await world.ApiAsync(World.Viewer);
        var viewerSummary = await viewerApi.GetFromJsonAsync<JsonElement>($"/api/v1/rounds/{open}/summary", Ct);
        var viewerAssessment = await viewerApi.GetAsync($"/api/v1/rounds/{open}/assessment", Ct);
        var viewerPaper = await viewerApi.GetFromJsonAsync<JsonElement>($"/api/v1/rounds/{open}/export?format=json&include=all", Ct);
        var reporterPage = await (await world.SignInAsync(World.WgTip)).GetStringAsync($"/rounds/{open}", Ct);
        var reporterDocx = await (await world.ApiAsync(World.WgTip)).GetByteArrayAsync($"/api/v1/rounds/{open}/export?format=docx&include=all", Ct);
        Assert.Empty(viewerSummary.GetProperty("assessments").EnumerateArray());
        Assert.Equal(HttpStatusCode.Forbidden, viewerAssessment.StatusCode);
        Assert.Contains("assessment.draft", await viewerAssessment.Content.ReadAsStringAsync(Ct));
        Assert.NotEqual(JsonValueKind.Undefined, viewerPaper.GetProperty("rows").ValueKind);
        Assert.DoesNotContain("two bodies", reporterPage);
        using (var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(reporterDocx), false))
        {
            Assert.DoesNotContain("still to report", document.MainDocumentPart!.Document.Body!.InnerText);
        }

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("'XX' is not a focus area", await unknown.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Forbidden, reporter.StatusCode);
        var texts = summary.GetProperty("assessments").EnumerateArray().Select(a => a.GetProperty("text").GetString()).ToList();
        Assert.Equal(["Steady progress; **two bodies** still to report.", "The tabletop exercise tested cross-border responses."], texts);
        Assert.Contains("<strong>two bodies</strong>", page);
        Assert.Contains("The tabletop exercise tested cross-border responses.", page);
        Assert.Contains("Write the assessment", page);
    }

    [Fact]
    public async Task PublishedRound_KeepsItsAssessment_OnThePublicPage_AndRefusesChanges()
    {
        var world = await World.StartAsync();
        await using var app = world.App;
        var published = world.Round.Id;
        await world.Given.AssessmentAsync(published, "The Ad Hoc Group SOM recognised progress towards realising the 2023 Adelaide Strategy for Cooperation.");
        await world.Given.PublishAsync(published);

        var refused = await (await world.ApiAsync(World.Indonesia)).PutAsJsonAsync($"/api/v1/rounds/{published}/assessment", new { overall = "Rewritten." }, Ct);
        var publicPage = await app.CreateClient().GetStringAsync($"/public/rounds/{published}", Ct);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("assessment.round-state", await refused.Content.ReadAsStringAsync(Ct));
        Assert.Contains("recognised progress towards realising the 2023 Adelaide Strategy for Cooperation", publicPage);
        Assert.DoesNotContain("Rewritten.", publicPage);
        Assert.DoesNotContain("Write the assessment", publicPage);
    }

    [Fact]
    public async Task AssessmentPage_IsForCoChairs_AndSavesEveryText()
    {
        var world = await World.StartAsync();
        await using var app = world.App;
        var open = world.Round.Id;
        var coChair = await world.SignInAsync(World.Indonesia);

        var denied = await (await world.SignInAsync(World.WgTip)).GetAsync($"/rounds/{open}/assessment", Ct);
        var posted = await TestApp.PostFormAsync(coChair, $"/rounds/{open}/assessment",
            new Dictionary<string, string> { ["Overall"] = "Overall from the page.", ["FocusAreas[LE]"] = "Law enforcement from the page." });

        Assert.StartsWith("/account/denied", denied.Headers.Location?.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var stored = await app.WithDbAsync(db => db.Assessments.Where(a => a.RoundId == open).OrderBy(a => a.FocusAreaId).Select(a => a.Text).ToListAsync(Ct));
        Assert.Contains("Overall from the page.", stored);
        Assert.Contains("Law enforcement from the page.", stored);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.EntityType == "Assessment" && e.UserName == World.Indonesia, Ct)));
    }
}
