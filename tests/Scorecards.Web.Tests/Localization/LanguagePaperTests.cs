using System.Net;
using DocumentFormat.OpenXml.Packaging;
using Scorecards.Domain.Scorecards;
using Scorecards.Web.Tests.Infrastructure;

namespace Scorecards.Web.Tests.Localization;

/// <summary>Papers in the language asked for with ?lang=: Word, PDF and the workbook's reading sheets; the data (CSV, JSON) stays English.</summary>
public sealed class LanguagePaperTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Progress = "WG-TIP held its 10th Annual Meeting in Bangkok.";

    private static async Task<World> PublishedAsync()
    {
        var world = await World.StartAsync();
        var wgTip = await world.ScorecardAsync("WG-TIP");
        await world.Given.RateAllAsync(wgTip, progress: Progress);
        await world.Given.ApproveAsync(wgTip);
        await world.Given.PublishAsync(world.Round.Id);
        return world;
    }

    [Fact]
    public async Task ThePapers_AskedForInIndonesian_AreInIndonesian_WithWhatBodiesWroteAsTheyWroteIt()
    {
        await using var world = await PublishedAsync();
        var anyone = world.App.CreateClient();
        var paper = $"/api/v1/public/rounds/{world.Round.Id}/export";

        var docx = await anyone.GetAsync($"{paper}?format=docx&lang=id", Ct);
        var pdf = await anyone.GetAsync($"{paper}?format=pdf&lang=id", Ct);
        var english = await anyone.GetAsync($"{paper}?format=docx", Ct);
        var csv = await (await anyone.GetAsync($"{paper}?format=csv&lang=id", Ct)).Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        var word = WordText(await docx.Content.ReadAsByteArrayAsync(Ct));
        Assert.Contains($"Kartu skor: {World.RoundName}", word, StringComparison.Ordinal);
        Assert.Contains("Penilaian Ketua Bersama", word, StringComparison.Ordinal);
        Assert.Contains("Capaian menurut bidang kerja sama", word, StringComparison.Ordinal);
        Assert.Contains("Periode pelaporan: 21 Mei 2025 – 20 Mei 2026.", word, StringComparison.Ordinal);
        Assert.Contains(Progress, word, StringComparison.Ordinal);
        Assert.DoesNotContain("Completion by focus area", word, StringComparison.Ordinal);
        Assert.Contains("Completion by focus area", WordText(await english.Content.ReadAsByteArrayAsync(Ct)), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        var bytes = await pdf.Content.ReadAsByteArrayAsync(Ct);
        using (var document = UglyToad.PdfPig.PdfDocument.Open(bytes))
        {
            var text = string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
            Assert.Contains("Penilaian Ketua Bersama", text, StringComparison.Ordinal);
            Assert.Contains("Halaman 1 dari", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Focus areas by body", text, StringComparison.Ordinal);
        }

        Assert.Contains("/Lang(id)", System.Text.Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);
        Assert.StartsWith("round,body,bodyName,", csv, StringComparison.Ordinal);
        Assert.Contains(",Approved by the Co-Chairs,", csv, StringComparison.Ordinal);
    }

    internal static string WordText(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return string.Join("\n", document.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
    }
}
