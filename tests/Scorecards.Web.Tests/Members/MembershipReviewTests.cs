using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Domain.Meetings;
using Scorecards.Web.Tests.Infrastructure;
using static Scorecards.Web.Tests.Infrastructure.HttpJson;

namespace Scorecards.Web.Tests.Members;

/// <summary>The membership review from proposal to the register, by role.</summary>
public sealed class MembershipReviewTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AnAgreedProposal_IsAppliedToTheRegister_WithItsDecision_AndAudited(DatabaseProvider provider)
    {
        var world = await World.StartAsync(provider: provider);
        await using var app = world.App;
        var vietNam = await app.WithDbAsync(db => db.Members.Where(m => m.Name == "Viet Nam").Select(m => m.Id).SingleAsync(Ct));
        var meeting = await world.Given.MeetingAsync("19th Steering Group SOM", MeetingKind.SteeringGroupSom, new(2026, 2, 10));
        var decision = await world.Given.DecisionAsync(meeting, "Viet Nam to join the WG-TIP.", "WG-TIP");
        var coChair = await world.ApiAsync(World.Indonesia);

        var proposed = await coChair.PostAsJsonAsync("/api/v1/membership-proposals",
            new { kind = "JoinBody", memberId = vietNam, body = "wg-tip", rationale = "To reflect current trafficking trends." }, Ct);
        var id = (await JsonAsync(proposed)).GetProperty("id").GetInt32();
        var tabled = await coChair.PostAsJsonAsync($"/api/v1/membership-proposals/{id}/steps", new { status = "Tabled", meetingId = meeting }, Ct);
        var agreed = await coChair.PostAsJsonAsync($"/api/v1/membership-proposals/{id}/steps", new { status = "Agreed", decisionId = decision }, Ct);
        var applied = await (await world.ApiAsync(World.Admin)).PostAsJsonAsync($"/api/v1/membership-proposals/{id}/steps", new { status = "Applied", effectiveDate = "2026-03-01" }, Ct);
        var body = await (await world.ApiAsync(World.Viewer)).GetFromJsonAsync<JsonElement>("/api/v1/bodies/WG-TIP", Ct);
        var read = await (await world.ApiAsync(World.Viewer)).GetFromJsonAsync<JsonElement>($"/api/v1/membership-proposals/{id}", Ct);

        Assert.Equal(HttpStatusCode.Created, proposed.StatusCode);
        Assert.All(new[] { tabled, agreed, applied }, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var seat = Assert.Single(body.GetProperty("seats").EnumerateArray());
        Assert.Equal(("Viet Nam", "2026-03-01", "19th Steering Group SOM, decision 1"),
            (seat.GetProperty("name").GetString(), seat.GetProperty("from").GetString(), seat.GetProperty("fromDecision").GetProperty("label").GetString()));
        Assert.Equal(("Applied", "Viet Nam to join WG-TIP"), (read.GetProperty("status").GetString(), read.GetProperty("summary").GetString()));
        Assert.Equal(["Proposed", "Tabled", "Agreed", "Applied"], read.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("status").GetString()));
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.EntityType == "BodySeat" && a.Action == "Created" && a.UserName == World.Admin, Ct)));
    }

    [Fact]
    public async Task AProposalTheRegisterRefuses_IsNotApplied_AndNeitherIsItsChange()
    {
        var world = await World.StartAsync();
        await using var app = world.App;
        var indonesia = await app.WithDbAsync(db => db.Members.Where(m => m.Name == "Indonesia").Select(m => m.Id).SingleAsync(Ct));
        var meeting = await world.Given.MeetingAsync("19th Steering Group SOM", MeetingKind.SteeringGroupSom, new(2026, 2, 10));
        var decision = await world.Given.DecisionAsync(meeting, "Indonesia to become an observer.", "RSO");
        var admin = await world.ApiAsync(World.Admin);
        var id = (await JsonAsync(await admin.PostAsJsonAsync("/api/v1/membership-proposals",
            new { kind = "ChangeStatus", memberId = indonesia, newStatus = "Observer", rationale = "A test of the register's rules." }, Ct))).GetProperty("id").GetInt32();
        await admin.PostAsJsonAsync($"/api/v1/membership-proposals/{id}/steps", new { status = "Tabled", meetingId = meeting }, Ct);
        await admin.PostAsJsonAsync($"/api/v1/membership-proposals/{id}/steps", new { status = "Agreed", decisionId = decision }, Ct);

        var refused = await admin.PostAsJsonAsync($"/api/v1/membership-proposals/{id}/steps", new { status = "Applied", effectiveDate = "2026-03-01" }, Ct);
        var byViewer = await (await world.ApiAsync(World.Viewer)).PostAsJsonAsync($"/api/v1/membership-proposals/{id}/steps", new { status = "Withdrawn", note = "No." }, Ct);
        var byReporter = await (await world.ApiAsync(World.WgTip)).PostAsJsonAsync("/api/v1/membership-proposals",
            new { kind = "ChangeStatus", memberId = indonesia, newStatus = "Observer", rationale = "Why." }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Remove it from the Co-Chair governments first.", (await JsonAsync(refused)).GetProperty("errors").GetProperty("effectiveDate")[0].GetString());
        Assert.Equal(HttpStatusCode.Forbidden, byViewer.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byReporter.StatusCode);
        Assert.Equal("Agreed", await app.WithDbAsync(db => db.MembershipProposals.Select(p => p.Status.ToString()).SingleAsync(Ct)));
        Assert.Equal(1, await app.WithDbAsync(db => db.Members.Where(m => m.Id == indonesia).SelectMany(m => m.History).CountAsync(Ct)));
    }

    [Fact]
    public async Task ThePages_LetCoChairsTakeEachStep_AndMembersRead()
    {
        var world = await World.StartAsync();
        await using var app = world.App;
        var vietNam = await app.WithDbAsync(db => db.Members.Where(m => m.Name == "Viet Nam").Select(m => m.Id).SingleAsync(Ct));
        var meeting = await world.Given.MeetingAsync("19th Steering Group SOM", MeetingKind.SteeringGroupSom, new(2026, 2, 10));
        var coChair = await world.SignInAsync(World.Indonesia);
        var proposed = await TestApp.PostFormAsync(coChair, "/membership/new", new Dictionary<string, string>
        {
            ["Form.Kind"] = "JoinBody",
            ["Form.MemberId"] = vietNam.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Form.Body"] = "RSO",
            ["Form.Rationale"] = "To widen the RSO's reach.",
        });
        var path = proposed.Headers.Location!.OriginalString;
        var tabled = await TestApp.PostFormAsync(coChair, path, new Dictionary<string, string>
        {
            ["Step.Status"] = "Tabled",
            ["Step.MeetingId"] = meeting.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var undecided = await TestApp.PostFormAsync(coChair, path, new Dictionary<string, string> { ["Step.Status"] = "Agreed" });
        var viewer = await world.SignInAsync(World.Viewer);
        var page = await viewer.GetStringAsync(path, Ct);
        var list = await viewer.GetStringAsync("/membership", Ct);

        Assert.Equal(HttpStatusCode.Redirect, proposed.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, tabled.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, undecided.StatusCode);
        Assert.Contains("Choose the decision by which the meeting agreed it.", await undecided.Content.ReadAsStringAsync(Ct));
        Assert.Contains("Viet Nam to join RSO", page);
        Assert.Contains("Tabled; tabled at 19th Steering Group SOM", page);
        Assert.DoesNotContain("Next step", page);
        Assert.Contains("Viet Nam to join RSO", list);
        Assert.Equal("/account/denied", (await viewer.GetAsync("/membership/new", Ct)).Headers.Location?.AbsolutePath);
    }
}
