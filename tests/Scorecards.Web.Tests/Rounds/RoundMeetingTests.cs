using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Scorecards.Domain.Meetings;
using Scorecards.Domain.Rounds;
using Scorecards.Web.Tests.Infrastructure;
using static Scorecards.Web.Tests.Infrastructure.HttpJson;

namespace Scorecards.Web.Tests.Rounds;

/// <summary>A round reports to a recorded meeting, and its page says where it stands and who acts next.</summary>
public sealed class RoundMeetingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task PlannedRound_TakesTheRecordedMeeting_AndFollowsItsRecordUntilPublished()
    {
        await using var world = await World.StartAsync();
        var app = world.App;
        var meeting = await app.Given.MeetingAsync("20th Ad Hoc Group Senior Officials' Meeting", MeetingKind.AdHocGroupSom, new(2027, 5, 19));
        var admin = await world.SignInAsync(World.Admin);

        var planned = await TestApp.PostFormAsync(admin, "/admin/rounds?handler=Create", new Dictionary<string, string>
        {
            ["Input.Name"] = "20th AHG SOM, 2027",
            ["Input.MeetingId"] = Id(meeting),
            ["Input.PeriodStart"] = "2026-05-21",
            ["Input.PeriodEnd"] = "2027-05-19",
            ["Input.OpensOn"] = "2027-02-01",
            ["Input.DueOn"] = "2027-04-01",
            ["Input.TimeZone"] = "Asia/Bangkok",
            ["Input.RemindDaysBefore"] = "7",
            ["Input.EscalateAfterDays"] = "7",
        }, "/admin/rounds");

        Assert.Equal(HttpStatusCode.Redirect, planned.StatusCode);
        var round = await app.WithDbAsync(db => db.Rounds.AsNoTracking().SingleAsync(r => r.Name == "20th AHG SOM, 2027", Ct));
        Assert.Equal(meeting, round.MeetingId);
        Assert.Equal(new DateOnly(2027, 5, 19), round.MeetingOn);
        Assert.Equal("20th Ad Hoc Group Senior Officials' Meeting, 19 May 2027", round.Meeting);
        var page = await admin.GetStringAsync($"/rounds/{round.Id}", Ct);
        Assert.Contains($"<a href=\"/meetings/{meeting}\" data-testid=\"round-meeting\">20th Ad Hoc Group Senior Officials&#x27; Meeting, 19 May 2027</a>", page);
        Assert.Contains("/rounds/" + Id(round.Id), await admin.GetStringAsync($"/meetings/{meeting}", Ct));

        // The meeting moves and gets its city: the planned round says so, without anyone touching it.
        var api = await world.ApiAsync(World.Admin);
        var moved = await api.PutAsJsonAsync($"/api/v1/meetings/{meeting}", new
        {
            title = "20th Ad Hoc Group Senior Officials' Meeting",
            kind = "AdHocGroupSom",
            startDate = "2027-05-26",
            endDate = "2027-05-27",
            city = "Jakarta",
        }, Ct);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var followed = await JsonAsync(await api.GetAsync($"/api/v1/rounds/{round.Id}", Ct));
        Assert.Equal("20th Ad Hoc Group Senior Officials' Meeting, Jakarta, 26–27 May 2027", followed.GetProperty("meeting").GetString());
        Assert.Equal("2027-05-26", followed.GetProperty("meetingOn").GetString());
        Assert.Equal(meeting, followed.GetProperty("meetingId").GetInt32());
    }

    [Fact]
    public async Task RoundNamedBeforeItsMeetingWasRecorded_IsLinkedLater_ButAPublishedOneKeepsItsWords()
    {
        await using var world = await World.StartAsync(lastRound: true);
        var app = world.App;
        var meeting = await app.Given.MeetingAsync("19th Ad Hoc Group Senior Officials' Meeting", MeetingKind.AdHocGroupSom, new(2026, 5, 20));
        var api = await world.ApiAsync(World.Admin);

        var linked = await api.PutAsJsonAsync($"/api/v1/rounds/{world.Round.Id}/meeting", new { meetingId = meeting }, Ct);
        var published = await api.PutAsJsonAsync($"/api/v1/rounds/{world.LastRound!.Id}/meeting", new { meetingId = meeting }, Ct);
        var missing = await api.PutAsJsonAsync($"/api/v1/rounds/{world.Round.Id}/meeting", new { meetingId = 9999 }, Ct);
        var reporter = await (await world.ApiAsync(World.WgTip)).PutAsJsonAsync($"/api/v1/rounds/{world.Round.Id}/meeting", new { meetingId = meeting }, Ct);

        Assert.Equal(HttpStatusCode.OK, linked.StatusCode);
        Assert.Equal("19th Ad Hoc Group Senior Officials' Meeting, 20 May 2026", (await JsonAsync(linked)).GetProperty("meeting").GetString());
        Assert.Equal(HttpStatusCode.Conflict, published.StatusCode);
        Assert.Contains("part of what was published", (await JsonAsync(published)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, reporter.StatusCode);
        Assert.Null(await app.WithDbAsync(db => db.Rounds.Where(r => r.Id == world.LastRound.Id).Select(r => r.MeetingId).SingleAsync(Ct)));
    }

    [Fact]
    public async Task RoundPage_TellsEachReaderWhatHappensNext_AndTheSecretariatClosesReportingFromIt()
    {
        await using var world = await World.StartAsync();
        var app = world.App;
        var rso = await world.ScorecardAsync("RSO");
        await app.Given.RateAllAsync(rso);
        await app.Given.SubmitAsync(rso);
        var admin = await world.SignInAsync(World.Admin);
        var cochair = await world.SignInAsync(World.Indonesia);
        var reporter = await world.SignInAsync(World.WgTip);
        var path = $"/rounds/{world.Round.Id}";

        var forCoChair = await cochair.GetStringAsync(path, Ct);
        Assert.Contains("Reporting is open until 1 April 2026; the secretariat closes it, then the Co-Chairs approve each scorecard and publish the round.", forCoChair);
        Assert.Contains("Of 2 scorecards, 1 is still owed, 1 awaits the Co-Chairs and 0 are approved by both.", forCoChair);
        Assert.Contains("Publishing is offered here once the secretariat closes reporting.", forCoChair);
        Assert.DoesNotContain("Publish round", forCoChair);
        Assert.Contains("Submit your body&#x27;s scorecard by the due date", await reporter.GetStringAsync(path, Ct));
        var forAdmin = await admin.GetStringAsync(path, Ct);
        Assert.Contains("Close reporting once the owed scorecards are in", forAdmin);
        Assert.DoesNotContain("Close reporting</button>", forCoChair);

        var closed = await TestApp.PostFormAsync(admin, "/admin/rounds?handler=Review",
            new Dictionary<string, string> { ["id"] = Id(world.Round.Id), ["back"] = "round" }, path);

        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.Equal(path, closed.Headers.Location?.OriginalString);
        Assert.Equal(RoundStatus.InReview, await world.RoundStatusAsync(world.Round.Id));
        var inReview = await cochair.GetStringAsync(path, Ct);
        Assert.Contains("Reporting is closed; the Co-Chairs approve the scorecards, then publish the round.", inReview);
        Assert.Contains("Publishing now leaves 2 scorecards out of the published round, named as not approved.", inReview);
        Assert.Contains("Publish round", inReview);
        Assert.Contains("If a body needs more time, reopen reporting", await admin.GetStringAsync(path, Ct));
    }

    [Fact]
    public async Task CreatingARound_WithBothARecordedMeetingAndAName_IsRefusedNamingTheField()
    {
        await using var world = await World.StartAsync();
        var meeting = await world.App.Given.MeetingAsync("20th Ad Hoc Group Senior Officials' Meeting", MeetingKind.AdHocGroupSom, new(2027, 5, 19));
        var api = await world.ApiAsync(World.Admin);

        var both = await api.PostAsJsonAsync("/api/v1/rounds", new
        {
            name = "20th AHG SOM, 2027",
            meeting = "20th AHG SOM",
            meetingId = meeting,
            periodStart = "2026-05-21",
            periodEnd = "2027-05-19",
            opensOn = "2027-02-01",
            dueOn = "2027-04-01",
        }, Ct);
        var before = await api.PostAsJsonAsync("/api/v1/rounds", new
        {
            name = "21st AHG SOM, 2028",
            meetingId = meeting,
            periodStart = "2027-05-20",
            periodEnd = "2028-05-19",
            opensOn = "2028-02-01",
            dueOn = "2028-04-01",
        }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, both.StatusCode);
        Assert.Contains("not both", (await JsonAsync(both)).GetProperty("errors").GetProperty("meetingId")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, before.StatusCode);
        Assert.Contains("before the period the round covers starts", (await JsonAsync(before)).GetProperty("errors").GetProperty("meetingId")[0].GetString());
        Assert.Equal(1, await world.App.WithDbAsync(db => db.Rounds.CountAsync(Ct)));
    }
}
