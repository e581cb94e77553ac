using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Scorecards.Data.Accounts;
using Scorecards.Web.Tests.Infrastructure;

namespace Scorecards.Web.Tests.Admin;

/// <summary>Every page, asked for by someone who may not see it, is refused on the server.</summary>
public sealed class AuthorizationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] AdminPages =
    [
        "/admin/users", "/admin/users/{user}", "/admin/audit", "/admin/framework", "/admin/framework?handler=Export&format=json",
        "/admin/rounds", "/admin/bodies", "/admin/bodies/WG-TIP", "/admin/members", "/admin/members/{member}",
        "/admin/focus-areas/LE", "/admin/objectives/LE-1", "/admin/indicators/LE-2.1", "/admin/outbox", "/admin", "/admin/bodies/import",
        "/admin/users/import",
    ];

    private static readonly string[] MemberPages =
    [
        "/", "/rounds", "/rounds/{round}", "/scorecards/{scorecard}", "/scorecards/{scorecard}/entries/VM-1", "/account/password",
        "/activities", "/activities/new", "/activities/{activity}", "/activities/import", "/objectives/LE-1/history", "/focus-areas/LE/history",
        "/meetings", "/meetings/{meeting}", "/meetings/new", "/meetings/{meeting}/edit", "/decisions", "/decisions/{decision}", "/workplans", "/workplans/new",
        "/workplans/{plan}", "/workplans/{plan}/items/new", "/rounds/{round}/statement", "/notices", "/notices/settings",
    ];

    /// <summary>
    /// The small Process with one of each thing a page shows: an activity, a meeting with a decision, and a work plan.
    /// </summary>
    private static async Task<(World World, Dictionary<string, string> Ids)> EverythingAsync()
    {
        var world = await World.StartAsync();
        var given = world.Given;
        var meeting = await given.MeetingAsync("19th Ad Hoc Group SOM", Domain.Meetings.MeetingKind.AdHocGroupSom, new(2026, 5, 20));
        var ids = new Dictionary<string, int>
        {
            ["activity"] = await given.ActivityAsync("WG-TIP", "WG-TIP 11th Annual Meeting", Domain.Activities.DatePrecision.Day, new(2025, 11, 10)),
            ["meeting"] = meeting,
            ["decision"] = await given.DecisionAsync(meeting, "Develop a scorecard to track progress.", "RSO"),
            ["plan"] = await given.WorkPlanAsync("WG-TIP", "2024–26 Forward Work Plan", new(2024, 1, 1), new(2026, 12, 31)),
            ["round"] = world.Round.Id,
            ["scorecard"] = await world.ScorecardAsync("WG-TIP"),
            ["member"] = await world.App.WithDbAsync(db => db.Members.Where(m => m.Name == "Viet Nam").Select(m => m.Id).SingleAsync(Ct)),
        };
        var user = await world.App.WithDbAsync(db => db.Users.Where(u => u.Email == World.WgTip).Select(u => u.Id).SingleAsync(Ct));
        var names = ids.ToDictionary(p => p.Key, p => p.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        names["user"] = user;
        return (world, names);
    }

    private static string Resolve(Dictionary<string, string> ids, string path) =>
        ids.Aggregate(path, (resolved, id) => resolved.Replace("{" + id.Key + "}", id.Value, StringComparison.Ordinal));

    [Fact]
    public async Task EveryPage_WithoutSigningIn_SendsToSignIn()
    {
        var (world, ids) = await EverythingAsync();
        await using var _ = world.App;
        var client = world.App.CreateClient();

        foreach (var path in AdminPages.Concat(MemberPages))
        {
            var response = await client.GetAsync(Resolve(ids, path), Ct);

            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{path}: {response.StatusCode}");
            Assert.StartsWith("/account/login", response.Headers.Location?.PathAndQuery);
        }
    }

    [Theory]
    [InlineData(World.WgTip)]
    [InlineData(World.Indonesia)]
    [InlineData(World.Viewer)]
    public async Task AdminPages_ForOtherRoles_AreRefusedWith403(string email)
    {
        var (world, ids) = await EverythingAsync();
        await using var _ = world.App;
        var client = await world.SignInAsync(email);

        foreach (var path in AdminPages)
        {
            var response = await client.GetAsync(Resolve(ids, path), Ct);

            Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.PathAndQuery.StartsWith("/account/denied", StringComparison.Ordinal),
                $"{email} {path}: {response.StatusCode} {response.Headers.Location}");
        }

        var denied = await client.GetAsync("/account/denied", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Contains("Your account is not allowed to see or do this.", await denied.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task AdminPages_ForAdministrator_AllOpen()
    {
        var (world, ids) = await EverythingAsync();
        await using var _ = world.App;
        var client = await world.SignInAsync(World.Admin);

        foreach (var path in AdminPages.Concat(MemberPages))
        {
            var response = await client.GetAsync(Resolve(ids, path), Ct);

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
        }
    }

    /// <summary>WG-TIP and RSO each report on one objective in an open round; RSO's scorecard is submitted.</summary>
    private static async Task<(TestApp App, int WgTip, int Rso)> RoundAsync()
    {
        var app = await TestApp.StartAsync(demo: false, clock: new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero)));
        var given = app.Given;
        await given.BodyAsync("WG-TIP");
        await given.BodyAsync("RSO");
        await given.FrameworkAsync(("LE-1", ["RSO"]), ("LE-3", ["WG-TIP"]));
        await given.AccountAsync("tip@example.org", Roles.Reporter, body: "WG-TIP");
        var round = await given.RoundAsync("19th AHG SOM, 2026", new(2025, 5, 21), new(2026, 5, 20), new(2026, 2, 1), new(2026, 4, 1));
        var (wgTip, rso) = (await given.ScorecardIdAsync(round.Id, "WG-TIP"), await given.ScorecardIdAsync(round.Id, "RSO"));
        await given.RateAllAsync(rso);
        await given.ActAsync(rso, "reporter", async (service, loaded, user) => Assert.True((await service.SubmitAsync(loaded, null, user, Ct)).Succeeded));
        return (app, wgTip, rso);
    }

    [Fact]
    public async Task PostingToAnotherBodysEntry_FromThePage_IsRefusedAndChangesNothing()
    {
        var (app, own, rso) = await RoundAsync();
        await using var _ = app;
        var client = await app.SignInAsync("tip@example.org", Given.Password);

        // The antiforgery token comes from the reporter's own entry page; the post goes to another body's entry.
        var response = await TestApp.PostFormAsync(client, $"/scorecards/{rso}/entries/LE-1",
            new Dictionary<string, string> { ["Form.Version"] = "1", ["Form.Completion"] = "Complete", ["Form.Progress"] = "Not ours." },
            $"/scorecards/{own}/entries/LE-3");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/denied", response.Headers.Location?.PathAndQuery);
        Assert.Equal(0, await app.WithDbAsync(db => db.Entries.CountAsync(e => e.Progress == "Not ours.", Ct)));
    }

    [Fact]
    public async Task ReviewActions_ByAReporter_AreRefused()
    {
        var (app, own, rso) = await RoundAsync();
        await using var _ = app;
        var client = await app.SignInAsync("tip@example.org", Given.Password);

        var response = await TestApp.PostFormAsync(client, $"/scorecards/{rso}?handler=Approve", new Dictionary<string, string>(), $"/scorecards/{own}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/denied", response.Headers.Location?.PathAndQuery);
        Assert.Equal(Domain.Scorecards.ScorecardStatus.Submitted,
            await app.WithDbAsync(db => db.Scorecards.Where(s => s.Id == rso).Select(s => s.Status).SingleAsync(Ct)));
    }
}
