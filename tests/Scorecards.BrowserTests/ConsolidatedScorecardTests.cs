using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Scorecards.BrowserTests;

public sealed class ConsolidatedScorecardTests
{
    [Fact]
    public async Task RoundPage_FilterByFocusArea_ThenFollowAChipToItsEntry()
    {
        await using var app = await BrowserApp.StartAsync();
        var page = await app.SignInAsync("cochair.indonesia@demo.scorecards.test");

        await page.GetByRole(AriaRole.Link, new() { Name = "See the whole round" }).ClickAsync();
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Focus area" }).SelectOptionAsync(new SelectOptionValue { Label = "Border Management" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();

        Assert.Contains("area=BM", page.Url);
        await Assertions.Expect(page.Locator("table.matrix tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("table.matrix tbody tr th")).ToHaveTextAsync("Border Management");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Border Management: objectives" })).ToBeVisibleAsync();

        await page.Locator("table.matrix td[data-body='D-WG'] a.chip[data-objective='BM-2']").ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("BM-2 · Test cross-border responses through joint tabletop exercises");
        await Assertions.Expect(page.GetByText("The D-WG hosted the Bali Process Joint Tabletop Exercise in June 2025")).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData("/method")]
    [InlineData("/public")]
    [InlineData("/public/rounds/{published}")]
    [InlineData("/public/rounds/{published}?area=LE")]
    [InlineData("/rounds/{current}")]
    [InlineData("/rounds/{current}?area=BM")]
    public async Task Pages_HaveNoSeriousOrCriticalAccessibilityViolations(string path)
    {
        await using var app = await BrowserApp.StartAsync();
        var page = path.StartsWith("/rounds", StringComparison.Ordinal)
            ? await app.SignInAsync("cochair.australia@demo.scorecards.test")
            : await (await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl })).NewPageAsync();
        await page.GotoAsync("/public");
        var published = await page.Locator("a[href^='/public/rounds/']").First.GetAttributeAsync("href");
        await page.GotoAsync(path.Replace("/public/rounds/{published}", published!).Replace("{current}", "2"));

        var results = await page.RunAxe();
        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}").ToList();

        Assert.True(serious.Count == 0, string.Join("\n", serious));
    }
}
