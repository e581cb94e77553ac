using DocumentFormat.OpenXml.Packaging;
using Microsoft.Playwright;

namespace Scorecards.BrowserTests;

public sealed class ExportJourneyTests
{
    [Fact]
    public async Task CoChair_DownloadsTheMeetingPaper_FromTheRoundPage()
    {
        await using var app = await BrowserApp.StartAsync();
        var page = await app.SignInAsync("cochair.indonesia@demo.scorecards.test");

        await page.GetByRole(AriaRole.Link, new() { Name = "Rounds" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "18th AHG SOM, 2025" }).First.ClickAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Meeting paper (Word)" }).ClickAsync());
        var path = Path.Combine(Path.GetTempPath(), $"scorecards-{Guid.NewGuid():N}.docx");
        await download.SaveAsAsync(path);

        Assert.Equal("scorecard-18th-ahg-som-2025.docx", download.SuggestedFilename);
        using var document = WordprocessingDocument.Open(path, false);
        var text = document.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains("Scorecard: 18th AHG SOM, 2025", text);
        Assert.Contains("Co-Chairs' assessment", text);
        File.Delete(path);

        // The open round's paper holds no approved scorecard yet; asked to, it includes the others, marked as drafts.
        await page.GetByRole(AriaRole.Link, new() { Name = "19th AHG SOM, 2026" }).First.ClickAsync();
        await page.GetByLabel("Include scorecards not yet approved").CheckAsync();
        var drafts = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Meeting paper (Word)" }).ClickAsync());
        await drafts.SaveAsAsync(path);

        Assert.Equal("scorecard-19th-ahg-som-2026-with-drafts.docx", drafts.SuggestedFilename);
        using (var paper = WordprocessingDocument.Open(path, false))
        {
            var body = paper.MainDocumentPart!.Document.Body!.InnerText;
            Assert.Contains("This paper includes unapproved content", body);
            Assert.Contains("Draft — not approved by the Co-Chairs", body);
        }

        File.Delete(path);
    }
}
