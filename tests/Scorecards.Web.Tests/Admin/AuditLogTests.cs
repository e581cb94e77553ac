using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Scorecards.Data.Accounts;
using Scorecards.Domain.Scorecards;
using Scorecards.Web.Tests.Infrastructure;

namespace Scorecards.Web.Tests.Admin;

/// <summary>The audit log in the words people use, filtered the ways a secretariat looks for a change.</summary>
public sealed partial class AuditLogTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Admin = "admin@example.org";
    private const string Reporter = "reporter@example.org";

    private static readonly string LongText = "The WG-TIP held its 10th Annual Meeting in Bangkok. " + string.Concat(Enumerable.Repeat("Members discussed cooperation. ", 10));

    /// <summary>The WG-TIP's entry saved from the page on 2 March, its scorecard submitted and approved by Indonesia on 10 March.</summary>
    private static async Task<TestApp> ChangedAsync()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var app = await TestApp.StartAsync(demo: false, clock: clock);
        var given = app.Given;
        await given.CoChairGovernmentsAsync("Indonesia", "Australia");
        await given.BodyAsync("WG-TIP");
        await given.FrameworkAsync(("LE-1", ["WG-TIP"]));
        await given.AccountAsync(Admin, Roles.Administrator);
        await given.AccountAsync(Reporter, Roles.Reporter, body: "WG-TIP");
        await given.AccountAsync("reviewer.id@example.org", Roles.CoChair, member: "Indonesia");
        var round = await given.RoundAsync("19th AHG SOM, 2026", new(2025, 5, 22), new(2026, 5, 20), new(2026, 2, 1), new(2026, 4, 1));
        var id = await given.ScorecardIdAsync(round.Id, "WG-TIP");
        var reporter = await app.SignInAsync(Reporter, Given.Password);
        await TestApp.PostFormAsync(reporter, $"/scorecards/{id}/entries/LE-1", new Dictionary<string, string>
        {
            ["Form.Version"] = "1",
            ["Form.Completion"] = "Substantial",
            ["Form.Trajectory"] = "OnTrack",
            ["Form.Progress"] = LongText,
        });
        clock.Advance(TimeSpan.FromDays(8));
        reporter = await app.SignInAsync(Reporter, Given.Password);
        await TestApp.PostFormAsync(reporter, $"/scorecards/{id}?handler=Submit", new Dictionary<string, string>(), $"/scorecards/{id}");
        var reviewer = await app.SignInAsync("reviewer.id@example.org", Given.Password);
        await TestApp.PostFormAsync(reviewer, $"/scorecards/{id}?handler=Approve", new Dictionary<string, string>(), $"/scorecards/{id}");
        return app;
    }

    private static string Flat(string html) => WhiteSpace().Replace(System.Net.WebUtility.HtmlDecode(html), " ");

    [Fact]
    public async Task Page_ShowsCodesNamesAndLabels_AndLongTextsOneClickAway()
    {
        await using var app = await ChangedAsync();
        var admin = await app.SignInAsync(Admin, Given.Password);

        var page = Flat(await admin.GetStringAsync("/admin/audit?kind=Scorecard", Ct));
        var entries = Flat(await admin.GetStringAsync("/admin/audit?kind=Entry", Ct));

        Assert.Contains("<td data-label=\"Who\">reviewer.id</td> <td data-label=\"What\">Updated scorecard: WG-TIP scorecard (19th AHG SOM, 2026)</td> "
            + "<td data-label=\"Field\">Status</td> <td data-label=\"Before\" class=\"small\"> Submitted </td> <td data-label=\"After\" class=\"small\"> Approved by one Co-Chair </td>", page);
        Assert.DoesNotContain("ApprovedByOne", page);
        Assert.Contains("<td data-label=\"What\">Updated entry: WG-TIP – LE-1 (19th AHG SOM, 2026)</td> <td data-label=\"Field\">Completion</td>", entries);
        Assert.DoesNotContain("body #", entries);
        Assert.DoesNotContain("objective #", entries);
        Assert.Contains($"<details><summary>{LongText[..120]}…</summary><div class=\"audit-full\">{LongText.Trim()}</div></details>", entries);
    }

    [Fact]
    public async Task Filters_ByKindActionPersonAndDate_AndTheApiGivesTheSameWords()
    {
        await using var app = await ChangedAsync();
        var api = await app.ApiClientAsync(Admin);

        async Task<List<JsonElement>> EventsAsync(string query) =>
            (await api.GetFromJsonAsync<JsonElement>($"/api/v1/audit?{query}", Ct)).GetProperty("events").EnumerateArray().ToList();

        var march2 = await EventsAsync("from=2026-03-02&to=2026-03-02&kind=Entry");
        var march10 = await EventsAsync("from=2026-03-10&kind=Scorecard&action=Updated");
        var reviewer = await EventsAsync("user=reviewer.id");
        var created = await EventsAsync("action=Created&kind=Member");

        Assert.NotEmpty(march2);
        Assert.All(march2, e => Assert.Equal("Entry", e.GetProperty("entityType").GetString()));
        Assert.Contains(march2, e => e.GetProperty("fieldLabel").GetString() == "Completion" && e.GetProperty("afterText").GetString() == "Substantial");
        Assert.Equal(["Submitted", "Approved by one Co-Chair"], march10.Where(e => e.GetProperty("field").GetString() == "Status")
            .OrderBy(e => e.GetProperty("id").GetInt64()).Select(e => e.GetProperty("afterText").GetString()));
        Assert.All(reviewer, e => Assert.Equal("reviewer.id", e.GetProperty("person").GetString()));
        Assert.NotEmpty(reviewer);
        var indonesia = Assert.Single(created, e => e.GetProperty("subject").GetString() == "Indonesia");
        Assert.Contains("Kind: State", indonesia.GetProperty("afterText").GetString());
        Assert.Empty(await EventsAsync("from=2026-03-11"));
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
