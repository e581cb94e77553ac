using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Data.Accounts;
using Scorecards.Web.Tests.Infrastructure;
using static Scorecards.Web.Tests.Infrastructure.HttpJson;

namespace Scorecards.Web.Tests.Secondments;

/// <summary>The RSO secondment programme by role: who sees what, whose names, and who takes which step.</summary>
public sealed class SecondmentsTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    private const string SriLanka = "focal.lk@example.org";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<World> StartAsync(DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var world = await World.StartAsync(provider: provider);
        await world.Given.MemberAsync("Sri Lanka");
        await world.Given.AccountAsync(SriLanka, Roles.MemberViewer, member: "Sri Lanka");
        return world;
    }

    private static object Interest(string agency = "Department of Immigration and Emigration") => new
    {
        agency,
        areaOfWork = "Aviation people smuggling and trafficking in persons.",
        preferredStart = "2026-06-01",
        preferredEnd = "2026-11-30",
        focusAreas = new[] { "le", "VM" },
        nomineeName = "Ms A. Perera",
        nomineePosition = "Immigration officer",
    };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AFocalPointsInterest_GoesToPlacementAndCompletion_AndOnlyTheRsoAndAdministratorsSeeTheNominee(DatabaseProvider provider)
    {
        var world = await StartAsync(provider);
        await using var app = world.App;
        var focal = await world.ApiAsync(SriLanka);
        var rso = await world.ApiAsync(World.Rso);

        var submitted = await focal.PostAsJsonAsync("/api/v1/secondments", Interest(), Ct);
        var id = (await JsonAsync(submitted)).GetProperty("id").GetInt32();
        foreach (var step in new object[]
        {
            new { status = "UnderDiscussion" },
            new { status = "Agreed", note = "Agreed with the Department." },
            new { status = "Placed", hostUnit = "RSO, Bangkok", startDate = "2026-06-01", endDate = "2026-08-31", funder = "Government of New Zealand" },
        })
        {
            Assert.Equal(HttpStatusCode.OK, (await rso.PostAsJsonAsync($"/api/v1/secondments/{id}/steps", step, Ct)).StatusCode);
        }

        var byFocal = await JsonAsync(await focal.GetAsync($"/api/v1/secondments/{id}", Ct));
        var byRso = await JsonAsync(await rso.GetAsync($"/api/v1/secondments/{id}", Ct));
        var byAdmin = await JsonAsync(await (await world.ApiAsync(World.Admin)).GetAsync($"/api/v1/secondments/{id}", Ct));
        var byCoChair = await JsonAsync(await (await world.ApiAsync(World.Indonesia)).GetAsync($"/api/v1/secondments/{id}", Ct));
        var byReporter = await (await world.ApiAsync(World.WgTip)).GetAsync($"/api/v1/secondments/{id}", Ct);
        var byOtherMember = await (await world.ApiAsync(World.Viewer)).GetAsync($"/api/v1/secondments/{id}", Ct);
        var reporterList = await JsonAsync(await (await world.ApiAsync(World.WgTip)).GetAsync("/api/v1/secondments", Ct));
        var placed = await JsonAsync(await rso.GetAsync("/api/v1/secondments?status=placed", Ct));
        var completed = await rso.PostAsJsonAsync($"/api/v1/secondments/{id}/steps", new { status = "Completed", outcomes = "Shared information on aviation routes." }, Ct);
        var years = (await JsonAsync(await rso.GetAsync("/api/v1/secondments", Ct))).GetProperty("years");

        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        Assert.Equal(JsonValueKind.Null, byFocal.GetProperty("nomineeName").ValueKind);
        Assert.Equal(JsonValueKind.Null, byCoChair.GetProperty("nomineeName").ValueKind);
        Assert.Equal(JsonValueKind.Null, byCoChair.GetProperty("nomineePosition").ValueKind);
        Assert.All(byCoChair.GetProperty("timeline").EnumerateArray().Concat(byFocal.GetProperty("timeline").EnumerateArray()),
            step => Assert.Equal(JsonValueKind.Null, step.GetProperty("by").ValueKind));
        Assert.Equal("reporter.rso", byRso.GetProperty("timeline")[1].GetProperty("by").GetString());
        Assert.Equal("Ms A. Perera", byRso.GetProperty("nomineeName").GetString());
        Assert.Equal("Immigration officer", byAdmin.GetProperty("nomineePosition").GetString());
        Assert.Equal(HttpStatusCode.NotFound, byReporter.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byOtherMember.StatusCode);
        Assert.Equal(0, reporterList.GetProperty("secondments").GetArrayLength());
        Assert.Equal(("Placed", "Sri Lanka", "RSO, Bangkok"), (byFocal.GetProperty("status").GetString(), byFocal.GetProperty("member").GetString(), byFocal.GetProperty("hostUnit").GetString()));
        Assert.Equal(["LE", "VM"], byFocal.GetProperty("focusAreas").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(["Received", "Under discussion", "Agreed", "Placed"], byFocal.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("label").GetString()));
        Assert.Equal([id], placed.GetProperty("secondments").EnumerateArray().Select(s => s.GetProperty("id").GetInt32()));
        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        var year = Assert.Single(years.EnumerateArray());
        Assert.Equal((2026, 1, 1, 1, 0), (year.GetProperty("year").GetInt32(), year.GetProperty("received").GetInt32(), year.GetProperty("placed").GetInt32(),
            year.GetProperty("completed").GetInt32(), year.GetProperty("withdrawnOrDeclined").GetInt32()));
        Assert.Equal("Ms A. Perera", await app.WithDbAsync(db => db.Secondments.Select(s => s.NomineeName).SingleAsync(Ct)));

        // The RSO heard of the interest and the focal point of each step; no notice carries the nominee's name.
        var notices = await app.WithDbAsync(db => db.Notices.Where(n => n.Kind == Domain.Notices.NoticeKind.SecondmentStep)
            .Join(db.Users, n => n.UserId, u => u.Id, (n, u) => new { u.Email, n.Subject, n.Text }).ToListAsync(Ct));
        Assert.Contains(notices, n => n.Email == World.Rso && n.Subject == "New: Sri Lanka's interest in an RSO secondment (Department of Immigration and Emigration)");
        Assert.Contains(notices, n => n.Email == SriLanka && n.Text == "The officer is placed with RSO, Bangkok from 1 June 2026 to 31 August 2026, funded by Government of New Zealand.");
        Assert.Equal(5, notices.Count(n => n.Email == SriLanka));
        Assert.DoesNotContain(notices, n => n.Email == World.Viewer || n.Email == World.WgTip);
        Assert.DoesNotContain(notices, n => n.Text.Contains("Perera", StringComparison.Ordinal) || n.Subject.Contains("Perera", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AFocalPoint_ActsOnlyForItsMember_AndCanOnlyWithdraw_WithAReason()
    {
        var world = await StartAsync();
        await using var app = world.App;
        var focal = await world.ApiAsync(SriLanka);
        var vietNam = await app.WithDbAsync(db => db.Members.Where(m => m.Name == "Viet Nam").Select(m => m.Id).SingleAsync(Ct));

        var forAnother = await focal.PostAsJsonAsync("/api/v1/secondments", new { memberId = vietNam, agency = "Police", areaOfWork = "Investigations.", focusAreas = new[] { "LE" } }, Ct);
        var byReporter = await (await world.ApiAsync(World.WgTip)).PostAsJsonAsync("/api/v1/secondments", Interest(), Ct);
        var unknownArea = await focal.PostAsJsonAsync("/api/v1/secondments", new { agency = "Police", areaOfWork = "Investigations.", focusAreas = new[] { "XX" } }, Ct);
        var nullArea = await focal.PostAsync("/api/v1/secondments",
            new StringContent("{\"agency\": \"Police\", \"areaOfWork\": \"Investigations.\", \"focusAreas\": [null]}", System.Text.Encoding.UTF8, "application/json"), Ct);
        var id = (await JsonAsync(await focal.PostAsJsonAsync("/api/v1/secondments", Interest(), Ct))).GetProperty("id").GetInt32();
        var advance = await focal.PostAsJsonAsync($"/api/v1/secondments/{id}/steps", new { status = "UnderDiscussion" }, Ct);
        var silent = await focal.PostAsJsonAsync($"/api/v1/secondments/{id}/steps", new { status = "Withdrawn" }, Ct);
        var withdrawn = await focal.PostAsJsonAsync($"/api/v1/secondments/{id}/steps", new { status = "Withdrawn", note = "The officer was posted elsewhere." }, Ct);
        var again = await (await world.ApiAsync(World.Rso)).PostAsJsonAsync($"/api/v1/secondments/{id}/steps", new { status = "UnderDiscussion" }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, forAnother.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byReporter.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknownArea.StatusCode);
        Assert.Equal("XX is not a focus area of the Strategy; use one of LE, VM.", (await JsonAsync(unknownArea)).GetProperty("errors").GetProperty("focusAreas")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, nullArea.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, advance.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, silent.StatusCode);
        Assert.Equal("Say why it was withdrawn.", (await JsonAsync(silent)).GetProperty("errors").GetProperty("note")[0].GetString());
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("This expression of interest is withdrawn; it takes no further steps.", (await JsonAsync(again)).GetProperty("detail").GetString());
        Assert.Equal(1, await app.WithDbAsync(db => db.Secondments.CountAsync(Ct)));
    }

    [Fact]
    public async Task ThePages_ShowTheNomineeOnlyToTheRso_AndAFocalPointOnlyItsMembers()
    {
        var world = await StartAsync();
        await using var app = world.App;
        await (await world.ApiAsync(SriLanka)).PostAsJsonAsync("/api/v1/secondments", Interest(), Ct);
        await (await world.ApiAsync(World.Rso)).PostAsJsonAsync("/api/v1/secondments",
            new { memberId = await app.WithDbAsync(db => db.Members.Where(m => m.Name == "Viet Nam").Select(m => m.Id).SingleAsync(Ct)), agency = "Viet Nam Police", areaOfWork = "Investigations.", focusAreas = new[] { "LE" } }, Ct);
        var ids = await app.WithDbAsync(db => db.Secondments.OrderBy(s => s.Id).Select(s => s.Id).ToListAsync(Ct));

        var focalList = await (await world.SignInAsync(SriLanka)).GetStringAsync("/secondments", Ct);
        var rso = await world.SignInAsync(World.Rso);
        var rsoList = await rso.GetStringAsync("/secondments", Ct);
        var rsoDetails = await rso.GetStringAsync($"/secondments/{ids[0]}", Ct);
        var coChairDetails = await (await world.SignInAsync(World.Indonesia)).GetStringAsync($"/secondments/{ids[0]}", Ct);
        var step = await TestApp.PostFormAsync(rso, $"/secondments/{ids[0]}?handler=Step", new Dictionary<string, string> { ["Step.Status"] = "Declined" }, $"/secondments/{ids[0]}");

        Assert.Contains("Department of Immigration and Emigration", focalList);
        Assert.DoesNotContain("Viet Nam Police", focalList);
        Assert.Contains("Viet Nam Police", rsoList);
        Assert.Contains("Ms A. Perera, Immigration officer", rsoDetails);
        Assert.Contains("Take it up for discussion", rsoDetails);
        Assert.DoesNotContain("Perera", coChairDetails);
        Assert.DoesNotContain("Take it up for discussion", coChairDetails);
        Assert.Equal(HttpStatusCode.BadRequest, step.StatusCode);
        Assert.Contains("Say why it was declined.", await step.Content.ReadAsStringAsync(Ct));
    }
}
