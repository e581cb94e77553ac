using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Scorecards.Web.Tests.Accounts;
using Scorecards.Web.Tests.Infrastructure;

namespace Scorecards.Web.Tests.Admin;

public sealed class AdminPagesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, Dictionary<string, string> fields, string? page = null) =>
        TestApp.PostFormAsync(client, path, fields, page);

    [Fact]
    public async Task BodyPage_AddsCoChairTerms_AndTheApiShowsThem()
    {
        var world = await World.StartAsync();
        await using var app = world.App;
        var admin = await world.SignInAsync(World.Admin);
        var vietNam = await app.WithDbAsync(db => db.Members.Where(m => m.Name == "Viet Nam").Select(m => m.Id).SingleAsync(Ct));

        var member = await PostAsync(admin, "/bodies/RSO?handler=CoChair", new()
        {
            ["CoChair.MemberId"] = vietNam.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["CoChair.From"] = "2025-07-01",
        }, "/bodies/RSO");
        var person = await PostAsync(admin, "/bodies/RSO?handler=CoChair", new() { ["CoChair.PersonName"] = "Ms Example Person" }, "/bodies/RSO");
        var bodies = await (await world.ApiAsync(World.Viewer)).GetFromJsonAsync<JsonElement>("/api/v1/bodies", Ct);

        Assert.Equal(HttpStatusCode.Redirect, member.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, person.StatusCode);
        var rso = bodies.EnumerateArray().Single(b => b.GetProperty("code").GetString() == "RSO");
        Assert.Equal(["Ms Example Person", "Viet Nam"], rso.GetProperty("coChairs").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.Equal("2025-07-01", rso.GetProperty("coChairs")[1].GetProperty("from").GetString());
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.EntityType == "BodyCoChair" && a.Action == "Created", Ct)));
    }

    [Fact]
    public async Task BodyAndMemberPages_RefuseWhatTheRegisterForbids_AndChangeNothing()
    {
        var world = await World.StartAsync();
        await using var app = world.App;
        var admin = await world.SignInAsync(World.Admin);
        var ids = await app.WithDbAsync(db => db.Members.ToDictionaryAsync(m => m.Name, m => m.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Ct));
        foreach (var name in new[] { "One", "Two", "Three", "Four", "Five", "Six" })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, "/bodies/RSO?handler=CoChair", new() { ["CoChair.PersonName"] = name }, "/bodies/RSO")).StatusCode);
        }

        var tooMany = await PostAsync(admin, "/bodies/RSO?handler=CoChair", new() { ["CoChair.MemberId"] = ids["Viet Nam"] }, "/bodies/RSO");
        var notAMember = await PostAsync(admin, "/bodies/RSO?handler=Seat", new() { ["Seat.MemberId"] = "99999" }, "/bodies/RSO");
        var observer = await PostAsync(admin, $"/members/{ids["Indonesia"]}?handler=Status", new() { ["Form.Status"] = "Observer", ["Form.On"] = "2026-01-05" },
            $"/members/{ids["Indonesia"]}");

        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Contains("RSO already has 6 co-chairs in that time; a body has at most 6 at once.", await tooMany.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.BadRequest, notAMember.StatusCode);
        Assert.Contains("Choose a member of the Process.", await notAMember.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.BadRequest, observer.StatusCode);
        Assert.Contains("Remove it from the Co-Chair governments first.", await observer.Content.ReadAsStringAsync(Ct));
        Assert.Equal(6, await app.WithDbAsync(db => db.Bodies.Where(b => b.Code == "RSO").SelectMany(b => b.CoChairs).CountAsync(Ct)));
        Assert.Equal(0, await app.WithDbAsync(db => db.Bodies.SelectMany(b => b.Seats).CountAsync(Ct)));
        Assert.Equal(Domain.Members.MemberStatus.Member, await app.WithDbAsync(db => db.Members.Where(m => m.Name == "Indonesia").Select(m => m.Status).SingleAsync(Ct)));
    }

    [Fact]
    public async Task BodiesPage_RefusesADuplicateCodeAndAddsANewBody()
    {
        var world = await World.StartAsync();
        await using var app = world.App;
        var admin = await world.SignInAsync(World.Admin);

        var duplicate = await PostAsync(admin, "/admin/bodies", new() { ["Code"] = "rso", ["Name"] = "Another RSO" });
        var added = await PostAsync(admin, "/admin/bodies", new() { ["Code"] = "WG-CYBER", ["Name"] = "Working Group on Cyber-enabled Crime" });

        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Contains("A body with the code RSO already exists.", await duplicate.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(["RSO", "WG-CYBER", "WG-TIP"], await app.WithDbAsync(db => db.Bodies.Select(b => b.Code).Order().ToListAsync(Ct)));
    }

    [Fact]
    public async Task MembersPage_AddsAnObserverAndRefusesADuplicate()
    {
        var world = await World.StartAsync();
        await using var app = world.App;
        var admin = await world.SignInAsync(World.Admin);

        var added = await PostAsync(admin, "/admin/members", new() { ["Input.Name"] = "Canada", ["Input.Kind"] = "State", ["Input.Status"] = "Observer" });
        var duplicate = await PostAsync(admin, "/admin/members", new() { ["Input.Name"] = "Viet Nam", ["Input.Kind"] = "State", ["Input.Status"] = "Member" });
        var members = await (await world.ApiAsync(World.Viewer)).GetFromJsonAsync<JsonElement>("/api/v1/members", Ct);

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal("Observer", members.EnumerateArray().Single(m => m.GetProperty("name").GetString() == "Canada").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Contains("A member named &#x27;Viet Nam&#x27; already exists.", await duplicate.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task FrameworkPages_AddAnObjectiveAndAnIndicator_AfterRefusingBadInput()
    {
        var world = await World.StartAsync();
        await using var app = world.App;
        var admin = await world.SignInAsync(World.Admin);

        var badCode = await PostAsync(admin, "/admin/focus-areas/LE?handler=AddObjective", new() { ["NewCode"] = "le four", ["NewTitle"] = "Joint investigations" }, "/admin/focus-areas/LE");
        var objective = await PostAsync(admin, "/admin/focus-areas/LE?handler=AddObjective", new() { ["NewCode"] = "le-4", ["NewTitle"] = "Joint investigations" }, "/admin/focus-areas/LE");
        var badNumber = await PostAsync(admin, "/admin/objectives/LE-4?handler=AddIndicator",
            new() { ["NewIndicator.Code"] = "LE-4.1", ["NewIndicator.Name"] = "Joint investigations opened", ["NewIndicator.Kind"] = "Quantitative", ["NewIndicator.Baseline"] = "none" }, "/admin/objectives/LE-4");
        var indicator = await PostAsync(admin, "/admin/objectives/LE-4?handler=AddIndicator",
            new() { ["NewIndicator.Code"] = "LE-4.1", ["NewIndicator.Name"] = "Joint investigations opened", ["NewIndicator.Kind"] = "Quantitative", ["NewIndicator.Baseline"] = "2", ["NewIndicator.Target"] = "10" }, "/admin/objectives/LE-4");
        var rso = await app.WithDbAsync(db => db.Bodies.Where(b => b.Code == "RSO").Select(b => b.Id).SingleAsync(Ct));
        var assigned = await PostAsync(admin, "/admin/objectives/LE-4", new()
        {
            ["Title"] = "Joint investigations",
            ["BodyIds"] = rso.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        Assert.Equal(HttpStatusCode.BadRequest, badCode.StatusCode);
        Assert.Contains("&#x27;le four&#x27; is not an objective code", await badCode.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Redirect, objective.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badNumber.StatusCode);
        Assert.Contains("&#x27;none&#x27; is not a number.", await badNumber.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Redirect, indicator.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
        var framework = await (await world.ApiAsync(World.Viewer)).GetFromJsonAsync<JsonElement>("/api/v1/framework", Ct);
        var le4 = framework.GetProperty("focusAreas")[0].GetProperty("objectives").EnumerateArray().Single(o => o.GetProperty("code").GetString() == "LE-4");
        Assert.Equal(["RSO"], le4.GetProperty("bodies").EnumerateArray().Select(b => b.GetString()));
        Assert.Equal(10m, le4.GetProperty("indicators")[0].GetProperty("target").GetDecimal());
    }

    [Fact]
    public async Task UserPage_MovesAReporterToAnotherBody_AndTheirRightsFollow()
    {
        var world = await World.StartAsync();
        await using var app = world.App;
        var admin = await world.SignInAsync(World.Admin);
        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == World.WgTip).Select(u => u.Id).SingleAsync(Ct));
        var rsoId = await app.WithDbAsync(db => db.Bodies.Where(b => b.Code == "RSO").Select(b => b.Id).SingleAsync(Ct));
        var api = await world.ApiAsync(World.WgTip);
        var wgTip = await world.ScorecardAsync("WG-TIP");
        var rso = await world.ScorecardAsync("RSO");

        var noBody = await PostAsync(admin, $"/admin/users/{userId}", new() { ["Name"] = "WG-TIP Reporter", ["SelectedRoles"] = "Reporter" });
        var moved = await PostAsync(admin, $"/admin/users/{userId}", new()
        {
            ["Name"] = "RSO Reporter Two",
            ["SelectedRoles"] = "Reporter",
            ["BodyIds"] = rsoId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        Assert.Equal(HttpStatusCode.BadRequest, noBody.StatusCode);
        Assert.Contains("A reporter reports for at least one body", await noBody.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync($"/api/v1/scorecards/{wgTip}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/scorecards/{rso}", Ct)).StatusCode);
    }

    [Fact]
    public async Task UserPage_RefusesToTakeAnAdministratorsOwnRole_AndTheRoleStays()
    {
        var world = await World.StartAsync();
        await using var app = world.App;
        var admin = await world.SignInAsync(World.Admin);
        var self = await app.WithDbAsync(db => db.Users.Where(u => u.Email == World.Admin).Select(u => u.Id).SingleAsync(Ct));

        var refused = await PostAsync(admin, $"/admin/users/{self}", new() { ["Name"] = "Secretariat", ["SelectedRoles"] = "MemberViewer" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("You cannot remove your own Administrator role; ask another administrator.", await refused.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/users", Ct)).StatusCode);
        Assert.Equal("admin", await app.WithDbAsync(db => db.Users.Where(u => u.Id == self).Select(u => u.DisplayName).SingleAsync(Ct)));
    }

    [Fact]
    public async Task UserPage_ResetPassword_StopsTheOldOneAtOnce_AndEmailsALinkToChooseANewOne()
    {
        var world = await World.StartAsync();
        await using var app = world.App;
        var admin = await world.SignInAsync(World.Admin);
        var viewer = await world.SignInAsync(World.Viewer);
        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == World.Viewer).Select(u => u.Id).SingleAsync(Ct));

        var response = await PostAsync(admin, $"/admin/users/{userId}?handler=Reset", [], $"/admin/users/{userId}");
        var oldPassword = await InvitationsTests.SignInAttemptAsync(app, World.Viewer, Given.Password);
        var session = await viewer.GetAsync("/", Ct);
        var link = InvitationsTests.LinkIn(app, World.Viewer, "/account/reset");
        await InvitationsTests.ChoosePasswordAsync(app, link, "a new password for the viewer");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("refused", oldPassword);
        Assert.StartsWith("/account/login", session.Headers.Location?.PathAndQuery);
        await app.SignInAsync(World.Viewer, "a new password for the viewer");
    }

    [Fact]
    public async Task RoundsPage_RefusesBadDates_ThenPlansAndOpensARound()
    {
        var world = await World.StartAsync();
        await using var app = world.App;
        var admin = await world.SignInAsync(World.Admin);
        var fields = new Dictionary<string, string>
        {
            ["Input.Name"] = "20th AHG SOM, 2027",
            ["Input.PeriodStart"] = "2026-12-01",
            ["Input.PeriodEnd"] = "2026-01-01",
            ["Input.OpensOn"] = "2027-03-01",
            ["Input.DueOn"] = "2027-04-01",
        };

        var bad = await PostAsync(admin, "/admin/rounds?handler=Create", fields, "/admin/rounds");
        fields["Input.PeriodEnd"] = "2027-04-30";
        var planned = await PostAsync(admin, "/admin/rounds?handler=Create", fields, "/admin/rounds");
        var id = await app.WithDbAsync(db => db.Rounds.Where(r => r.Name == "20th AHG SOM, 2027").Select(r => r.Id).SingleAsync(Ct));
        var opened = await PostAsync(admin, "/admin/rounds?handler=Open", new() { ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "/admin/rounds");

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("The period covered must end on or after the day it starts.", await bad.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Redirect, planned.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal(2, await app.WithDbAsync(db => db.Scorecards.CountAsync(s => s.RoundId == id, Ct)));
    }

    [Fact]
    public async Task PasswordPage_RefusesAWrongCurrentPassword_ThenChangesIt()
    {
        var world = await World.StartAsync();
        await using var app = world.App;
        var client = await world.SignInAsync(World.Viewer);

        var wrong = await PostAsync(client, "/account/password", new() { ["Current"] = "not it", ["New"] = "a much longer new password" });
        var changed = await PostAsync(client, "/account/password", new() { ["Current"] = Given.Password, ["New"] = "a much longer new password" });

        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("The current password is not right.", await wrong.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        await app.SignInAsync(World.Viewer, "a much longer new password");
    }
}
