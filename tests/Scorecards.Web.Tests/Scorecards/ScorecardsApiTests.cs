using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Scorecards.Web.Tests.Infrastructure;
using static Scorecards.Web.Tests.Infrastructure.HttpJson;

namespace Scorecards.Web.Tests.Scorecards;

public sealed class ScorecardsApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static object EntryBody(int version, string progress = "WG-TIP held its 10th Annual Meeting in Bangkok in November 2024.") => new
    {
        version,
        completion = "Substantial",
        trajectory = "On track",
        effect = "Major",
        notApplicableReason = (string?)null,
        progress,
        challenges = (string?)null,
        supportNeeded = (string?)null,
        nextSteps = (string?)null,
        links = new[] { "https://www.baliprocess.net/" },
        indicators = Array.Empty<object>(),
        activities = Array.Empty<int>(),
    };

    [Fact]
    public async Task Api_WithoutCredentials_Returns401ProblemWithCode()
    {
        await using var app = await TestApp.StartAsync(demo: false);

        var response = await app.CreateClient().GetAsync("/api/v1/rounds", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("unauthorized", (await JsonAsync(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Api_WithUnknownToken_Returns401()
    {
        await using var app = await TestApp.StartAsync(demo: false);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "sct_not-a-real-token");

        var response = await client.GetAsync("/api/v1/members", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ReferenceLists_ReturnTheMembersBodiesAndFramework()
    {
        var world = await World.StartAsync();
        await using var _ = world.App;
        var client = await world.ApiAsync(World.Viewer);

        var members = await JsonAsync(await client.GetAsync("/api/v1/members", Ct));
        var bodies = await JsonAsync(await client.GetAsync("/api/v1/bodies", Ct));
        var framework = await JsonAsync(await client.GetAsync("/api/v1/framework", Ct));

        Assert.Equal(["Australia", "Indonesia", "Viet Nam"], members.EnumerateArray().Select(m => m.GetProperty("name").GetString()).Order());
        Assert.Equal(["WG-TIP", "RSO"], bodies.EnumerateArray().Select(b => b.GetProperty("code").GetString()));
        Assert.Equal(["Area LE", "Area VM"], framework.GetProperty("focusAreas").EnumerateArray().Select(a => a.GetProperty("name").GetString()));
        Assert.Equal(["LE-1", "LE-2"], framework.GetProperty("focusAreas")[0].GetProperty("objectives").EnumerateArray().Select(o => o.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task RoundScorecards_ForMemberViewer_ListOnlyApprovedOnes()
    {
        var world = await World.StartAsync(lastRound: true);
        await using var _ = world.App;
        var viewer = await world.ApiAsync(World.Viewer);
        var coChair = await world.ApiAsync(World.Indonesia);

        Assert.Empty((await JsonAsync(await viewer.GetAsync($"/api/v1/rounds/{world.Round.Id}/scorecards", Ct))).EnumerateArray());
        Assert.Equal(2, (await JsonAsync(await viewer.GetAsync($"/api/v1/rounds/{world.LastRound!.Id}/scorecards", Ct))).GetArrayLength());
        Assert.Equal(2, (await JsonAsync(await coChair.GetAsync($"/api/v1/rounds/{world.Round.Id}/scorecards", Ct))).GetArrayLength());
    }

    [Fact]
    public async Task PutEntry_ByOwnBodysReporter_SavesAndAudits()
    {
        var world = await World.StartAsync(lastRound: true);
        await using var _ = world.App;
        var id = await world.ScorecardAsync("WG-TIP");
        var client = await world.ApiAsync(World.WgTip);
        var before = await JsonAsync(await client.GetAsync($"/api/v1/scorecards/{id}/entries/VM-1", Ct));
        Assert.True(before.GetProperty("isCarriedOver").GetBoolean());

        var response = await client.PutAsJsonAsync($"/api/v1/scorecards/{id}/entries/VM-1", EntryBody(before.GetProperty("version").GetInt32()), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var saved = await JsonAsync(response);
        Assert.Equal("Substantial", saved.GetProperty("completion").GetString());
        Assert.False(saved.GetProperty("isCarriedOver").GetBoolean());
        Assert.Equal(before.GetProperty("version").GetInt32() + 1, saved.GetProperty("version").GetInt32());

        var audit = await world.App.WithDbAsync(db => db.AuditEvents.Where(a => a.EntityType == "Entry" && a.Field == "Progress" && a.UserName == World.WgTip).ToListAsync(Ct));
        var change = Assert.Single(audit);
        Assert.Equal("WG-TIP held its 10th Annual Meeting in Bangkok in November 2024.", change.After);
        Assert.Equal(World.LastProgress, change.Before);
    }

    [Fact]
    public async Task PutEntry_FromStaleVersion_Returns409WithBothVersionsAndKeepsTheFirst()
    {
        var world = await World.StartAsync();
        await using var _ = world.App;
        var id = await world.ScorecardAsync("WG-TIP");
        var first = await world.ApiAsync(World.WgTip);
        var second = await world.ApiAsync(World.WgTip);
        var version = (await JsonAsync(await first.GetAsync($"/api/v1/scorecards/{id}/entries/VM-2", Ct))).GetProperty("version").GetInt32();

        var ok = await first.PutAsJsonAsync($"/api/v1/scorecards/{id}/entries/VM-2", EntryBody(version, "First save."), Ct);
        var conflict = await second.PutAsJsonAsync($"/api/v1/scorecards/{id}/entries/VM-2", EntryBody(version, "Second save."), Ct);

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var problem = await JsonAsync(conflict);
        Assert.Equal("entry.conflict", problem.GetProperty("code").GetString());
        Assert.Equal("Second save.", problem.GetProperty("yours").GetProperty("progress").GetString());
        Assert.Equal("First save.", problem.GetProperty("theirs").GetProperty("progress").GetString());
        var stored = await JsonAsync(await first.GetAsync($"/api/v1/scorecards/{id}/entries/VM-2", Ct));
        Assert.Equal("First save.", stored.GetProperty("progress").GetString());
    }

    [Fact]
    public async Task PutEntry_MissingFields_Is400NamingEachOne_AndChangesNothing()
    {
        var world = await World.StartAsync();
        await using var _ = world.App;
        var id = await world.ScorecardAsync("WG-TIP");
        var client = await world.ApiAsync(World.WgTip);
        var version = (await JsonAsync(await client.GetAsync($"/api/v1/scorecards/{id}/entries/VM-2", Ct))).GetProperty("version").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync($"/api/v1/scorecards/{id}/entries/VM-2", EntryBody(version), Ct)).StatusCode);

        var response = await client.PutAsJsonAsync($"/api/v1/scorecards/{id}/entries/VM-2", new { version = version + 1, completion = "Complete" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await JsonAsync(response)).GetProperty("errors");
        Assert.Equal(["activities", "challenges", "effect", "indicators", "links", "nextSteps", "notApplicableReason", "progress", "supportNeeded", "trajectory"],
            errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Contains("'trajectory' is missing", errors.GetProperty("trajectory")[0].GetString(), StringComparison.Ordinal);
        var stored = await JsonAsync(await client.GetAsync($"/api/v1/scorecards/{id}/entries/VM-2", Ct));
        Assert.Equal("Substantial", stored.GetProperty("completion").GetString());
        Assert.Equal("OnTrack", stored.GetProperty("trajectory").GetString());
        Assert.Equal(version + 1, stored.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task PatchEntry_ChangesWhatItNames_ClearsWhatItSendsAsNull_AndKeepsTheRest()
    {
        var world = await World.StartAsync();
        await using var _ = world.App;
        var id = await world.ScorecardAsync("WG-TIP");
        var client = await world.ApiAsync(World.WgTip);
        var version = (await JsonAsync(await client.GetAsync($"/api/v1/scorecards/{id}/entries/VM-2", Ct))).GetProperty("version").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync($"/api/v1/scorecards/{id}/entries/VM-2", EntryBody(version), Ct)).StatusCode);

        var completed = await JsonAsync(await client.PatchAsync($"/api/v1/scorecards/{id}/entries/VM-2",
            new StringContent($$"""{"version": {{version + 1}}, "completion": "Complete"}""", System.Text.Encoding.UTF8, "application/merge-patch+json"), Ct));
        var cleared = await client.PatchAsJsonAsync($"/api/v1/scorecards/{id}/entries/VM-2", new { version = version + 2, links = (string[]?)null }, Ct);

        Assert.Equal("Complete", completed.GetProperty("completion").GetString());
        Assert.Equal("OnTrack", completed.GetProperty("trajectory").GetString());
        Assert.Equal("Major", completed.GetProperty("effect").GetString());
        Assert.Equal("WG-TIP held its 10th Annual Meeting in Bangkok in November 2024.", completed.GetProperty("progress").GetString());
        Assert.Equal(["https://www.baliprocess.net/"], completed.GetProperty("links").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        var stored = await JsonAsync(await client.GetAsync($"/api/v1/scorecards/{id}/entries/VM-2", Ct));
        Assert.Equal(0, stored.GetProperty("links").GetArrayLength());
        Assert.Equal("Complete", stored.GetProperty("completion").GetString());
        Assert.Equal("WG-TIP held its 10th Annual Meeting in Bangkok in November 2024.", stored.GetProperty("progress").GetString());
    }

    [Theory]
    [InlineData("""{"version": VERSION, "progres": "Typed in a hurry."}""", "progres", "has no field 'progres'")]
    [InlineData("""{"progress": "Sent without a version."}""", "version", "Send the version")]
    public async Task PatchEntry_ThatCouldChangeTheWrongThing_Is400NamingTheField_AndChangesNothing(string body, string field, string message)
    {
        var world = await World.StartAsync();
        await using var _ = world.App;
        var id = await world.ScorecardAsync("WG-TIP");
        var client = await world.ApiAsync(World.WgTip);
        var before = await JsonAsync(await client.GetAsync($"/api/v1/scorecards/{id}/entries/VM-2", Ct));
        var version = before.GetProperty("version").GetInt32();

        var response = await client.PatchAsync($"/api/v1/scorecards/{id}/entries/VM-2",
            new StringContent(body.Replace("VERSION", $"{version}", StringComparison.Ordinal), System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, (await JsonAsync(response)).GetProperty("errors").GetProperty(field)[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(version, (await JsonAsync(await client.GetAsync($"/api/v1/scorecards/{id}/entries/VM-2", Ct))).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task PutEntry_WithBadRating_Returns400NamingTheFieldAndChoices()
    {
        var world = await World.StartAsync();
        await using var _ = world.App;
        var id = await world.ScorecardAsync("WG-TIP");
        var client = await world.ApiAsync(World.WgTip);

        var response = await client.PatchAsJsonAsync($"/api/v1/scorecards/{id}/entries/VM-1", new { version = 1, completion = "Excellent" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await JsonAsync(response);
        Assert.Equal("validation", problem.GetProperty("code").GetString());
        Assert.Contains("Complete, Substantial, Limited", problem.GetProperty("errors").GetProperty("completion")[0].GetString());
    }

    [Fact]
    public async Task PutEntry_WithBrokenJson_Returns400SayingWhere()
    {
        var world = await World.StartAsync();
        await using var _ = world.App;
        var id = await world.ScorecardAsync("WG-TIP");
        var client = await world.ApiAsync(World.WgTip);

        var response = await client.PutAsync($"/api/v1/scorecards/{id}/entries/VM-1",
            new StringContent("{\"version\": \"one\"}", System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await JsonAsync(response);
        Assert.Equal("bad-json", problem.GetProperty("code").GetString());
        Assert.Contains("$.version", problem.GetProperty("detail").GetString());
        var patched = await JsonAsync(await client.PatchAsync($"/api/v1/scorecards/{id}/entries/VM-1",
            new StringContent("{\"version\": 1, \"links\": \"https://www.baliprocess.net/\"}", System.Text.Encoding.UTF8, "application/json"), Ct));
        Assert.Equal("bad-json", patched.GetProperty("code").GetString());
        Assert.Contains("$.links", patched.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task PutEntry_OnAnotherBodysScorecard_Returns403AndChangesNothing()
    {
        var world = await World.StartAsync();
        await using var _ = world.App;
        var id = await world.ScorecardAsync("RSO");
        var client = await world.ApiAsync(World.WgTip);
        var audited = await world.App.WithDbAsync(db => db.AuditEvents.CountAsync(Ct));

        var response = await client.PutAsJsonAsync($"/api/v1/scorecards/{id}/entries/LE-1", EntryBody(1), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("forbidden", (await JsonAsync(response)).GetProperty("code").GetString());
        Assert.Equal(audited, await world.App.WithDbAsync(db => db.AuditEvents.CountAsync(Ct)));
        Assert.Null(await world.App.WithDbAsync(db => db.Entries.Where(e => e.ScorecardId == id).Select(e => e.Progress).FirstAsync(Ct)));
    }

    [Fact]
    public async Task GetScorecard_OfAnotherBodyInDraft_Returns403ForReporterButNotForCoChair()
    {
        var world = await World.StartAsync();
        await using var _ = world.App;
        var id = await world.ScorecardAsync("RSO");

        var reporter = await (await world.ApiAsync(World.WgTip)).GetAsync($"/api/v1/scorecards/{id}", Ct);
        var coChair = await (await world.ApiAsync(World.Australia)).GetAsync($"/api/v1/scorecards/{id}", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, reporter.StatusCode);
        Assert.Equal(HttpStatusCode.OK, coChair.StatusCode);
        Assert.Equal("RSO", (await JsonAsync(coChair)).GetProperty("body").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Submit_WhileItemsMissing_Returns409WithTheChecklist()
    {
        var world = await World.StartAsync();
        await using var _ = world.App;
        var id = await world.ScorecardAsync("WG-TIP");
        await world.Given.RateAllAsync(id);
        var client = await world.ApiAsync(World.WgTip);
        var entry = await JsonAsync(await client.GetAsync($"/api/v1/scorecards/{id}/entries/VM-2", Ct));
        var rated = await client.PatchAsJsonAsync($"/api/v1/scorecards/{id}/entries/VM-2",
            new { version = entry.GetProperty("version").GetInt32(), completion = "Limited", trajectory = (string?)null, progress = (string?)null }, Ct);
        Assert.Equal(HttpStatusCode.OK, rated.StatusCode);

        var response = await client.PostAsync($"/api/v1/scorecards/{id}/submit", null, Ct);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await JsonAsync(response);
        Assert.Equal("scorecard.incomplete", problem.GetProperty("code").GetString());
        Assert.Equal(["VM-2: trajectory is not rated", "VM-2: the progress narrative is empty"],
            problem.GetProperty("details").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(Domain.Scorecards.ScorecardStatus.Draft, await world.StatusAsync(id));
    }

    [Fact]
    public async Task Workflow_SubmitReturnResubmitAndTwoApprovals_EndsApprovedAndLocked()
    {
        var world = await World.StartAsync();
        await using var _ = world.App;
        var id = await world.ScorecardAsync("RSO");
        await world.Given.RateAllAsync(id);
        var reporter = await world.ApiAsync(World.Rso);
        var indonesia = await world.ApiAsync(World.Indonesia);
        var australia = await world.ApiAsync(World.Australia);

        Assert.Equal(HttpStatusCode.OK, (await reporter.PostAsync($"/api/v1/scorecards/{id}/submit", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reporter.PostAsJsonAsync($"/api/v1/scorecards/{id}/approve", new { }, Ct)).StatusCode);
        var noReason = await indonesia.PostAsJsonAsync($"/api/v1/scorecards/{id}/return", new { reason = "" }, Ct);
        Assert.Equal("review.reason-required", (await JsonAsync(noReason)).GetProperty("code").GetString());
        var returned = await JsonAsync(await indonesia.PostAsJsonAsync($"/api/v1/scorecards/{id}/return", new { reason = "Name the Colombo Summit's outcomes." }, Ct));
        Assert.Equal("Returned", returned.GetProperty("status").GetString());
        Assert.Equal("Name the Colombo Summit's outcomes.", returned.GetProperty("reopenReason").GetString());

        var unanswered = await reporter.PostAsync($"/api/v1/scorecards/{id}/submit", null, Ct);
        Assert.Equal("scorecard.reply-required", (await JsonAsync(unanswered)).GetProperty("code").GetString());
        var resubmitted = await JsonAsync(await reporter.PostAsJsonAsync($"/api/v1/scorecards/{id}/submit", new { reply = "Added the Colombo Commitment under LE-2." }, Ct));
        Assert.Equal("Submitted", resubmitted.GetProperty("status").GetString());
        Assert.Equal("Name the Colombo Summit's outcomes.", resubmitted.GetProperty("lastReturn").GetProperty("reason").GetString());
        Assert.Equal("Added the Colombo Commitment under LE-2.", resubmitted.GetProperty("lastReturn").GetProperty("reply").GetString());
        Assert.Equal("ApprovedByOne", (await JsonAsync(await indonesia.PostAsync($"/api/v1/scorecards/{id}/approve", null, Ct))).GetProperty("status").GetString());
        var again = await indonesia.PostAsync($"/api/v1/scorecards/{id}/approve", null, Ct);
        Assert.Equal("approval.already", (await JsonAsync(again)).GetProperty("code").GetString());
        var approved = await JsonAsync(await australia.PostAsync($"/api/v1/scorecards/{id}/approve", null, Ct));

        Assert.Equal("Approved", approved.GetProperty("status").GetString());
        Assert.False(approved.GetProperty("editable").GetBoolean());
        Assert.Equal(2, approved.GetProperty("approvals").GetArrayLength());
        var locked = await reporter.PutAsJsonAsync($"/api/v1/scorecards/{id}/entries/LE-2", EntryBody(approved.GetProperty("entries")[0].GetProperty("version").GetInt32()), Ct);
        Assert.Equal("scorecard.approved", (await JsonAsync(locked)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Audit_IsForAdministratorsOnly_AndFiltersByBody()
    {
        var world = await World.StartAsync();
        await using var _ = world.App;
        var id = await world.ScorecardAsync("RSO");
        await world.Given.RateAllAsync(id);
        Assert.Equal(HttpStatusCode.OK, (await (await world.ApiAsync(World.Rso)).PostAsync($"/api/v1/scorecards/{id}/submit", null, Ct)).StatusCode);

        var denied = await (await world.ApiAsync(World.Indonesia)).GetAsync("/api/v1/audit", Ct);
        var admin = await world.ApiAsync(World.Admin);
        var rso = await JsonAsync(await admin.GetAsync("/api/v1/audit?body=RSO", Ct));
        var wgTip = await JsonAsync(await admin.GetAsync("/api/v1/audit?body=WG-TIP", Ct));

        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        var status = rso.GetProperty("events").EnumerateArray().Single(e => e.GetProperty("field").GetString() == "Status" && e.GetProperty("after").GetString() == "Submitted");
        Assert.Equal("Draft", status.GetProperty("before").GetString());
        Assert.Equal("Submitted", status.GetProperty("after").GetString());
        Assert.Equal(World.Rso, status.GetProperty("userName").GetString());
        Assert.DoesNotContain(wgTip.GetProperty("events").EnumerateArray(), e => e.GetProperty("after").GetString() == "Submitted");
        Assert.Contains(wgTip.GetProperty("events").EnumerateArray(), e => e.GetProperty("subject").GetString()!.StartsWith("WG-TIP", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CreateRound_WithBadDates_Returns400NamingTheField()
    {
        var world = await World.StartAsync();
        await using var _ = world.App;
        var admin = await world.ApiAsync(World.Admin);

        var bad = await admin.PostAsJsonAsync("/api/v1/rounds", new { name = "20th AHG SOM, 2027", periodStart = "2026-05-01", periodEnd = "2027-04-30", opensOn = "2027-03-01", dueOn = "2027-02-01" }, Ct);
        var reporter = await (await world.ApiAsync(World.WgTip)).PostAsJsonAsync("/api/v1/rounds", new { name = "x" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("due date", (await JsonAsync(bad)).GetProperty("errors").GetProperty("dueOn")[0].GetString());
        Assert.Equal(HttpStatusCode.Forbidden, reporter.StatusCode);
        Assert.Equal(1, await world.App.WithDbAsync(db => db.Rounds.CountAsync(Ct)));
    }

    [Fact]
    public async Task OpeningARound_CarriesOverTheLastApprovedEntries()
    {
        var world = await World.StartAsync(lastRound: true);
        await using var _ = world.App;
        var admin = await world.ApiAsync(World.Admin);
        var created = await JsonAsync(await admin.PostAsJsonAsync("/api/v1/rounds",
            new { name = "20th AHG SOM, 2027", periodStart = "2026-12-01", periodEnd = "2027-04-30", opensOn = "2027-03-01", dueOn = "2027-04-15" }, Ct));
        var roundId = created.GetProperty("id").GetInt32();

        var opened = await admin.PostAsync($"/api/v1/rounds/{roundId}/open", null, Ct);
        var cards = await JsonAsync(await admin.GetAsync($"/api/v1/rounds/{roundId}/scorecards", Ct));
        var wgTip = cards.EnumerateArray().Single(c => c.GetProperty("body").GetProperty("code").GetString() == "WG-TIP").GetProperty("id").GetInt32();
        var entry = await JsonAsync(await admin.GetAsync($"/api/v1/scorecards/{wgTip}/entries/VM-1", Ct));

        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal(2, cards.GetArrayLength());
        Assert.True(entry.GetProperty("isCarriedOver").GetBoolean());
        Assert.Equal("Substantial", entry.GetProperty("completion").GetString());
        Assert.Equal(World.LastProgress, entry.GetProperty("progress").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"/api/v1/rounds/{roundId}/open", null, Ct)).StatusCode);
    }

    [Fact]
    public async Task Health_AndOpenApi_AreServedWithoutSigningIn()
    {
        await using var app = await TestApp.StartAsync(demo: false);
        var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready", Ct)).StatusCode);
        var openApi = await JsonAsync(await client.GetAsync("/openapi/v1.json", Ct));
        Assert.True(openApi.GetProperty("paths").TryGetProperty("/api/v1/scorecards/{id}/entries/{objectiveCode}", out _));
    }
}
