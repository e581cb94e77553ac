using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scorecards.Data.Accounts;
using Scorecards.Domain.Meetings;
using Scorecards.Web.Tests.Infrastructure;
using static Scorecards.Web.Tests.Infrastructure.HttpJson;

namespace Scorecards.Web.Tests.Meetings;

public sealed class MeetingsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static IEnumerable<string> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!);

    private const string Admin = "admin@example.org";
    private const string Rso = "rso@example.org";
    private const string WgTip = "tip@example.org";
    private const string Viewer = "viewer@example.org";

    /// <summary>The bodies, members and people the tests below act with; meetings and decisions each test makes itself.</summary>
    private static async Task<TestApp> StartAsync()
    {
        var app = await TestApp.StartAsync(demo: false);
        foreach (var body in new[] { "WG-TIP", "TEG-RR", "TFPP", "RSO" })
        {
            await app.Given.BodyAsync(body);
        }

        foreach (var member in new[] { "Australia", "Indonesia", "New Zealand", "Thailand" })
        {
            await app.Given.MemberAsync(member);
        }

        await app.Given.AccountAsync(Admin, Roles.Administrator);
        await app.Given.AccountAsync(Rso, Roles.Reporter, body: "RSO");
        await app.Given.AccountAsync(WgTip, Roles.Reporter, body: "WG-TIP");
        await app.Given.AccountAsync(Viewer, Roles.MemberViewer, member: "Thailand");
        return app;
    }

    private static DateOnly Today(TestApp app) => DateOnly.FromDateTime(app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);

    [Fact]
    public async Task OpenDecisions_ListAcrossMeetings_WithOverdueOnes_OnPageAndApi()
    {
        await using var app = await StartAsync();
        var today = Today(app);
        var som = await app.Given.MeetingAsync("18th Ad Hoc Group SOM", MeetingKind.AdHocGroupSom, today.AddMonths(-6));
        var tegRr = await app.Given.MeetingAsync("TEG-RR 7th Annual Meeting", MeetingKind.WorkingGroupMeeting, today.AddMonths(-18), body: "TEG-RR");
        await app.Given.DecisionAsync(som, "Review the Bali Process membership.", "RSO", dueDate: today.AddDays(60));
        await app.Given.DecisionAsync(som, "Develop a scorecard to track progress.", "RSO");
        await app.Given.DecisionAsync(tegRr, "Hold the 8th Annual Meeting.", "TEG-RR", dueDate: today.AddDays(-10));
        await app.Given.DecisionAsync(tegRr, "The meeting endorsed the WG-TIP 2024–26 Forward Work Plan.", "WG-TIP", status: DecisionStatus.Done);
        var viewer = await app.ApiClientAsync(Viewer);
        var browser = await app.SignInAsync(Viewer, Given.Password);

        var open = await JsonAsync(await viewer.GetAsync("/api/v1/decisions?open=true", Ct));
        var overdue = await JsonAsync(await viewer.GetAsync("/api/v1/decisions?overdue=true", Ct));
        var rso = await JsonAsync(await viewer.GetAsync("/api/v1/decisions?open=true&body=RSO", Ct));
        var page = await browser.GetStringAsync("/decisions", Ct);
        var closed = WebUtility.HtmlDecode(await browser.GetStringAsync("/decisions?show=closed", Ct));

        Assert.Equal(["Develop a scorecard to track progress.", "Hold the 8th Annual Meeting.", "Review the Bali Process membership."],
            open.GetProperty("decisions").EnumerateArray().Select(d => d.GetProperty("text").GetString()).Order(StringComparer.Ordinal));
        var late = Assert.Single(overdue.GetProperty("decisions").EnumerateArray());
        Assert.Equal(("TEG-RR", true), (late.GetProperty("ownerBody").GetString(), late.GetProperty("isOverdue").GetBoolean()));
        Assert.Equal(2, rso.GetProperty("total").GetInt32());
        Assert.Contains("Review the Bali Process membership", page);
        // The one late decision carries the overdue badge; the filter's own "overdue" field does not count.
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(page, "<span class=\"badge overdue\"> overdue</span>"));
        Assert.DoesNotContain("Review the Bali Process membership", closed);
        Assert.Contains("endorsed the WG-TIP 2024–26 Forward Work Plan", closed);
    }

    [Fact]
    public async Task FollowUp_ByTheOwnerBody_IsSavedAndAudited_OthersAreForbidden_AndDroppingNeedsAReason()
    {
        await using var app = await StartAsync();
        var som = await app.Given.MeetingAsync("18th Ad Hoc Group SOM", MeetingKind.AdHocGroupSom, Today(app).AddMonths(-6));
        var membership = await app.Given.DecisionAsync(som, "Review the Bali Process membership.", "RSO");
        var rso = await app.ApiClientAsync(Rso);

        var noReason = await rso.PostAsJsonAsync($"/api/v1/decisions/{membership}/status", new { status = "dropped" }, Ct);
        var wgTip = await (await app.ApiClientAsync(WgTip)).PostAsJsonAsync($"/api/v1/decisions/{membership}/status", new { status = "done" }, Ct);
        var viewer = await (await app.ApiClientAsync(Viewer)).PostAsJsonAsync($"/api/v1/decisions/{membership}/status", new { status = "done" }, Ct);
        var bad = await rso.PostAsJsonAsync($"/api/v1/decisions/{membership}/status", new { status = "finished" }, Ct);
        var done = await rso.PostAsJsonAsync($"/api/v1/decisions/{membership}/status", new { status = "in progress", note = "Terms of reference drafted." }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("Say why the decision was dropped.", await noReason.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Forbidden, wgTip.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, viewer.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal("In progress", (await JsonAsync(done)).GetProperty("statusLabel").GetString());
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.EntityType == "Decision" && e.Field == "Status" && e.After == "InProgress" && e.UserName == Rso, Ct)));

        // The same follow-up from the decision's page.
        var page = await app.SignInAsync(Rso, Given.Password);
        var posted = await TestApp.PostFormAsync(page, $"/decisions/{membership}?handler=FollowUp",
            new Dictionary<string, string> { ["FollowUpStatus"] = "Done", ["FollowUpNote"] = "Agreed by the Steering Group." }, $"/decisions/{membership}");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal(DecisionStatus.Done, await app.WithDbAsync(db => db.Decisions.Where(d => d.Id == membership).Select(d => d.Status).SingleAsync(Ct)));
        Assert.Contains("Only RSO's reporters and administrators record the follow-up",
            WebUtility.HtmlDecode(await (await app.SignInAsync(WgTip, Given.Password)).GetStringAsync($"/decisions/{membership}", Ct)));
    }

    [Fact]
    public async Task Administrators_RecordMeetingsAndDecisions_WithFieldErrors_OthersMayNot()
    {
        await using var app = await StartAsync();
        var admin = await app.ApiClientAsync(Admin);
        var meeting = new
        {
            title = "20th Steering Group Senior Officials' Meeting",
            kind = "SteeringGroupSom",
            startDate = "2026-05-19",
            city = "Jakarta",
            host = "Indonesia",
            chairs = new[] { "Indonesia", "Australia" },
            attendees = new[] { "New Zealand", "Thailand" },
        };

        var refused = await (await app.ApiClientAsync(Rso)).PostAsJsonAsync("/api/v1/meetings", meeting, Ct);
        var invalid = await admin.PostAsJsonAsync("/api/v1/meetings", meeting with { attendees = new[] { "Atlantis" } }, Ct);
        var created = await JsonAsync(await admin.PostAsJsonAsync("/api/v1/meetings", meeting, Ct));
        var id = created.GetProperty("id").GetInt32();
        var first = await JsonAsync(await admin.PostAsJsonAsync($"/api/v1/meetings/{id}/decisions", new { text = "Adopt the scorecard method.", ownerBody = "RSO" }, Ct));
        var second = await admin.PostAsJsonAsync($"/api/v1/meetings/{id}/decisions", new { text = "Report back.", ownerBody = "NOPE", dueMeeting = 99999 }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(["'Atlantis' is not a member; use the name as the member list spells it."],
            (await JsonAsync(invalid)).GetProperty("errors").GetProperty("attendees").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["Australia", "Indonesia", "New Zealand", "Thailand"], Strings(created.GetProperty("attendees")));
        Assert.Equal(1, first.GetProperty("number").GetInt32());
        Assert.Equal("Open", first.GetProperty("status").GetString());
        var problem = await JsonAsync(second);
        Assert.True(problem.GetProperty("errors").TryGetProperty("ownerBody", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("dueMeeting", out _));

        var reporterPage = await (await app.SignInAsync(Rso, Given.Password)).GetAsync("/meetings/new", Ct);
        Assert.StartsWith("/account/denied", reporterPage.Headers.Location?.PathAndQuery);
        var adminPage = await app.SignInAsync(Admin, Given.Password);
        var posted = await TestApp.PostFormAsync(adminPage, "/meetings/new", new Dictionary<string, string>
        {
            ["Form.Title"] = "TFPP 9th Annual Meeting",
            ["Form.Kind"] = "WorkingGroupMeeting",
            ["Form.Body"] = "TFPP",
            ["Form.StartDate"] = "2025-11-12",
            ["Form.EndDate"] = "2025-11-13",
            ["Form.City"] = "Bangkok",
            ["Form.Host"] = "Thailand",
            ["Form.Attendees"] = "Thailand",
        });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var shown = WebUtility.HtmlDecode(await adminPage.GetStringAsync(posted.Headers.Location!.OriginalString, Ct));
        Assert.Contains("TFPP 9th Annual Meeting", shown);
        Assert.Contains("12 November 2025 – 13 November 2025, Bangkok, Thailand", shown);
    }

    [Fact]
    public async Task Administrators_ChangeMeetingsAndDecisions_FromApiAndPages()
    {
        await using var app = await StartAsync();
        var admin = await app.ApiClientAsync(Admin);
        var steering = await app.Given.MeetingAsync("19th Steering Group SOM", MeetingKind.SteeringGroupSom, new DateOnly(2025, 5, 20));
        var som = await app.Given.MeetingAsync("18th Ad Hoc Group SOM", MeetingKind.AdHocGroupSom, new DateOnly(2025, 5, 21));
        var membership = await app.Given.DecisionAsync(som, "Review the Bali Process membership.", "RSO");

        var meeting = await admin.PutAsJsonAsync($"/api/v1/meetings/{steering}", new
        {
            title = "19th Steering Group Senior Officials' Meeting",
            kind = "SteeringGroupSom",
            startDate = "2025-05-20",
            city = "Bangkok",
            host = "Thailand",
            chairs = new[] { "Indonesia", "Australia" },
            attendees = new[] { "New Zealand" },
            otherAttendees = "Co-Managers of the RSO",
        }, Ct);
        var backwards = await admin.PutAsJsonAsync($"/api/v1/meetings/{steering}", new { title = "x", kind = "SteeringGroupSom", startDate = "2025-05-20", endDate = "2025-05-19" }, Ct);
        var decision = await admin.PutAsJsonAsync($"/api/v1/decisions/{membership}",
            new { text = "Review the Bali Process membership.", ownerBody = "RSO", dueMeeting = steering, status = "open" }, Ct);
        var byReporter = await (await app.ApiClientAsync(Rso)).PutAsJsonAsync($"/api/v1/decisions/{membership}",
            new { text = "Changed by a reporter.", ownerBody = "RSO" }, Ct);

        Assert.Equal(["Australia", "Indonesia", "New Zealand"], Strings((await JsonAsync(meeting)).GetProperty("attendees")));
        Assert.Contains("before it opens", await backwards.Content.ReadAsStringAsync(Ct));
        var changed = await JsonAsync(decision);
        Assert.Equal("19th Steering Group Senior Officials' Meeting", changed.GetProperty("dueMeeting").GetString());
        Assert.True(changed.GetProperty("isOverdue").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, byReporter.StatusCode);

        var page = await app.SignInAsync(Admin, Given.Password);
        var edited = await TestApp.PostFormAsync(page, $"/decisions/{membership}?handler=Edit", new Dictionary<string, string>
        {
            ["Form.Text"] = "Review the Bali Process membership, reporting to the 20th Steering Group.",
            ["Form.OwnerBody"] = "RSO",
            ["Form.Status"] = "InProgress",
            ["Form.DueDate"] = "2026-05-19",
        }, $"/decisions/{membership}");
        var meetingPage = await TestApp.PostFormAsync(page, $"/meetings/{steering}/edit", new Dictionary<string, string>
        {
            ["Form.Title"] = "19th Steering Group Senior Officials' Meeting",
            ["Form.Kind"] = "SteeringGroupSom",
            ["Form.StartDate"] = "2025-05-20",
            ["Form.City"] = "Bangkok",
            ["Form.Host"] = "Thailand",
            ["Form.Chairs"] = "Indonesia",
            ["Form.Attendees"] = "Thailand",
        });
        var added = await TestApp.PostFormAsync(page, $"/meetings/{steering}?handler=Decision", new Dictionary<string, string>
        {
            ["Form.Text"] = "Consider options for inclusion of victim and survivor voices in the work of the Process.",
            ["Form.OwnerBody"] = "RSO",
        }, $"/meetings/{steering}");

        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, meetingPage.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var view = await JsonAsync(await admin.GetAsync($"/api/v1/meetings/{steering}", Ct));
        Assert.Equal(["Indonesia"], Strings(view.GetProperty("meeting").GetProperty("chairs")));
        Assert.Equal(["Indonesia", "Thailand"], Strings(view.GetProperty("meeting").GetProperty("attendees")));
        Assert.Equal(1, Assert.Single(view.GetProperty("decisions").EnumerateArray()).GetProperty("number").GetInt32());
        Assert.Equal("In progress", (await JsonAsync(await admin.GetAsync($"/api/v1/decisions/{membership}", Ct))).GetProperty("statusLabel").GetString());
    }
}
