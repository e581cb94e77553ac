using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Scorecards.Data;
using Scorecards.Data.Accounts;
using Scorecards.Domain.Rounds;
using Scorecards.Domain.Scorecards;

namespace Scorecards.Web.Tests.Infrastructure;

/// <summary>
/// A small Process, stated here in full, for tests that need a round to work in but assert only on what they add:
/// <list type="bullet">
/// <item>members Indonesia and Australia (the Co-Chair governments) and Viet Nam;</item>
/// <item>bodies WG-TIP and RSO; the <see cref="Framework"/>: objectives LE-1 (both bodies), LE-2 (RSO, with the
/// indicator LE-2.1), VM-1 and VM-2 (WG-TIP), in focus areas "Area LE" and "Area VM", and VM-3 that no body reports on;</item>
/// <item>one account per role below, each with <see cref="Given.Password"/>;</item>
/// <item>the round "19th AHG SOM, 2026" (period 21 May 2025 – 20 May 2026, due 1 April 2026) open, on a clock stopped at
/// 2 March 2026, 09:00 UTC; with <c>lastRound</c>, before it "18th AHG SOM, 2025", every entry rated Substantial with
/// <see cref="LastProgress"/>, approved by both governments and published, so the open round's entries start from it.</item>
/// </list>
/// </summary>
public sealed class World : IAsyncDisposable
{
    public const string Admin = "admin@example.org";
    public const string WgTip = "reporter.wg-tip@example.org";
    public const string Rso = "reporter.rso@example.org";
    public const string Indonesia = "cochair.id@example.org";
    public const string Australia = "cochair.au@example.org";
    public const string Viewer = "viewer.vn@example.org";
    public const string RoundName = "19th AHG SOM, 2026";
    public const string LastRoundName = "18th AHG SOM, 2025";
    public const string LastProgress = "Held the annual meeting in Hanoi.";

    public const string Framework = """
        strategy: {code: ASC-2023, name: 2023 Adelaide Strategy for Cooperation}
        focusAreas:
          - code: LE
            name: Area LE
            objectives:
              - {code: LE-1, title: Objective LE-1, bodies: [WG-TIP, RSO]}
              - code: LE-2
                title: Objective LE-2
                bodies: [RSO]
                indicators:
                  - {code: LE-2.1, name: Officials trained, kind: Quantitative, unit: officials, baseline: 0, target: 100}
          - code: VM
            name: Area VM
            objectives:
              - {code: VM-1, title: Objective VM-1, bodies: [WG-TIP]}
              - {code: VM-2, title: Objective VM-2, bodies: [WG-TIP]}
              - {code: VM-3, title: Objective VM-3, bodies: []}
        """;

    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private World(TestApp app, Round round, Round? last)
    {
        App = app;
        Round = round;
        LastRound = last;
    }

    public TestApp App { get; }

    /// <summary>The open round.</summary>
    public Round Round { get; }

    /// <summary>The published round before it, when asked for.</summary>
    public Round? LastRound { get; }

    public Given Given => App.Given;

    public static async Task<World> StartAsync(bool lastRound = false, DatabaseProvider provider = DatabaseProvider.Sqlite,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var app = await TestApp.StartAsync(demo: false, clock: new FakeTimeProvider(Now), provider: provider, settings: settings);
        var given = app.Given;
        await given.CoChairGovernmentsAsync("Indonesia", "Australia");
        await given.MemberAsync("Viet Nam");
        await given.BodyAsync("WG-TIP", "Working Group on Trafficking in Persons");
        await given.BodyAsync("RSO", "Regional Support Office");
        await given.FrameworkYamlAsync(Framework);
        await given.AccountAsync(Admin, Roles.Administrator);
        await given.AccountAsync(WgTip, Roles.Reporter, body: "WG-TIP");
        await given.AccountAsync(Rso, Roles.Reporter, body: "RSO");
        await given.AccountAsync(Indonesia, Roles.CoChair, member: "Indonesia");
        await given.AccountAsync(Australia, Roles.CoChair, member: "Australia");
        await given.AccountAsync(Viewer, Roles.MemberViewer, member: "Viet Nam");

        Round? last = null;
        if (lastRound)
        {
            last = await given.RoundAsync(LastRoundName, new(2024, 5, 4), new(2025, 5, 20), new(2025, 3, 1), new(2025, 5, 1));
            foreach (var body in new[] { "WG-TIP", "RSO" })
            {
                var id = await given.ScorecardIdAsync(last.Id, body);
                await given.RateAllAsync(id, progress: LastProgress);
                await given.ApproveAsync(id);
            }

            await given.PublishAsync(last.Id);
        }

        var round = await given.RoundAsync(RoundName, new(2025, 5, 21), new(2026, 5, 20), new(2026, 2, 1), new(2026, 4, 1));
        return new World(app, round, last);
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();

    public Task<int> ScorecardAsync(string body) => Given.ScorecardIdAsync(Round.Id, body);

    public Task<HttpClient> SignInAsync(string email) => App.SignInAsync(email, Given.Password);

    public Task<HttpClient> ApiAsync(string email) => App.ApiClientAsync(email);

    public Task<ScorecardStatus> StatusAsync(int scorecardId) =>
        App.WithDbAsync(db => db.Scorecards.Where(s => s.Id == scorecardId).Select(s => s.Status).SingleAsync());

    public Task<RoundStatus> RoundStatusAsync(int roundId) =>
        App.WithDbAsync(db => db.Rounds.Where(r => r.Id == roundId).Select(r => r.Status).SingleAsync());
}
