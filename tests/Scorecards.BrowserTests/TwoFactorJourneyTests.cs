using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Scorecards.Web.Tests.Infrastructure;

namespace Scorecards.BrowserTests;

public sealed class TwoFactorJourneyTests
{
    [Fact]
    public async Task Administrator_TurnsOnTwoFactor_WithTheKeyShown_ThenSigningInAsksForTheCode()
    {
        await using var app = await BrowserApp.StartAsync();
        var page = await app.SignInAsync("admin@demo.scorecards.test");

        // Set up: the key is on the page beside its QR code; the code is what a phone would compute from it.
        await page.GetByRole(AriaRole.Link, new() { Name = "Two-factor" }).ClickAsync();
        await Assertions.Expect(page.GetByAltText("QR code holding the key above for an authenticator app")).ToBeVisibleAsync();
        var accessibility = await page.RunAxe();
        var key = await page.GetByTestId("shared-key").InnerTextAsync();
        await page.GetByLabel("Code from the app").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("recovery-codes").Locator("li")).ToHaveCountAsync(10);
        await Assertions.Expect(page.GetByTestId("two-factor-on")).ToBeVisibleAsync();

        // Signing in again: the password, then the code.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("E-mail address").FillAsync("admin@demo.scorecards.test");
        await page.GetByLabel("Password").FillAsync("scorecards-demo");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Enter your code" })).ToBeVisibleAsync();
        await page.GetByLabel("Code from your authenticator app, or a recovery code").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(app.BaseUrl + "/");
        await page.GotoAsync("/admin/users");

        Assert.Empty(accessibility.Violations);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Users");
    }
}
