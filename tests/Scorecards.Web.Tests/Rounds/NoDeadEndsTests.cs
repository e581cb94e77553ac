using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Scorecards.Data.Accounts;
using Scorecards.Web.Tests.Infrastructure;

namespace Scorecards.Web.Tests.Rounds;

/// <summary>Every reader sees only links they may follow, the truth about entries they may not read yet, and what awaits them.</summary>
public sealed partial class NoDeadEndsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Admin = "admin@example.org";
    private const string Viewer = "viewer@example.org";
    private const string Indonesia = "reviewer.id@example.org";
    private const string Australia = "reviewer.au@example.org";

    /// <summary>
    /// Three bodies: the WG-TIP submitted on 2 March, the D-WG on 9 March, the RSO still drafting; CS-1 assigned to nobody.
    /// The clock then stands at 16 March 2026.
    /// </summary>
    private static async Task<(TestApp App, FakeTimeProvider Clock, int Round)> RoundAsync()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var app = await TestApp.StartAsync(demo: false, clock: clock);
        var given = app.Given;
        await given.CoChairGovernmentsAsync("Indonesia", "Australia");
        await given.MemberAsync("Viet Nam");
        foreach (var body in new[] { "WG-TIP", "D-WG", "RSO" })
        {
            await given.BodyAsync(body);
        }

        await given.FrameworkAsync(("LE-1", ["WG-TIP", "D-WG"]), ("LE-2", ["RSO"]), ("CS-1", []));
        await given.AccountAsync(Admin, Roles.Administrator);
        await given.AccountAsync(Viewer, Roles.MemberViewer, member: "Viet Nam");
        await given.AccountAsync(Indonesia, Roles.CoChair, member: "Indonesia");
        await given.AccountAsync(Australia, Roles.CoChair, member: "Australia");
        var round = await given.RoundAsync("19th AHG SOM, 2026", new(2025, 5, 22), new(2026, 5, 20), new(2026, 2, 1), new(2026, 4, 1));
        foreach (var body in new[] { "WG-TIP", "D-WG", "RSO" })
        {
            await given.RateAllAsync(await given.ScorecardIdAsync(round.Id, body));
        }

        await given.ActAsync(await given.ScorecardIdAsync(round.Id, "WG-TIP"), "r", async (s, l, u) => Assert.True((await s.SubmitAsync(l, null, u, Ct)).Succeeded));
        clock.Advance(TimeSpan.FromDays(7));
        await given.ActAsync(await given.ScorecardIdAsync(round.Id, "D-WG"), "r", async (s, l, u) => Assert.True((await s.SubmitAsync(l, null, u, Ct)).Succeeded));
        clock.Advance(TimeSpan.FromDays(7));
        return (app, clock, round.Id);
    }

    private static string Flat(string html) => WhiteSpace().Replace(html, " ");

    [Fact]
    public async Task Viewer_SeesNoLinkTheyCannotFollow_AndReadsNotYetApprovedWhereEntriesExist()
    {
        var (app, _, round) = await RoundAsync();
        await using var _ = app;

        var viewer = Flat(await (await app.SignInAsync(Viewer, Given.Password)).GetStringAsync($"/rounds/{round}", Ct));
        var viewerArea = Flat(await (await app.SignInAsync(Viewer, Given.Password)).GetStringAsync($"/rounds/{round}?area=LE", Ct));
        var viewerUnassigned = Flat(await (await app.SignInAsync(Viewer, Given.Password)).GetStringAsync($"/rounds/{round}?area=CS", Ct));
        var admin = Flat(await (await app.SignInAsync(Admin, Given.Password)).GetStringAsync($"/rounds/{round}", Ct));

        Assert.DoesNotContain("assign bodies", viewer);
        Assert.Contains("<a href=\"/admin/objectives/CS-1\">assign bodies</a>", admin);
        foreach (Match link in ScorecardLinks().Matches(viewer))
        {
            Assert.Fail($"The viewer is shown a link to scorecard {link.Groups[1].Value}, which they may not read.");
        }

        Assert.Contains("<a href=\"/scorecards/", admin[admin.IndexOf("data-testid=\"not-submitted\"", StringComparison.Ordinal)..]);
        Assert.Contains("Objectives whose entries are not yet approved (2)", viewer);
        Assert.Contains("Objectives with no entry this round (0)", viewer);
        Assert.Contains("data-testid=\"not-yet-approved-LE-1\">2 bodies have reported on this objective; not yet approved by the Co-Chairs.", viewerArea);
        Assert.Contains("data-testid=\"not-yet-approved-LE-2\">One body has reported on this objective; not yet approved by the Co-Chairs.", viewerArea);
        Assert.Equal(0, Regex.Count(viewerArea, "<p class=\"muted\">No entries.</p>"));
        Assert.Equal(1, Regex.Count(viewerUnassigned, "<p class=\"muted\">No entries.</p>"));
        Assert.DoesNotContain("not yet approved (", admin);
    }

    [Fact]
    public async Task CoChairHome_ListsWhatAwaitsTheirGovernment_OldestFirst_WithHowLongItHasWaited()
    {
        var (app, _, round) = await RoundAsync();
        await using var _ = app;
        var indonesia = await app.SignInAsync(Indonesia, Given.Password);
        var australia = await app.SignInAsync(Australia, Given.Password);
        var wgTip = await app.Given.ScorecardIdAsync(round, "WG-TIP");

        var before = Flat(await indonesia.GetStringAsync("/", Ct));
        await TestApp.PostFormAsync(indonesia, $"/scorecards/{wgTip}?handler=Approve", new Dictionary<string, string>(), $"/scorecards/{wgTip}");
        var after = Flat(await indonesia.GetStringAsync("/", Ct));
        var other = Flat(await australia.GetStringAsync("/", Ct));
        var admin = Flat(await (await app.SignInAsync(Admin, Given.Password)).GetStringAsync("/", Ct));

        Assert.Contains("2 scorecards, oldest first", before);
        Assert.Matches("WG-TIP scorecard</a>.*2 March 2026.*14 days.*D-WG scorecard</a>.*9 March 2026.*7 days", before);
        Assert.Contains("1 scorecard, oldest first", after);
        Assert.DoesNotContain("WG-TIP scorecard</a>", after[after.IndexOf("data-testid=\"queue\"", StringComparison.Ordinal)..after.IndexOf("</section>", after.IndexOf("data-testid=\"queue\"", StringComparison.Ordinal), StringComparison.Ordinal)]);
        Assert.Contains("WG-TIP scorecard</a> <span class=\"muted small\"> · approved by the other Co-Chair</span>", other);
        Assert.Matches("<td data-label=\"Awaiting approval from\">Australia</td>.*<td data-label=\"Awaiting approval from\">Australia and Indonesia</td>", admin);
    }

    [Fact]
    public async Task CoChairOfAGovernmentThatNoLongerCoChairs_IsToldWhyNothingAwaitsThem()
    {
        var (app, _, _) = await RoundAsync();
        await using var _ = app;
        await app.Given.CoChairGovernmentsAsync("Thailand");
        await app.Given.AccountAsync("reviewer.th@example.org", Roles.CoChair, member: "Thailand");
        var thailand = await app.WithDbAsync(db => db.Members.Where(m => m.Name == "Thailand").Select(m => m.Id).SingleAsync(Ct));
        await app.Given.WithAsync<Features.Members.CoChairGovernments>(async g => Assert.True((await g.RemoveAsync(thailand, Ct)).Succeeded));

        var home = await (await app.SignInAsync("reviewer.th@example.org", Given.Password)).GetStringAsync("/", Ct);

        Assert.Contains("Your account does not act for one of the Process&#x27;s Co-Chair governments", home);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex("href=\"/scorecards/(\\d+)")]
    private static partial Regex ScorecardLinks();
}
