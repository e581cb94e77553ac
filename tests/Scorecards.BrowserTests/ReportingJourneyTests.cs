using Microsoft.Playwright;

namespace Scorecards.BrowserTests;

public sealed class ReportingJourneyTests
{
    private const string Reporter = "reporter.teg-rr@demo.scorecards.test";

    private static async Task FillEntryAsync(IPage page, string code, string completion, string progress)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = $"Edit {code}" }).ClickAsync();
        await page.GetByLabel("Completion").SelectOptionAsync(new SelectOptionValue { Label = completion });
        await page.GetByLabel("Trajectory").SelectOptionAsync(new SelectOptionValue { Label = "▲ On track" });
        await page.GetByLabel("Progress", new() { Exact = true }).FillAsync(progress);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save entry" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"{code} saved.");
    }

    [Fact]
    public async Task Reporter_SubmitsCoChairReturns_ReporterFixes_BothApprove_RoundShowsApproved()
    {
        await using var app = await BrowserApp.StartAsync();

        // A reporter fills in two entries, confirms what was carried over from the last round, and submits.
        var reporter = await app.SignInAsync(Reporter);
        await reporter.GetByRole(AriaRole.Link, new() { Name = "TEG-RR scorecard" }).ClickAsync();
        await FillEntryAsync(reporter, "RR-1", "Substantial", "TEG-RR hosted its 7th Annual Meeting in Phnom Penh, Cambodia, in December 2024.");
        await FillEntryAsync(reporter, "RR-2", "Limited", "Capacity building on reintegration continued with partners.");
        await Assertions.Expect(reporter.GetByTestId("carried-over-list")).ToContainTextAsync("RR-3: carried over from 18th AHG SOM, 2025; not yet reviewed");
        await reporter.GetByRole(AriaRole.Button, new() { Name = "Submit for review" }).ClickAsync();
        await Assertions.Expect(reporter.GetByTestId("problems")).ToContainTextAsync("carried-over entries have not been reviewed this round");
        await reporter.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Confirm all \\d+ as still accurate$") }).ClickAsync();
        await Assertions.Expect(reporter.GetByTestId("checklist-complete")).ToBeVisibleAsync();
        await reporter.GetByRole(AriaRole.Button, new() { Name = "Submit for review" }).ClickAsync();
        await Assertions.Expect(reporter.GetByTestId("scorecard-state")).ToHaveTextAsync("Submitted");
        var scorecardUrl = reporter.Url;

        // A Co-Chair returns it with a reason.
        var indonesia = await app.SignInAsync("cochair.indonesia@demo.scorecards.test");
        await indonesia.GotoAsync(scorecardUrl);
        await indonesia.GetByLabel("Reason for returning it").FillAsync("Please say when the 8th Annual Meeting will be held.");
        await indonesia.GetByRole(AriaRole.Button, new() { Name = "Return to the body" }).ClickAsync();
        await Assertions.Expect(indonesia.GetByTestId("scorecard-state")).ToHaveTextAsync("Returned");

        // The reporter is told: the header counts the notice, which gives the reason and leads back to the scorecard.
        await reporter.GotoAsync(app.BaseUrl + "/");
        await reporter.GetByRole(AriaRole.Link, new() { Name = "Notices (1 unread)" }).ClickAsync();
        await Assertions.Expect(reporter.GetByTestId("notices")).ToContainTextAsync("Please say when the 8th Annual Meeting will be held.");
        await reporter.GetByRole(AriaRole.Button, new() { Name = "Open" }).First.ClickAsync();
        await reporter.WaitForURLAsync(scorecardUrl);
        await Assertions.Expect(reporter.GetByTestId("notices-link")).ToHaveTextAsync("Notices");

        // The reporter sees the reason, fixes the entry and submits again.
        await reporter.GotoAsync(scorecardUrl);
        await Assertions.Expect(reporter.GetByTestId("reopen-reason")).ToContainTextAsync("Please say when the 8th Annual Meeting will be held.");
        await FillEntryAsync(reporter, "RR-1", "Substantial", "TEG-RR hosted its 7th Annual Meeting in Phnom Penh in December 2024; the 8th is planned for Q4 2025.");
        await reporter.GetByLabel("Your reply to the Co-Chairs").FillAsync("RR-1 now says the 8th Annual Meeting is planned for Q4 2025.");
        await reporter.GetByRole(AriaRole.Button, new() { Name = "Submit for review" }).ClickAsync();
        await Assertions.Expect(reporter.GetByTestId("scorecard-state")).ToHaveTextAsync("Submitted");

        // Both Co-Chair governments approve; the first reads the reply beside the reason.
        await indonesia.GotoAsync(scorecardUrl);
        await Assertions.Expect(indonesia.GetByTestId("reply")).ToContainTextAsync("RR-1 now says the 8th Annual Meeting is planned for Q4 2025.");
        await indonesia.GetByRole(AriaRole.Button, new() { Name = "Approve for Indonesia" }).ClickAsync();
        await Assertions.Expect(indonesia.GetByTestId("scorecard-state")).ToHaveTextAsync("Approved by one Co-Chair");
        await Assertions.Expect(indonesia.GetByTestId("awaiting")).ToHaveTextAsync("Australia");
        await Assertions.Expect(indonesia.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Approve") })).ToHaveCountAsync(0);
        var australia = await app.SignInAsync("cochair.australia@demo.scorecards.test");
        await australia.GotoAsync(scorecardUrl);
        await australia.GetByRole(AriaRole.Button, new() { Name = "Approve for Australia" }).ClickAsync();
        await Assertions.Expect(australia.GetByTestId("scorecard-state")).ToHaveTextAsync("Approved");

        // The round page shows it approved, and the reporter can no longer edit it.
        await australia.GetByRole(AriaRole.Link, new() { Name = "19th AHG SOM, 2026" }).First.ClickAsync();
        await Assertions.Expect(australia.Locator("tr[data-body='TEG-RR']")).ToContainTextAsync("Approved");
        await reporter.GotoAsync(scorecardUrl);
        await Assertions.Expect(reporter.GetByTestId("read-only-reason")).ToContainTextAsync("Both Co-Chairs have approved");
        await Assertions.Expect(reporter.GetByRole(AriaRole.Link, new() { Name = "Edit RR-1" })).ToHaveCountAsync(0);
    }
}
