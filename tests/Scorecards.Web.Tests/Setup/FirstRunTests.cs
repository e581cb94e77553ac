using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scorecards.Data.Accounts;
using Scorecards.Web.Features.Setup;
using Scorecards.Web.Tests.Infrastructure;

namespace Scorecards.Web.Tests.Setup;

/// <summary>A new installation: its first administrator through the setup link, then the checklist and the starter data.</summary>
public sealed class FirstRunTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string> IssueAsync(TestApp app)
    {
        using var scope = app.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<FirstRun>().IssueAsync(Ct))!;
    }

    private static Dictionary<string, string> Administrator(string email) => new()
    {
        ["Name"] = "Siti Rahma",
        ["Email"] = email,
        ["Password"] = "four unrelated words here",
        ["Repeated"] = "four unrelated words here",
    };

    [Fact]
    public async Task SetupLink_CreatesTheFirstAdministratorOnce_AndTheLinkBeforeItStopsWorking()
    {
        await using var app = await TestApp.StartAsync();
        var replaced = await IssueAsync(app);
        var token = await IssueAsync(app);
        var browser = app.CreateClient();
        var login = await browser.GetStringAsync("/account/login", Ct);

        var old = await browser.GetAsync($"/setup/{replaced}", Ct);
        var created = await TestApp.PostFormAsync(browser, $"/setup/{token}", Administrator("secretariat@baliprocess.example"));
        var again = await app.CreateClient().GetAsync($"/setup/{token}", Ct);
        var replayed = await app.CreateClient().PostAsync($"/setup/{token}", new FormUrlEncodedContent(Administrator("intruder@example.org")), Ct);

        Assert.Contains("data-testid=\"first-run\"", login, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/admin/setup", created.Headers.Location?.OriginalString);
        Assert.Contains("data-testid=\"setup-checklist\"", await browser.GetStringAsync("/admin/setup", Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.NotEqual(HttpStatusCode.Redirect, replayed.StatusCode);
        var administrators = await app.WithDbAsync(db => db.Users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Administrator)))
            .Select(u => u.Email).ToListAsync(Ct));
        Assert.Equal(["secretariat@baliprocess.example"], administrators);
        Assert.Null(await IssueAsync(app));
        Assert.DoesNotContain("data-testid=\"first-run\"", await app.CreateClient().GetStringAsync("/account/login", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetupLink_WithAWeakPassword_SaysSo_AndStillWorks()
    {
        await using var app = await TestApp.StartAsync();
        var token = await IssueAsync(app);
        var browser = app.CreateClient();
        var weak = Administrator("secretariat@baliprocess.example");
        (weak["Password"], weak["Repeated"]) = ("short", "short");

        var refused = await TestApp.PostFormAsync(browser, $"/setup/{token}", weak);
        var created = await TestApp.PostFormAsync(browser, $"/setup/{token}", Administrator("secretariat@baliprocess.example"));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("at least 12 characters", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
    }

    [Fact]
    public async Task Checklist_SaysWhatIsMissing_AndEachPartOfTheStarterDataLoadsOnItsOwn_OnlyIntoAnEmptyPart()
    {
        await using var app = await TestApp.StartAsync();
        await app.Given.AccountAsync("admin@example.org", Roles.Administrator);
        var admin = await app.SignInAsync("admin@example.org");
        var home = await admin.GetStringAsync("/", Ct);

        async Task<HttpResponseMessage> LoadAsync(string part) =>
            await TestApp.PostFormAsync(admin, "/admin/setup?handler=Starter", new Dictionary<string, string> { ["part"] = part }, "/admin/setup");
        var members = await LoadAsync("Members");
        var bodies = await LoadAsync("Bodies");
        var areas = await LoadAsync("Areas");
        var twice = await LoadAsync("Members");
        var checklist = await admin.GetStringAsync("/admin/setup", Ct);

        Assert.Contains("Setting up: 0 of 6 steps done", home, StringComparison.Ordinal);
        Assert.Contains("The register is empty", home, StringComparison.Ordinal);
        Assert.All(new[] { members, bodies, areas }, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Contains("The register already has members", await twice.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var register = await app.WithDbAsync(async db => (
            await db.Members.CountAsync(Ct), await db.Set<Domain.Members.MemberStatusChange>().CountAsync(c => c.Note == StarterData.MemberNote, Ct),
            string.Join(",", await db.Bodies.OrderBy(b => b.Id).Select(b => b.Code).ToListAsync(Ct)),
            await db.FocusAreas.CountAsync(Ct), await db.Objectives.CountAsync(Ct), await db.Users.CountAsync(Ct),
            await db.AuditEvents.CountAsync(a => a.EntityType == "StarterData", Ct)));
        Assert.Equal((49, 49, "WG-TIP,D-WG,TEG-RR,TFPP,RSO,GABF", 8, 0, 1, 3), register);
        Assert.Contains("data-step=\"Members\" data-done=\"yes\"", checklist, StringComparison.Ordinal);
        Assert.Contains("data-step=\"Framework\" data-done=\"no\"", checklist, StringComparison.Ordinal);
        Assert.Contains("No objectives yet", checklist, StringComparison.Ordinal);
        Assert.Contains("No reporter for WG-TIP, D-WG, TEG-RR, TFPP, RSO, GABF.", checklist, StringComparison.Ordinal);
        Assert.Contains("None designated", checklist, StringComparison.Ordinal);
    }
}

/// <summary>A password someone else chose is changed at first sign-in, before anything else opens.</summary>
public sealed class IssuedPasswordTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PasswordIssuedByAnOperator_MustBeChangedBeforeAnyPageOrCookieApiCall_ThenEverythingOpens()
    {
        await using var app = await TestApp.StartAsync();
        await app.Given.AccountAsync("admin@example.org", Roles.Administrator);
        using (var scope = app.Services.CreateScope())
        {
            var (created, errors) = await scope.ServiceProvider.GetRequiredService<Web.Features.Accounts.AccountService>().CreateAsync(
                new Web.Features.Accounts.NewUser("reviewer@example.org", "Reviewer", Roles.Administrator, null, null, "issued-by-the-operator", PasswordIssued: true), Ct);
            Assert.True(created is not null, string.Join("; ", errors.Select(e => e.Message)));
        }

        var person = await app.SignInAsync("reviewer@example.org", "issued-by-the-operator");
        var home = await person.GetAsync("/", Ct);
        var api = await person.GetAsync("/api/v1/rounds", Ct);
        var page = await person.GetStringAsync("/account/password", Ct);
        var changed = await TestApp.PostFormAsync(person, "/account/password",
            new Dictionary<string, string> { ["Current"] = "issued-by-the-operator", ["New"] = "a password of my own choosing" });
        var after = await person.GetAsync("/", Ct);
        var other = await (await app.SignInAsync("admin@example.org")).GetAsync("/", Ct);

        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/account/password", home.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Equal("password.change-required", (await HttpJson.JsonAsync(api)).GetProperty("code").GetString());
        Assert.Contains("data-testid=\"password-required\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Users.Where(u => u.Email == "reviewer@example.org").Select(u => u.MustChangePassword).SingleAsync(Ct)));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }
}
