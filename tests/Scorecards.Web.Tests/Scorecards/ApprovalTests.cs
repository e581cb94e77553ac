using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Scorecards.Data.Accounts;
using Scorecards.Domain.Scorecards;
using Scorecards.Web.Cli;
using Scorecards.Web.Features.Scorecards;
using Scorecards.Web.Tests.Infrastructure;
using static Scorecards.Web.Tests.Infrastructure.HttpJson;

namespace Scorecards.Web.Tests.Scorecards;

/// <summary>Approvals count only from Co-Chair reviewers of the Process's Co-Chair governments, which administrators keep.</summary>
public sealed class ApprovalTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Admin = "admin@example.org";
    private const string Reporter = "reporter@example.org";
    private const string Indonesia = "reviewer.id@example.org";
    private const string Indonesia2 = "second.id@example.org";
    private const string Australia = "reviewer.au@example.org";

    /// <summary>Two Co-Chair governments, one body reporting on two objectives, its scorecard submitted in an open round.</summary>
    private static async Task<(TestApp App, int Scorecard)> SubmittedAsync()
    {
        var app = await TestApp.StartAsync(demo: false, clock: new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero)));
        var given = app.Given;
        await given.CoChairGovernmentsAsync("Indonesia", "Australia");
        await given.MemberAsync("Viet Nam");
        await given.BodyAsync("WG-TIP");
        await given.FrameworkAsync(("LE-1", ["WG-TIP"]), ("LE-2", ["WG-TIP"]));
        await given.AccountAsync(Admin, Roles.Administrator);
        await given.AccountAsync(Reporter, Roles.Reporter, body: "WG-TIP");
        await given.AccountAsync(Indonesia, Roles.CoChair, member: "Indonesia");
        await given.AccountAsync(Indonesia2, Roles.CoChair, member: "Indonesia");
        await given.AccountAsync(Australia, Roles.CoChair, member: "Australia");
        var round = await given.RoundAsync("19th AHG SOM, 2026", new(2025, 5, 21), new(2026, 5, 20), new(2026, 2, 1), new(2026, 4, 1));
        var id = await given.ScorecardIdAsync(round.Id, "WG-TIP");
        await given.RateAllAsync(id);
        await given.ActAsync(id, "reporter", async (service, loaded, user) => Assert.True((await service.SubmitAsync(loaded, null, user, Ct)).Succeeded));
        return (app, id);
    }

    private static async Task<HttpClient> ApiAsync(TestApp app, string email) => await app.ApiClientAsync(email);

    [Fact]
    public async Task Approve_ByReviewerOfAGovernmentThatNoLongerCoChairs_Is403AndCountsNothing()
    {
        var (app, id) = await SubmittedAsync();
        await using var _ = app;
        await app.Given.CoChairGovernmentsAsync("Thailand");
        const string thailand = "reviewer.th@example.org";
        await app.Given.AccountAsync(thailand, Roles.CoChair, member: "Thailand");
        var admin = await app.SignInAsync(Admin, Given.Password);
        var thai = await app.WithDbAsync(db => db.Members.Where(m => m.Name == "Thailand").Select(m => m.Id).SingleAsync(Ct));
        Assert.Equal(HttpStatusCode.Redirect, (await TestApp.PostFormAsync(admin, "/admin/co-chairs?handler=Remove",
            new Dictionary<string, string> { ["MemberId"] = thai.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "/admin/co-chairs")).StatusCode);

        var refused = await (await ApiAsync(app, thailand)).PostAsync($"/api/v1/scorecards/{id}/approve", null, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var problem = await JsonAsync(refused);
        Assert.Equal("approval.not-co-chair", problem.GetProperty("code").GetString());
        Assert.Equal("Submitted", problem.GetProperty("scorecard").GetProperty("status").GetString());
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<Approval>().CountAsync(Ct)));
    }

    [Fact]
    public async Task Approvals_FromEachGovernment_Approve_AndThePageSaysWhoApprovedAndWhoIsAwaited()
    {
        var (app, id) = await SubmittedAsync();
        await using var _ = app;
        var indonesia = await app.SignInAsync(Indonesia, Given.Password);
        var australia = await app.SignInAsync(Australia, Given.Password);
        var before = await indonesia.GetStringAsync($"/scorecards/{id}", Ct);
        Assert.Contains("Approve for Indonesia", before);

        var approved = await TestApp.PostFormAsync(indonesia, $"/scorecards/{id}?handler=Approve", new Dictionary<string, string>(), $"/scorecards/{id}");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);

        var indonesiaView = await indonesia.GetStringAsync($"/scorecards/{id}", Ct);
        Assert.DoesNotContain("Approve for", indonesiaView);
        Assert.Contains("Indonesia approved this scorecard on 2 March 2026; it awaits Australia.", indonesiaView);
        Assert.Contains("Indonesia, on 2 March 2026, by reviewer.id", indonesiaView);
        Assert.Matches("data-testid=\"awaiting\">Australia<", indonesiaView);
        var australiaView = await australia.GetStringAsync($"/scorecards/{id}", Ct);
        Assert.Contains("Approve for Australia", australiaView);

        await TestApp.PostFormAsync(australia, $"/scorecards/{id}?handler=Approve", new Dictionary<string, string>(), $"/scorecards/{id}");
        var done = await australia.GetStringAsync($"/scorecards/{id}", Ct);
        Assert.Contains("data-testid=\"scorecard-state\"><span class=\"state approved\">Approved</span>", done);
        Assert.DoesNotContain("data-testid=\"awaiting\"", done);
        Assert.Contains("Australia, on 2 March 2026, by reviewer.au", done);
    }

    [Fact]
    public async Task ConcurrentApprovals_ForOneGovernment_OneLands_TheOtherGets409WithTheStateAsItIsNow()
    {
        var (app, id) = await SubmittedAsync();
        await using var _ = app;
        var governments = await app.WithDbAsync(db => db.Members.Where(m => m.IsCoChairGovernment).ToDictionaryAsync(m => m.Name, m => m.Id, Ct));

        // Both reviewers read the scorecard before either approval is saved.
        using var firstScope = app.Services.CreateScope();
        using var secondScope = app.Services.CreateScope();
        var firstService = firstScope.ServiceProvider.GetRequiredService<ScorecardService>();
        var secondService = secondScope.ServiceProvider.GetRequiredService<ScorecardService>();
        var firstLoaded = (await firstService.LoadAsync(id, Ct))!;
        var secondLoaded = (await secondService.LoadAsync(id, Ct))!;

        var won = await firstService.ApproveAsync(firstLoaded, Given.Person("first", governments["Indonesia"]), Ct);
        var lost = await secondService.ApproveAsync(secondLoaded, Given.Person("second", governments["Indonesia"]), Ct);

        Assert.True(won.Succeeded);
        Assert.Equal("scorecard.changed", lost.Code);
        var approvals = await app.WithDbAsync(db => db.Set<Approval>().Select(a => a.UserId).ToListAsync(Ct));
        Assert.Equal(["first"], approvals);

        // Through HTTP, many at once: never a server error, exactly one approval lands.
        var (app2, id2) = await SubmittedAsync();
        await using var __ = app2;
        var clients = new[] { await ApiAsync(app2, Indonesia), await ApiAsync(app2, Indonesia2) };
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => clients[i % 2].PostAsync($"/api/v1/scorecards/{id2}/approve", null, Ct)));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        foreach (var loser in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
        {
            var problem = await JsonAsync(loser);
            Assert.Contains(problem.GetProperty("code").GetString(), new[] { "scorecard.changed", "approval.already" });
            Assert.Equal("ApprovedByOne", problem.GetProperty("scorecard").GetProperty("status").GetString());
        }

        Assert.Equal(1, await app2.WithDbAsync(db => db.Set<Approval>().CountAsync(Ct)));
    }

    [Fact]
    public async Task CoChairGovernments_OnTheAdminPage_AreForAdministrators_Audited_AndRemovingOneCompletesWhatTheOtherApproved()
    {
        var (app, id) = await SubmittedAsync();
        await using var _ = app;
        var admin = await app.SignInAsync(Admin, Given.Password);
        var reviewer = await app.SignInAsync(Indonesia, Given.Password);
        await TestApp.PostFormAsync(reviewer, $"/scorecards/{id}?handler=Approve", new Dictionary<string, string>(), $"/scorecards/{id}");
        var ids = await app.WithDbAsync(db => db.Members.ToDictionaryAsync(m => m.Name, m => m.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Ct));

        Assert.Equal(HttpStatusCode.Redirect, (await reviewer.GetAsync("/admin/co-chairs", Ct)).StatusCode);
        var page = await admin.GetStringAsync("/admin/co-chairs", Ct);
        Assert.Contains("2 Co-Chair governments", page);
        Assert.Contains("<option value=\"" + ids["Viet Nam"] + "\">Viet Nam</option>", page);

        var removed = await TestApp.PostFormAsync(admin, "/admin/co-chairs?handler=Remove", new Dictionary<string, string> { ["MemberId"] = ids["Australia"] }, "/admin/co-chairs");
        var last = await TestApp.PostFormAsync(admin, "/admin/co-chairs?handler=Remove", new Dictionary<string, string> { ["MemberId"] = ids["Indonesia"] }, "/admin/co-chairs");

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, last.StatusCode);
        Assert.Contains("Indonesia is the only Co-Chair government; add the new one before removing it", await last.Content.ReadAsStringAsync(Ct));
        var state = await app.WithDbAsync(db => db.Scorecards.Where(s => s.Id == id).Select(s => s.Status).SingleAsync(Ct));
        Assert.Equal(ScorecardStatus.Approved, state);
        var audit = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.Field == "IsCoChairGovernment").Select(e => new { e.Subject, e.Before, e.After, e.UserName }).ToListAsync(Ct));
        Assert.Contains(audit, e => e.Subject == "Australia" && e.Before == "True" && e.After == "False" && e.UserName == Admin);

        var added = await TestApp.PostFormAsync(admin, "/admin/co-chairs?handler=Add", new Dictionary<string, string> { ["MemberId"] = ids["Viet Nam"] }, "/admin/co-chairs");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(["Indonesia", "Viet Nam"], await app.WithDbAsync(db => db.Members.Where(m => m.IsCoChairGovernment).OrderBy(m => m.Name).Select(m => m.Name).ToListAsync(Ct)));
    }

    [Fact]
    public async Task CoChairReviewer_ForAMemberThatIsNotACoChairGovernment_IsRefusedOnTheUserPage()
    {
        var (app, _) = await SubmittedAsync();
        await using var __ = app;
        var admin = await app.SignInAsync(Admin, Given.Password);
        var user = await app.WithDbAsync(db => db.Users.Where(u => u.Email == Reporter).Select(u => u.Id).SingleAsync(Ct));
        var vietNam = await app.WithDbAsync(db => db.Members.Where(m => m.Name == "Viet Nam").Select(m => m.Id).SingleAsync(Ct));

        var response = await TestApp.PostFormAsync(admin, $"/admin/users/{user}", new Dictionary<string, string>
        {
            ["Name"] = "Reporter",
            ["MemberId"] = vietNam.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["SelectedRoles"] = Roles.CoChair,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Viet Nam is not a Co-Chair government of the Process (they are Australia, Indonesia)", await response.Content.ReadAsStringAsync(Ct));
        Assert.False(await app.WithDbAsync(db => db.UserRoles.AnyAsync(ur => ur.UserId == user && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.CoChair), Ct)));
    }

    [Fact]
    public async Task CommandLine_KeepsTheCoChairGovernments_AndUserAddRefusesAReviewerForAnyOther()
    {
        var data = Path.Combine(Path.GetTempPath(), "scorecards-cli-tests", Guid.NewGuid().ToString("N"));
        async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
        {
            var output = new StringWriter();
            var error = new StringWriter();
            var code = await CommandLine.RunAsync([.. args, "--data", data], output, error);
            return (code, output.ToString(), error.ToString());
        }

        try
        {
            await RunAsync("migrate");
            using (var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(data, "scorecards.db")}"))
            {
                await db.OpenAsync(Ct);
                using var insert = db.CreateCommand();
                insert.CommandText = "INSERT INTO Members (Name, Kind, Status, IsCoChairGovernment) VALUES ('Indonesia', 'State', 'Member', 0), ('Viet Nam', 'State', 'Member', 0), ('IOM', 'Organisation', 'Member', 0)";
                await insert.ExecuteNonQueryAsync(Ct);
            }

            var refused = await RunAsync("user", "add", "--email", "a@example.org", "--name", "A", "--role", "CoChair", "--member", "Indonesia");
            var added = await RunAsync("cochair", "add", "--member", "Indonesia");
            var organisation = await RunAsync("cochair", "add", "--member", "IOM");
            var unknown = await RunAsync("cochair", "add", "--member", "Atlantis");
            var reviewer = await RunAsync("user", "add", "--email", "a@example.org", "--name", "A", "--role", "CoChair", "--member", "Indonesia");
            var vietNam = await RunAsync("user", "add", "--email", "b@example.org", "--name", "B", "--role", "CoChair", "--member", "Viet Nam");
            var list = await RunAsync("cochair", "list");
            var last = await RunAsync("cochair", "remove", "--member", "Indonesia");

            Assert.Equal(1, refused.Code);
            Assert.Contains("Indonesia is not a Co-Chair government of the Process (none is set yet)", refused.Error);
            Assert.Equal((0, "Indonesia is now a Co-Chair government."), (added.Code, added.Output.Trim()));
            Assert.Equal(1, organisation.Code);
            Assert.Contains("IOM is not a state; only a member state can be a Co-Chair government", organisation.Error);
            Assert.Contains("--member: 'Atlantis' is not a member", unknown.Error);
            Assert.Equal(0, reviewer.Code);
            Assert.Equal(1, vietNam.Code);
            Assert.Contains("error: --member: Viet Nam is not a Co-Chair government of the Process (they are Indonesia)", vietNam.Error);
            Assert.Equal("Indonesia", list.Output.Trim());
            Assert.Equal(1, last.Code);
            Assert.Contains("Indonesia is the only Co-Chair government", last.Error);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }
}
