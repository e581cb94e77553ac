using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Domain.Meetings;
using Scorecards.Web.Tests.Infrastructure;
using static Scorecards.Web.Tests.Infrastructure.HttpJson;

namespace Scorecards.Web.Tests.Members;

/// <summary>Members and observers over time, and the seats and co-chairs of the bodies, through the API and the pages.</summary>
public sealed class RegisterTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static IEnumerable<string?> Names(JsonElement members) => members.EnumerateArray().Select(m => m.GetProperty("name").GetString());

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AMembersHistory_AnswersTheListAsAtAnyDay_WithTheDecisionsBehindEachChange(DatabaseProvider provider)
    {
        var world = await World.StartAsync(provider: provider);
        await using var app = world.App;
        var meeting = await world.Given.MeetingAsync("16th AHG SOM", MeetingKind.AdHocGroupSom, new(2022, 12, 6));
        var decision = await world.Given.DecisionAsync(meeting, "Canada to join as an observer.", "RSO");
        var admin = await world.ApiAsync(World.Admin);

        var added = await admin.PostAsJsonAsync("/api/v1/members", new { name = "Canada", kind = "State", status = "Observer", since = "2022-12-06", decisionId = decision }, Ct);
        var canada = (await JsonAsync(added)).GetProperty("member").GetProperty("id").GetInt32();
        var member = await admin.PostAsJsonAsync($"/api/v1/members/{canada}/status", new { status = "Member", on = "2024-05-03", decisionId = decision }, Ct);
        var withdrew = await admin.PostAsJsonAsync($"/api/v1/members/{canada}/status", new { status = "Withdrawn", on = "2025-06-01", note = "By letter to the Co-Chairs." }, Ct);
        var viewer = await world.ApiAsync(World.Viewer);
        var before = await viewer.GetFromJsonAsync<JsonElement>("/api/v1/members?asAt=2022-12-05", Ct);
        var observer = await viewer.GetFromJsonAsync<JsonElement>("/api/v1/members?asAt=2023-01-01", Ct);
        var asMember = await viewer.GetFromJsonAsync<JsonElement>("/api/v1/members?asAt=2024-05-03", Ct);
        var today = await viewer.GetFromJsonAsync<JsonElement>("/api/v1/members", Ct);
        var withWithdrawn = await viewer.GetFromJsonAsync<JsonElement>("/api/v1/members?withdrawn=true", Ct);

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal(HttpStatusCode.OK, member.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withdrew.StatusCode);
        Assert.DoesNotContain("Canada", Names(before));
        var then = observer.EnumerateArray().Single(m => m.GetProperty("name").GetString() == "Canada");
        Assert.Equal(("Observer", "Observer states", "2022-12-06"), (then.GetProperty("status").GetString(), then.GetProperty("group").GetString(), then.GetProperty("statusSince").GetString()));
        Assert.Equal("Member", asMember.EnumerateArray().Single(m => m.GetProperty("name").GetString() == "Canada").GetProperty("status").GetString());
        Assert.DoesNotContain("Canada", Names(today));
        var history = withWithdrawn.EnumerateArray().Single(m => m.GetProperty("name").GetString() == "Canada").GetProperty("history");
        Assert.Equal(["Joined as an observer", "Became a member", "Withdrew"], history.EnumerateArray().Select(c => c.GetProperty("change").GetString()));
        Assert.Equal("16th AHG SOM, decision 1", history[0].GetProperty("decision").GetProperty("label").GetString());
        Assert.Equal(JsonValueKind.Null, history[2].GetProperty("decision").ValueKind);
        Assert.Equal("By letter to the Co-Chairs.", history[2].GetProperty("note").GetString());
        Assert.Equal(["Australia", "Indonesia", "Viet Nam"], Names(today));
        Assert.Equal(3, await app.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.EntityType == "MemberStatusChange" && a.Action == "Created" && a.Subject == "Canada", Ct)));
    }

    [Fact]
    public async Task AStatusChange_ThatTheRegisterRefuses_SaysWhyAndWhere_AndChangesNothing()
    {
        var world = await World.StartAsync();
        await using var app = world.App;
        var admin = await world.ApiAsync(World.Admin);
        var vietNam = await app.WithDbAsync(db => db.Members.Where(m => m.Name == "Viet Nam").Select(m => m.Id).SingleAsync(Ct));

        var future = await admin.PostAsJsonAsync($"/api/v1/members/{vietNam}/status", new { status = "Observer", on = "2026-03-03" }, Ct);
        var unknownDecision = await admin.PostAsJsonAsync($"/api/v1/members/{vietNam}/status", new { status = "Observer", on = "2026-03-01", decisionId = 4711 }, Ct);
        var same = await admin.PostAsJsonAsync($"/api/v1/members/{vietNam}/status", new { status = "Member", on = "2026-03-01" }, Ct);
        var viewer = await (await world.ApiAsync(World.Viewer)).PostAsJsonAsync($"/api/v1/members/{vietNam}/status", new { status = "Observer", on = "2026-03-01" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Contains("after today", (await JsonAsync(future)).GetProperty("errors").GetProperty("on")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, unknownDecision.StatusCode);
        Assert.Equal("There is no decision 4711; choose one recorded under its meeting.", (await JsonAsync(unknownDecision)).GetProperty("errors").GetProperty("decisionId")[0].GetString());
        Assert.Equal("Viet Nam is already a member.", (await JsonAsync(same)).GetProperty("errors").GetProperty("status")[0].GetString());
        Assert.Equal(HttpStatusCode.Forbidden, viewer.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Members.Where(m => m.Id == vietNam).SelectMany(m => m.History).CountAsync(Ct)));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task SeatsAndCoChairTerms_AreKeptWithTheirDays_AndABodyReadsThemAsAtAnyDay(DatabaseProvider provider)
    {
        var world = await World.StartAsync(provider: provider);
        await using var app = world.App;
        var ids = await app.WithDbAsync(db => db.Members.ToDictionaryAsync(m => m.Name, m => m.Id, Ct));
        var meeting = await world.Given.MeetingAsync("18th AHG SOM", MeetingKind.AdHocGroupSom, new(2025, 5, 21));
        var decision = await world.Given.DecisionAsync(meeting, "Viet Nam to join WG-TIP.", "WG-TIP");
        var admin = await world.ApiAsync(World.Admin);

        var australia = await admin.PostAsJsonAsync("/api/v1/bodies/WG-TIP/seats", new { memberId = ids["Australia"] }, Ct);
        var vietNam = await admin.PostAsJsonAsync("/api/v1/bodies/WG-TIP/seats", new { memberId = ids["Viet Nam"], from = "2025-05-21", decisionId = decision }, Ct);
        var chair = await admin.PostAsJsonAsync("/api/v1/bodies/WG-TIP/co-chairs", new { memberId = ids["Australia"], until = "2025-12-31" }, Ct);
        var next = await admin.PostAsJsonAsync("/api/v1/bodies/WG-TIP/co-chairs", new { memberId = ids["Viet Nam"], from = "2026-01-01" }, Ct);
        var seatId = (await JsonAsync(vietNam)).GetProperty("seats").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "Viet Nam").GetProperty("id").GetInt32();
        var ended = await admin.PostAsJsonAsync($"/api/v1/bodies/WG-TIP/seats/{seatId}/end", new { until = "2026-02-28" }, Ct);
        var viewer = await world.ApiAsync(World.Viewer);
        var in2025 = await viewer.GetFromJsonAsync<JsonElement>("/api/v1/bodies?asAt=2025-06-01", Ct);
        var now = await viewer.GetFromJsonAsync<JsonElement>("/api/v1/bodies", Ct);
        var history = await viewer.GetFromJsonAsync<JsonElement>("/api/v1/bodies/wg-tip", Ct);

        Assert.All(new[] { australia, vietNam, chair, next, ended }, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        JsonElement Tip(JsonElement bodies) => bodies.EnumerateArray().Single(b => b.GetProperty("code").GetString() == "WG-TIP");
        Assert.Equal(["Australia", "Viet Nam"], Names(Tip(in2025).GetProperty("seats")));
        Assert.Equal(["Australia"], Names(Tip(in2025).GetProperty("coChairs")));
        Assert.Equal(["Australia"], Names(Tip(now).GetProperty("seats")));
        Assert.Equal(["Viet Nam"], Names(Tip(now).GetProperty("coChairs")));
        var seat = history.GetProperty("seats").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "Viet Nam");
        Assert.Equal(("2025-05-21", "2026-02-28", "18th AHG SOM, decision 1"),
            (seat.GetProperty("from").GetString(), seat.GetProperty("until").GetString(), seat.GetProperty("fromDecision").GetProperty("label").GetString()));
        Assert.Equal(2, history.GetProperty("coChairs").GetArrayLength());
    }

    [Fact]
    public async Task AMemberThatHoldsASeat_CannotWithdraw_UntilTheSeatEnds()
    {
        var world = await World.StartAsync();
        await using var app = world.App;
        var vietNam = await app.WithDbAsync(db => db.Members.Where(m => m.Name == "Viet Nam").Select(m => m.Id).SingleAsync(Ct));
        var admin = await world.ApiAsync(World.Admin);
        var seats = await JsonAsync(await admin.PostAsJsonAsync("/api/v1/bodies/RSO/seats", new { memberId = vietNam, from = "2025-01-01" }, Ct));

        var refused = await admin.PostAsJsonAsync($"/api/v1/members/{vietNam}/status", new { status = "Withdrawn", on = "2026-03-01" }, Ct);
        await admin.PostAsJsonAsync($"/api/v1/bodies/RSO/seats/{seats.GetProperty("seats")[0].GetProperty("id").GetInt32()}/end", new { until = "2026-02-28" }, Ct);
        var withdrew = await admin.PostAsJsonAsync($"/api/v1/members/{vietNam}/status", new { status = "Withdrawn", on = "2026-03-01" }, Ct);
        var lateSeat = await admin.PostAsJsonAsync("/api/v1/bodies/WG-TIP/seats", new { memberId = vietNam, from = "2026-03-01" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("Viet Nam still holds a seat on RSO on 2026-03-01 or later; end each by the day before it withdraws first.",
            (await JsonAsync(refused)).GetProperty("errors").GetProperty("status")[0].GetString());
        Assert.Equal(HttpStatusCode.OK, withdrew.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, lateSeat.StatusCode);
        Assert.Contains("is not a member or observer of the Process on 2026-03-01", (await JsonAsync(lateSeat)).GetProperty("errors").GetProperty("memberId")[0].GetString());
    }

    [Fact]
    public async Task MembersAndBodyPages_ShowTheRegisterToEveryRole_AndItsFormsOnlyToAdministrators()
    {
        var world = await World.StartAsync();
        await using var app = world.App;
        var ids = await app.WithDbAsync(db => db.Members.ToDictionaryAsync(m => m.Name, m => m.Id, Ct));
        await world.Given.MemberAsync("IOM", Domain.Members.MemberKind.Organisation);
        var admin = await world.SignInAsync(World.Admin);
        var seat = await TestApp.PostFormAsync(admin, "/bodies/WG-TIP?handler=Seat", new Dictionary<string, string> { ["Seat.MemberId"] = ids["Indonesia"].ToString(System.Globalization.CultureInfo.InvariantCulture) }, "/bodies/WG-TIP");
        var status = await TestApp.PostFormAsync(admin, $"/members/{ids["Viet Nam"]}?handler=Status",
            new Dictionary<string, string> { ["Form.Status"] = "Observer", ["Form.On"] = "2026-02-01" }, $"/members/{ids["Viet Nam"]}");
        var viewer = await world.SignInAsync(World.Viewer);

        var list = await viewer.GetStringAsync("/members", Ct);
        var vietNam = await viewer.GetStringAsync($"/members/{ids["Viet Nam"]}", Ct);
        var body = await viewer.GetStringAsync("/bodies/WG-TIP", Ct);
        var adminBody = await admin.GetStringAsync("/bodies/WG-TIP", Ct);
        var refused = await TestApp.PostFormAsync(viewer, $"/members/{ids["Viet Nam"]}?handler=Undo", new Dictionary<string, string>(), "/members");

        Assert.Equal(HttpStatusCode.Redirect, seat.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, status.StatusCode);
        Assert.Contains("Member states and territories (2)", list);
        Assert.Contains("Member organisations (1)", list);
        Assert.Contains("Observer states (1)", list);
        Assert.Contains("an observer since 1 February 2026", vietNam);
        Assert.Contains("Became an observer", vietNam);
        Assert.Contains("1 member sits on it today", body);
        Assert.Contains("Indonesia", body);
        Assert.DoesNotContain("Give a member a seat", body);
        Assert.DoesNotContain("Record a change of status", vietNam);
        Assert.Contains("Give a member a seat", adminBody);
        Assert.Equal("/account/denied", refused.Headers.Location?.AbsolutePath);
        Assert.Equal(2, await app.WithDbAsync(db => db.Members.Where(m => m.Name == "Viet Nam").SelectMany(m => m.History).CountAsync(Ct)));
    }
}
