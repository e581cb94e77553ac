using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Scorecards.Web.Infrastructure.Spreadsheets;

namespace Scorecards.BrowserTests;

public sealed class EvidenceJourneyTests
{
    private const string Reporter = "reporter.teg-rr@demo.scorecards.test";
    private const string Workshop = "Regional workshop on reintegration support";

    private static async Task<string> WorkbookAsync(string folder, string name, string secondEnd)
    {
        (string, int)[] columns = [("Title", 40), ("Kind", 12), ("Start date", 12), ("End date", 12), ("City", 12), ("Member", 12), ("Lead body", 10), ("Objectives", 12)];
        IReadOnlyList<object?>[] rows =
        [
            [Workshop, "Workshop", new DateOnly(2025, 9, 15), new DateOnly(2025, 9, 17), "Manila", "Philippines", "TEG-RR", "RR-2"],
            ["Returns case-management training", "Training", new DateOnly(2025, 10, 6), DateOnly.Parse(secondEnd, System.Globalization.CultureInfo.InvariantCulture), "Dhaka", "Bangladesh", "TEG-RR", "RR-1"],
        ];
        var path = Path.Combine(folder, name);
        await using var file = File.Create(path);
        await SheetWriter.WriteXlsxAsync([new SheetTable("Activities", columns, rows)], file, CancellationToken.None);
        return path;
    }

    [Fact]
    public async Task Reporter_ImportsAWorkbookWithABadRow_FixesIt_Applies_CitesAnActivity_AndTheRoundPageShowsIt()
    {
        await using var app = await BrowserApp.StartAsync();
        var folder = Directory.CreateTempSubdirectory("scorecards-import-").FullName;
        var page = await app.SignInAsync(Reporter);

        // The first file has a row that ends before it starts: the preview says where, and nothing is applied.
        await page.GetByRole(AriaRole.Link, new() { Name = "Activities" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Import from a file" }).ClickAsync();
        await page.GetByLabel("Activities file").SetInputFilesAsync(await WorkbookAsync(folder, "teg-rr.xlsx", "2025-10-01"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("count-rejected")).ToHaveTextAsync("1");
        await Assertions.Expect(page.GetByTestId("rejections")).ToContainTextAsync("3");
        await Assertions.Expect(page.GetByTestId("rejections")).ToContainTextAsync("The activity ends (2025-10-01) before it starts (2025-10-06).");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Apply: create 2, update 0" })).ToHaveCountAsync(0);

        // The corrected file previews clean and is applied on confirmation.
        await page.GetByLabel("Activities file").SetInputFilesAsync(await WorkbookAsync(folder, "teg-rr.xlsx", "2025-10-08"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("count-created")).ToHaveTextAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply: create 2, update 0" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Imported teg-rr.xlsx: 2 created, 0 updated, 0 unchanged.");
        await Assertions.Expect(page.GetByTestId("activities")).ToContainTextAsync(Workshop);

        // The reporter cites the imported workshop as evidence on an entry.
        await page.GetByRole(AriaRole.Link, new() { Name = "Home" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "TEG-RR scorecard" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit RR-2" }).ClickAsync();
        await page.GetByLabel("Completion").SelectOptionAsync(new SelectOptionValue { Label = "Substantial" });
        await page.GetByLabel("Trajectory").SelectOptionAsync(new SelectOptionValue { Label = "▲ On track" });
        await page.GetByLabel("Progress", new() { Exact = true }).FillAsync("TEG-RR held a regional workshop on reintegration support in Manila in September 2025.");
        await page.GetByLabel(Workshop).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save entry" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("RR-2 saved.");

        // The round page, drilled down to the focus area, shows the evidence with its date and place.
        await page.GetByRole(AriaRole.Link, new() { Name = "19th AHG SOM, 2026" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Focus area" }).SelectOptionAsync(new SelectOptionValue { Label = "Returns and Reintegration" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Assertions.Expect(page.Locator("#entry-TEG-RR-RR-2").GetByTestId("evidence")).ToContainTextAsync($"{Workshop} (15–17 September 2025, Manila)");
    }

    [Fact]
    public async Task EvidencePages_HaveNoSeriousOrCriticalAccessibilityViolations()
    {
        await using var app = await BrowserApp.StartAsync();
        var page = await app.SignInAsync("admin@demo.scorecards.test");
        var problems = new List<string>();

        foreach (var path in new[] { "/activities", "/activities/import", "/meetings", "/meetings/4", "/meetings/new", "/decisions", "/decisions/1", "/workplans", "/workplans/2", "/workplans/2/items/new" })
        {
            await page.GotoAsync(path);
            var results = await page.RunAxe();
            problems.AddRange(results.Violations.Where(v => v.Impact is "serious" or "critical")
                .Select(v => $"{path}: {v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}"));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
