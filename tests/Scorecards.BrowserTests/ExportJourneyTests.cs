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
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Meeting paper (Word)" }).ClickAsync());
        var path = Path.Combine(Path.GetTempPath(), $"scorecards-{Guid.NewGuid():N}.docx");
        await download.SaveAsAsync(path);

        Assert.Equal("scorecard-18th-ahg-som-2025.docx", download.SuggestedFilename);
        using var document = WordprocessingDocument.Open(path, false);
        var text = document.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains("Scorecard: 18th AHG SOM, 2025", text);
        Assert.Contains("Co-Chairs' assessment", text);
        File.Delete(path);
    }
}
