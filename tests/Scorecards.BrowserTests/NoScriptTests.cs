using Microsoft.Playwright;

namespace Scorecards.BrowserTests;

/// <summary>With scripts off, every journey still works, and nothing irreversible happens in one click.</summary>
public sealed class NoScriptTests
{
    [Fact]
    public async Task WithoutJavaScript_ClosingReporting_AsksOnAPage_AndOnlyTheAnswerActs()
    {
        await using var app = await BrowserApp.StartAsync();
        var page = await app.SignInAsync("admin@demo.scorecards.test", javaScript: false);
        await page.GetByRole(AriaRole.Link, new() { Name = "19th AHG SOM, 2026" }).First.ClickAsync();
        var round = page.Url;

        await page.GetByRole(AriaRole.Button, new() { Name = "Close reporting" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Please confirm");
        await Assertions.Expect(page.GetByTestId("confirm-step")).ToContainTextAsync("Close reporting on 19th AHG SOM, 2026 and move it to review?");
        await page.GetByRole(AriaRole.Link, new() { Name = "No, go back" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("round-state")).ToHaveTextAsync("Open");

        await page.GetByRole(AriaRole.Button, new() { Name = "Close reporting" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, go ahead" }).ClickAsync();
        await page.WaitForURLAsync(round);
        await Assertions.Expect(page.GetByTestId("round-state")).ToHaveTextAsync("In review");
    }
}
