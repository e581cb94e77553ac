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
        "/admin/focus-areas/LE", "/admin/objectives/LE-1", "/admin/indicators/LE-2.1",
    ];

    private static readonly string[] MemberPages =
    [
        "/", "/rounds", "/rounds/{round}", "/scorecards/{scorecard}", "/scorecards/{scorecard}/entries/LE-3", "/account/password",
        "/activities", "/activities/new", "/activities/{activity}", "/activities/import", "/objectives/LE-1/history", "/focus-areas/LE/history",
        "/meetings", "/meetings/1", "/meetings/new", "/meetings/1/edit", "/decisions", "/decisions/1", "/workplans", "/workplans/new", "/workplans/1",
        "/workplans/1/items/new", "/rounds/{round}/statement",
    ];

    private static async Task<string> ResolveAsync(TestApp app, string path)
    {
        var user = await app.WithDbAsync(db => db.Users.Where(u => u.Email == Demo.WgTip).Select(u => u.Id).SingleAsync(Ct));
        var member = await app.WithDbAsync(db => db.Members.Where(m => m.Name == "Fiji").Select(m => m.Id).SingleAsync(Ct));
        var round = await app.WithDbAsync(db => db.Rounds.Select(r => r.Id).MaxAsync(Ct));
        var activity = await app.WithDbAsync(db => db.Activities.Select(a => a.Id).MinAsync(Ct));
        return path.Replace("{user}", user).Replace("{member}", member.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Replace("{round}", round.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Replace("{activity}", activity.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Replace("{scorecard}", (await app.CurrentScorecardIdAsync("WG-TIP")).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task EveryPage_WithoutSigningIn_SendsToSignIn()
    {
        await using var app = await TestApp.StartAsync();
        var client = app.CreateClient();

        foreach (var path in AdminPages.Concat(MemberPages))
        {
            var response = await client.GetAsync(await ResolveAsync(app, path), Ct);

            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{path}: {response.StatusCode}");
            Assert.StartsWith("/account/login", response.Headers.Location?.PathAndQuery);
        }
    }

    [Theory]
    [InlineData(Demo.WgTip)]
    [InlineData(Demo.Indonesia)]
    [InlineData(Demo.Viewer)]
    public async Task AdminPages_ForOtherRoles_AreRefusedWith403(string email)
    {
        await using var app = await TestApp.StartAsync();
        var client = await app.SignInAsync(email);

        foreach (var path in AdminPages)
        {
            var response = await client.GetAsync(await ResolveAsync(app, path), Ct);

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
        await using var app = await TestApp.StartAsync();
        var client = await app.SignInAsync(Demo.Admin);

        foreach (var path in AdminPages.Concat(MemberPages))
        {
            var response = await client.GetAsync(await ResolveAsync(app, path), Ct);

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
