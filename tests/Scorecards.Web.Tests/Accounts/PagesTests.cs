using System.Net;
using Microsoft.EntityFrameworkCore;
using Scorecards.Web.Tests.Infrastructure;

namespace Scorecards.Web.Tests.Accounts;

public sealed class PagesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Pages_WithoutSigningIn_RedirectToSignIn()
    {
        await using var app = await TestApp.StartAsync(demo: false);
        var client = app.CreateClient();

        var response = await client.GetAsync("/rounds", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location?.PathAndQuery);
    }

    [Fact]
    public async Task SignIn_FiveWrongPasswordsLockTheAccount_AndTheAnswerIsTheSameAsForAnAccountThatDoesNotExist()
    {
        await using var app = await TestApp.StartAsync(demo: false);
        await app.Given.AccountAsync("reporter@example.org", "Administrator");
        var client = app.CreateClient();
        var wrong = new Dictionary<string, string> { ["Email"] = "reporter@example.org", ["Password"] = "wrong password" };

        for (var i = 0; i < 5; i++)
        {
            await TestApp.PostFormAsync(client, "/account/login", wrong);
        }

        var locked = await TestApp.PostFormAsync(client, "/account/login", new Dictionary<string, string> { ["Email"] = "reporter@example.org", ["Password"] = Given.Password });
        var unknown = await TestApp.PostFormAsync(client, "/account/login", new Dictionary<string, string> { ["Email"] = "nobody@example.org", ["Password"] = Given.Password });

        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        var lockedText = Message(await locked.Content.ReadAsStringAsync(Ct));
        Assert.Equal(System.Net.WebUtility.HtmlEncode(Features.Accounts.LoginModel.Failed), lockedText);
        Assert.Equal(lockedText, Message(await unknown.Content.ReadAsStringAsync(Ct)));
    }

    private static string Message(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "<div class=\"notice error\" role=\"alert\" id=\"login-error\">([^<]*)</div>").Groups[1].Value;

    [Fact]
    public async Task SignIn_FailuresFromOneAddress_AreLimited_ButViewingThePageIsNot()
    {
        await using var app = await TestApp.StartAsync(demo: false);
        var client = app.CreateClient();

        for (var i = 0; i < 120; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login", Ct)).StatusCode);
        }

        for (var i = 0; i < Features.Accounts.SignInThrottle.FailuresPerAddress; i++)
        {
            var failed = await TestApp.PostFormAsync(client, "/account/login", new Dictionary<string, string> { ["Email"] = $"guess{i}@example.org", ["Password"] = "guess" });
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        }

        var refused = await TestApp.PostFormAsync(client, "/account/login", new Dictionary<string, string> { ["Email"] = "another@example.org", ["Password"] = "guess" });

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Too many failed sign-ins came from your address or for this account", await refused.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Home_ForReporter_ShowsTheirScorecardAndDeadline()
    {
        var world = await World.StartAsync();
        await using var _ = world.App;
        var client = await world.SignInAsync(World.WgTip);

        var html = await client.GetStringAsync("/", Ct);

        Assert.Contains("WG-TIP scorecard", html);
        Assert.Contains("closes in 30 days", html);
        Assert.Contains("<span data-testid=\"role\">Reporter</span>", html);
        Assert.DoesNotContain("RSO scorecard", html);
    }

    [Fact]
    public async Task Home_ForCoChair_ShowsCompletenessOfEveryBody()
    {
        var world = await World.StartAsync();
        await using var _ = world.App;
        var wgTip = await world.ScorecardAsync("WG-TIP");
        await world.Given.RateAllAsync(wgTip);
        await world.Given.SubmitAsync(wgTip);
        var client = await world.SignInAsync(World.Australia);

        var html = await client.GetStringAsync("/", Ct);

        Assert.Contains("Submission completeness: 19th AHG SOM, 2026", html);
        Assert.Contains("1 of 2 bodies have submitted.", html);
        foreach (var body in new[] { "WG-TIP", "RSO" })
        {
            Assert.Contains($">{body}</a>", html);
        }
    }

    [Fact]
    public async Task ScorecardPage_OfAnotherBodyInDraft_IsRefused()
    {
        var world = await World.StartAsync();
        await using var _ = world.App;
        var id = await world.ScorecardAsync("RSO");
        var client = await world.SignInAsync(World.WgTip);

        var response = await client.GetAsync($"/scorecards/{id}", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/denied", response.Headers.Location?.PathAndQuery);
    }

    [Fact]
    public async Task EntryPage_ScriptInANarrative_IsShownAsTextNeverRun()
    {
        var world = await World.StartAsync();
        await using var _ = world.App;
        var id = await world.ScorecardAsync("WG-TIP");
        var client = await world.SignInAsync(World.WgTip);

        var saved = await TestApp.PostFormAsync(client, $"/scorecards/{id}/entries/VM-2", new Dictionary<string, string>
        {
            ["Form.Version"] = "1",
            ["Form.Completion"] = "Limited",
            ["Form.Trajectory"] = "OnTrack",
            ["Form.Progress"] = "Research **continues**. <script>alert('x')</script> [link](javascript:alert(1))",
        });
        var html = await client.GetStringAsync($"/scorecards/{id}", Ct);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("<strong>continues</strong>", html);
        Assert.DoesNotContain("<script>alert", html);
        Assert.Contains("&lt;script&gt;alert", html);
        Assert.DoesNotContain("href=\"javascript:", html);
    }

    [Fact]
    public async Task EntryPage_SaveFromStaleVersion_ShowsBothVersionsAndKeepsTheFirst()
    {
        var world = await World.StartAsync();
        await using var _ = world.App;
        var id = await world.ScorecardAsync("WG-TIP");
        var alice = await world.SignInAsync(World.WgTip);
        var bob = await world.SignInAsync(World.WgTip);
        var form = (string progress) => new Dictionary<string, string>
        {
            ["Form.Version"] = "1",
            ["Form.Completion"] = "Limited",
            ["Form.Trajectory"] = "OnTrack",
            ["Form.Progress"] = progress,
        };

        var first = await TestApp.PostFormAsync(alice, $"/scorecards/{id}/entries/VM-2", form("Alice's update on forced marriage research."));
        var second = await TestApp.PostFormAsync(bob, $"/scorecards/{id}/entries/VM-2", form("Bob's update."));
        var html = await second.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("Someone else saved this entry", html);
        Assert.Contains("Bob&#x27;s update.", html);
        Assert.Contains("update on forced marriage research.", html);
        var page = await alice.GetStringAsync($"/scorecards/{id}", Ct);
        Assert.Contains("update on forced marriage research.", page);
        Assert.DoesNotContain("Bob&#x27;s update", page);
    }

    [Fact]
    public async Task SubmitFromPage_WhileIncomplete_ListsWhatIsMissing()
    {
        var world = await World.StartAsync();
        await using var _ = world.App;
        var id = await world.ScorecardAsync("WG-TIP");
        await world.Given.RateAllAsync(id);
        var version = await world.App.WithDbAsync(db => db.Entries.Where(e => e.ScorecardId == id && db.Objectives.Any(o => o.Id == e.ObjectiveId && o.Code == "VM-2"))
            .Select(e => e.Version).SingleAsync(Ct));
        var client = await world.SignInAsync(World.WgTip);
        var saved = await TestApp.PostFormAsync(client, $"/scorecards/{id}/entries/VM-2", new Dictionary<string, string>
        {
            ["Form.Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Form.Completion"] = "Limited",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var response = await TestApp.PostFormAsync(client, $"/scorecards/{id}?handler=Submit", new Dictionary<string, string>(), $"/scorecards/{id}");
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("2 required items are missing.", html);
        Assert.Contains("VM-2: trajectory is not rated", html);
        Assert.Contains("VM-2: the progress narrative is empty", html);
        Assert.Equal(Domain.Scorecards.ScorecardStatus.Draft, await world.StatusAsync(id));
    }

    [Fact]
    public async Task AdminUsersPage_InvitesAPersonByEmail_WhoChoosesTheirPasswordAndIsSignedIn()
    {
        var world = await World.StartAsync();
        await using var app = world.App;
        var admin = await world.SignInAsync(World.Admin);

        var response = await TestApp.PostFormAsync(admin, "/admin/users", new Dictionary<string, string>
        {
            ["Input.Email"] = "focal.point@example.org",
            ["Input.Name"] = "Focal Point",
            ["Input.Role"] = "Reporter",
            ["Input.Body"] = "RSO",
        });
        var page = await admin.GetStringAsync("/admin/users", Ct);
        var link = InvitationsTests.LinkIn(app, "focal.point@example.org", "/account/welcome");
        var person = await InvitationsTests.ChoosePasswordAsync(app, link, "focal point's own password");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Invited focal.point@example.org: an e-mail with a link to choose a password is on its way.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("one-time-password", page, StringComparison.Ordinal);
        Assert.Contains("Focal Point", await person.GetStringAsync("/", Ct), StringComparison.Ordinal);
        Assert.Equal("RSO", await world.App.WithDbAsync(db => db.UserBodies
            .Where(ub => db.Users.Any(u => u.Id == ub.UserId && u.Email == "focal.point@example.org"))
            .Select(ub => db.Bodies.Where(b => b.Id == ub.BodyId).Select(b => b.Code).Single()).SingleAsync(Ct)));
        await app.SignInAsync("focal.point@example.org", "focal point's own password");
    }
}
