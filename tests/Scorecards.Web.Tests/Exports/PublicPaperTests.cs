using System.Net;
using DocumentFormat.OpenXml.Packaging;
using Scorecards.Domain.Scorecards;
using Scorecards.Web.Tests.Infrastructure;

namespace Scorecards.Web.Tests.Exports;

/// <summary>What anyone may download or read of a published round: the approved scorecards, nothing else.</summary>
public sealed class PublicPaperTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Approved = "WG-TIP held its 10th Annual Meeting in Bangkok.";
    private const string Unapproved = "The RSO's draft on secondments, still with the Co-Chairs.";
    private const string Asked = "Funding for two more secondments from the Co-Chair governments.";

    /// <summary>WG-TIP approved, with support needed on LE-1; the RSO submitted but never approved; the round published or not.</summary>
    private static async Task<World> RoundAsync(bool publish)
    {
        var world = await World.StartAsync();
        var given = world.Given;
        var wgTip = await world.ScorecardAsync("WG-TIP");
        var rso = await world.ScorecardAsync("RSO");
        await given.RateAllAsync(wgTip, progress: Approved);
        await given.RateAsync(wgTip, "LE-1", Completion.Complete, Approved, supportNeeded: Asked);
        await given.RateAllAsync(rso, progress: Unapproved);
        await given.SubmitAsync(rso);
        await given.ApproveAsync(wgTip);
        if (publish)
        {
            await given.PublishAsync(world.Round.Id);
        }

        return world;
    }

    [Fact]
    public async Task PublishedRound_PapersDownloadWithoutSigningIn_HoldingApprovedContentOnly()
    {
        var world = await RoundAsync(publish: true);
        await using var _ = world.App;
        var anyone = world.App.CreateClient();
        var id = world.Round.Id;

        var csv = await anyone.GetAsync($"/api/v1/public/rounds/{id}/export?format=csv", Ct);
        var docx = await anyone.GetAsync($"/api/v1/public/rounds/{id}/export?format=docx", Ct);
        var pdf = await anyone.GetAsync($"/api/v1/public/rounds/{id}/export?format=pdf", Ct);

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var rows = await csv.Content.ReadAsStringAsync(Ct);
        Assert.Contains(Approved, rows, StringComparison.Ordinal);
        Assert.DoesNotContain(Unapproved, rows, StringComparison.Ordinal);
        Assert.DoesNotContain(Asked, rows, StringComparison.Ordinal);
        Assert.DoesNotContain("\nRSO,", rows, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        using var document = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync(Ct)), false);
        var text = string.Join("\n", document.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
        Assert.Contains(Approved, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Unapproved, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Asked, text, StringComparison.Ordinal);
        Assert.Contains("Not included: RSO (not approved by the Co-Chairs).", text, StringComparison.Ordinal);
        Assert.DoesNotContain("submitted", text, StringComparison.OrdinalIgnoreCase);

        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync(Ct))[..4]));
    }

    [Fact]
    public async Task RoundNotYetPublished_HasNoPublicPaperOrBodyView()
    {
        var world = await RoundAsync(publish: false);
        await using var _ = world.App;
        var anyone = world.App.CreateClient();

        var paper = await anyone.GetAsync($"/api/v1/public/rounds/{world.Round.Id}/export?format=docx", Ct);
        var body = await anyone.GetAsync($"/public/rounds/{world.Round.Id}/bodies/WG-TIP", Ct);

        Assert.Equal(HttpStatusCode.NotFound, paper.StatusCode);
        Assert.Equal("not-found", (await HttpJson.JsonAsync(paper)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, body.StatusCode);
    }

    [Fact]
    public async Task OneBodysPublishedScorecard_ReadsAsAWhole_AndAnUnapprovedOneSaysItIsNotPublished()
    {
        var world = await RoundAsync(publish: true);
        await using var _ = world.App;
        var anyone = world.App.CreateClient();
        var id = world.Round.Id;

        var round = await anyone.GetStringAsync($"/public/rounds/{id}", Ct);
        var wgTip = await anyone.GetStringAsync($"/public/rounds/{id}/bodies/wg-tip", Ct);
        var rso = await anyone.GetStringAsync($"/public/rounds/{id}/bodies/RSO", Ct);
        var unknown = await anyone.GetAsync($"/public/rounds/{id}/bodies/GABF-X", Ct);

        Assert.Contains($"href=\"/public/rounds/{id}/bodies/WG-TIP\"", round, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/public/rounds/{id}/bodies/RSO\"", round, StringComparison.Ordinal);
        Assert.Contains($"href=\"/api/v1/public/rounds/{id}/export?format=docx\"", round, StringComparison.Ordinal);
        foreach (var objective in new[] { "LE-1", "VM-1", "VM-2" })
        {
            Assert.Contains($"data-objective=\"{objective}\"", wgTip, StringComparison.Ordinal);
        }

        Assert.Contains(Approved, wgTip, StringComparison.Ordinal);
        Assert.Contains("chip complete", wgTip, StringComparison.Ordinal);
        Assert.DoesNotContain(Asked, wgTip, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"not-published\"", rso, StringComparison.Ordinal);
        Assert.DoesNotContain(Unapproved, rso, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
