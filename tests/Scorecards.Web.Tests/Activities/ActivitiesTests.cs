using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data.Accounts;
using Scorecards.Domain.Activities;
using Scorecards.Web.Tests.Infrastructure;
using static Scorecards.Web.Tests.Infrastructure.HttpJson;

namespace Scorecards.Web.Tests.Activities;

public sealed class ActivitiesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string WgTip = "tip@example.org";
    private const string Gabf = "gabf@example.org";
    private const string Viewer = "viewer@example.org";

    /// <summary>Four bodies, a framework, members and people; each test adds the activities it looks at.</summary>
    private static async Task<TestApp> StartAsync()
    {
        var app = await TestApp.StartAsync(demo: false);
        foreach (var body in new[] { "WG-TIP", "TEG-RR", "RSO", "GABF" })
        {
            await app.Given.BodyAsync(body);
        }

        await app.Given.FrameworkAsync(("VM-1", ["WG-TIP"]), ("SE-4", ["WG-TIP"]), ("IS-3", ["WG-TIP"]), ("LE-3", ["WG-TIP"]));
        foreach (var member in new[] { "Philippines", "Thailand", "Sri Lanka" })
        {
            await app.Given.MemberAsync(member);
        }

        await app.Given.AccountAsync(WgTip, Roles.Reporter, body: "WG-TIP");
        await app.Given.AccountAsync(Gabf, Roles.Reporter, body: "GABF");
        await app.Given.AccountAsync(Viewer, Roles.MemberViewer, member: "Thailand");
        return app;
    }

    private static IEnumerable<string?> Titles(JsonElement page) => page.GetProperty("activities").EnumerateArray().Select(a => a.GetProperty("title").GetString());

    private static object NewActivity(string body = "WG-TIP", string start = "2025-09-10", string end = "2025-09-11") => new
    {
        title = "WG-TIP 11th Annual Meeting",
        kind = "Meeting",
        startDate = start,
        endDate = end,
        city = "Manila",
        member = "Philippines",
        leadBody = body,
        partnerMembers = new[] { "Thailand" },
        objectives = new[] { "VM-1", "SE-4" },
        participants = 80,
        status = "Planned",
    };

    [Fact]
    public async Task Register_FiltersByBodyMemberKindAreaTextAndDates_AndPages()
    {
        var world = await World.StartAsync();
        await using var app = world.App;
        var given = world.Given;
        await given.ActivityAsync("RSO", "RSO annual meeting", DatePrecision.Days, new(2024, 7, 16), new(2024, 7, 18), city: "Hanoi", member: "Viet Nam", objectives: ["LE-1"]);
        await given.ActivityAsync("WG-TIP", "WG-TIP Colombo Summit", DatePrecision.Days, new(2024, 6, 13), new(2024, 6, 14), city: "Colombo", kind: ActivityKind.Summit);
        await given.ActivityAsync("WG-TIP", "WG-TIP webinar on online scams", DatePrecision.Day, new(2025, 5, 27), objectives: ["VM-1"]);
        await given.ActivityAsync("WG-TIP", "WG-TIP 2025 annual events", DatePrecision.Year, new(2025, 1, 1), status: ActivityStatus.Planned, objectives: ["VM-2"]);
        await given.ActivityAsync("RSO", "RSO workshop on OSINT", DatePrecision.Month, new(2025, 5, 1), status: ActivityStatus.Planned, objectives: ["LE-2"]);
        await given.ActivityAsync("RSO", "RSO roundtable on forced labour", DatePrecision.Day, new(2025, 6, 10), city: "Hanoi", objectives: ["LE-2"]);
        var client = await world.ApiAsync(World.Viewer);

        var all = await JsonAsync(await client.GetAsync("/api/v1/activities?pageSize=4", Ct));
        var hanoi = await JsonAsync(await client.GetAsync("/api/v1/activities?body=RSO&member=Viet%20Nam", Ct));
        var summit = await JsonAsync(await client.GetAsync("/api/v1/activities?kind=summit", Ct));
        var vm = await JsonAsync(await client.GetAsync("/api/v1/activities?area=VM&from=2025-01-01", Ct));
        var text = await JsonAsync(await client.GetAsync("/api/v1/activities?q=colombo", Ct));
        var range = await JsonAsync(await client.GetAsync("/api/v1/activities?from=2025-05-27&to=2025-05-27", Ct));
        var page2 = await JsonAsync(await client.GetAsync("/api/v1/activities?pageSize=4&page=2", Ct));

        Assert.Equal(6, all.GetProperty("total").GetInt32());
        Assert.Equal(4, all.GetProperty("activities").GetArrayLength());
        Assert.Equal(2, page2.GetProperty("activities").GetArrayLength());
        Assert.Empty(Titles(page2).Intersect(Titles(all)));
        var meeting = Assert.Single(hanoi.GetProperty("activities").EnumerateArray());
        Assert.Equal("2024-07-16", meeting.GetProperty("startDate").GetString());
        Assert.Equal("2024-07-18", meeting.GetProperty("endDate").GetString());
        Assert.Equal("Hanoi", meeting.GetProperty("city").GetString());
        Assert.Equal("16–18 July 2024", meeting.GetProperty("dates").GetString());
        Assert.Equal(["WG-TIP Colombo Summit"], Titles(summit));
        Assert.Equal(["WG-TIP 2025 annual events", "WG-TIP webinar on online scams"], Titles(vm).Order(StringComparer.Ordinal));
        Assert.Equal(["WG-TIP Colombo Summit"], Titles(text));
        // Dated on the 27th, or known only to fall in its month or year.
        Assert.Equal(["RSO workshop on OSINT", "WG-TIP 2025 annual events", "WG-TIP webinar on online scams"], Titles(range).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/activities?kind=party", Ct)).StatusCode);
    }

    [Fact]
    public async Task Create_ByOwnBodysReporter_Saves_AndAnotherBodys_IsForbidden()
    {
        await using var app = await StartAsync();
        var reporter = await app.ApiClientAsync(WgTip);

        var created = await reporter.PostAsJsonAsync("/api/v1/activities", NewActivity(), Ct);
        var forbidden = await reporter.PostAsJsonAsync("/api/v1/activities", NewActivity(body: "RSO"), Ct);
        var viewer = await (await app.ApiClientAsync(Viewer)).PostAsJsonAsync("/api/v1/activities", NewActivity(), Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await JsonAsync(created);
        Assert.Equal(["SE", "VM"], body.GetProperty("focusAreas").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(["Thailand"], body.GetProperty("partnerMembers").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, viewer.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.EntityType == "Activity" && a.Action == "Created" && a.UserName == WgTip, Ct)));
    }

    [Fact]
    public async Task Create_WithBadInput_NamesEveryField()
    {
        await using var app = await StartAsync();
        var reporter = await app.ApiClientAsync(WgTip);

        var response = await reporter.PostAsJsonAsync("/api/v1/activities", new
        {
            title = "",
            kind = "party",
            startDate = "2025-09-10",
            endDate = "2025-09-01",
            leadBody = "WG-TIP",
            member = "Atlantis",
            objectives = new[] { "ZZ-1" },
        }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await JsonAsync(response)).GetProperty("errors");
        Assert.Contains("'party' is not a kind of activity", errors.GetProperty("kind")[0].GetString());
        Assert.Equal("'Atlantis' is not a member; use the name as the member list spells it.", errors.GetProperty("member")[0].GetString());
        Assert.Equal("'ZZ-1' is not an objective.", errors.GetProperty("objectives")[0].GetString());
        Assert.Equal("The activity ends (2025-09-01) before it starts (2025-09-10).", errors.GetProperty("endDate")[0].GetString());
        Assert.True(errors.TryGetProperty("title", out _));
    }

    [Fact]
    public async Task Archive_TakesItOutOfTheRegisterWithoutDeleting_AndRestoreBringsItBack()
    {
        await using var app = await StartAsync();
        var id = await app.Given.ActivityAsync("GABF", "GABF Sri Lanka Summit", DatePrecision.Day, new DateOnly(2025, 9, 3), city: "Colombo");
        await app.Given.ActivityAsync("WG-TIP", "WG-TIP summit side event", DatePrecision.Day, new DateOnly(2025, 9, 4));
        var reporter = await app.ApiClientAsync(Gabf);

        var otherBody = await (await app.ApiClientAsync(WgTip)).PostAsync($"/api/v1/activities/{id}/archive", null, Ct);
        var archived = await JsonAsync(await reporter.PostAsync($"/api/v1/activities/{id}/archive", null, Ct));
        var register = await JsonAsync(await reporter.GetAsync("/api/v1/activities?q=summit", Ct));
        var archive = await JsonAsync(await reporter.GetAsync("/api/v1/activities?q=summit&archived=true", Ct));
        var restored = await JsonAsync(await reporter.PostAsync($"/api/v1/activities/{id}/restore", null, Ct));

        Assert.Equal(HttpStatusCode.Forbidden, otherBody.StatusCode);
        Assert.True(archived.GetProperty("isArchived").GetBoolean());
        Assert.Equal(["WG-TIP summit side event"], Titles(register));
        Assert.Equal(["GABF Sri Lanka Summit"], Titles(archive));
        Assert.False(restored.GetProperty("isArchived").GetBoolean());
    }

    [Fact]
    public async Task Pages_ListFilterAddAndEdit()
    {
        await using var app = await StartAsync();
        await app.Given.ActivityAsync("TEG-RR", "TEG-RR 7th Annual Meeting", DatePrecision.Day, new DateOnly(2024, 11, 5));
        await app.Given.ActivityAsync("GABF", "GABF Sri Lanka Summit", DatePrecision.Day, new DateOnly(2025, 9, 3));
        var reporter = await app.SignInAsync(WgTip, Given.Password);
        var viewer = await app.SignInAsync(Viewer, Given.Password);

        var list = await reporter.GetStringAsync("/activities?body=TEG-RR", Ct);
        var bad = await TestApp.PostFormAsync(reporter, "/activities/new", new Dictionary<string, string>
        {
            ["Form.Title"] = "WG-TIP webinar",
            ["Form.Kind"] = "Workshop",
            ["Form.StartDate"] = "2025-10-02",
            ["Form.EndDate"] = "2025-10-01",
            ["Form.LeadBody"] = "WG-TIP",
            ["Form.Status"] = "Planned",
        });
        var added = await TestApp.PostFormAsync(reporter, "/activities/new", new Dictionary<string, string>
        {
            ["Form.Title"] = "WG-TIP webinar",
            ["Form.Kind"] = "Workshop",
            ["Form.StartDate"] = "2025-10-01",
            ["Form.EndDate"] = "2025-10-01",
            ["Form.LeadBody"] = "WG-TIP",
            ["Form.Status"] = "Planned",
            ["Form.Objectives"] = "IS-3, LE-3",
        });
        var page = await reporter.GetStringAsync(added.Headers.Location!.ToString(), Ct);
        var viewerPage = await viewer.GetStringAsync(added.Headers.Location!.ToString(), Ct);
        var viewerNew = await viewer.GetStringAsync("/activities/new", Ct);

        Assert.Contains("TEG-RR 7th Annual Meeting", list);
        Assert.DoesNotContain("GABF Sri Lanka Summit", list);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("The activity ends (2025-10-01) before it starts (2025-10-02).", await bad.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Contains("IS-3, LE-3", page);
        Assert.Contains("Save activity", page);
        Assert.DoesNotContain("Save activity", viewerPage);
        Assert.Contains("Only WG-TIP's reporters and administrators can change this activity.", viewerPage);
        Assert.Contains("Only reporters (for their own body) and administrators add activities.", viewerNew);
    }
}

public sealed class EvidenceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Entry_CitesItsOwnBodysActivityOfThePeriod_NotAnotherBodys_AndTheRoundPageShowsIt()
    {
        var world = await World.StartAsync();
        await using var app = world.App;
        var id = await world.ScorecardAsync("WG-TIP");
        var events = await world.Given.ActivityAsync("WG-TIP", "WG-TIP 2025 annual events", DatePrecision.Year, new(2025, 1, 1), objectives: ["VM-1"]);
        var rsoWorkshop = await world.Given.ActivityAsync("RSO", "Interregional Technical Workshop on online investigations and OSINT", DatePrecision.Days,
            new(2025, 5, 27), new(2025, 5, 30), city: "Chiang Saen");
        var summit = await world.Given.ActivityAsync("WG-TIP", "WG-TIP Colombo Summit", DatePrecision.Days, new(2024, 6, 13), new(2024, 6, 14), city: "Colombo");
        var reporter = await world.ApiAsync(World.WgTip);
        var entry = await JsonAsync(await reporter.GetAsync($"/api/v1/scorecards/{id}/entries/VM-1", Ct));
        object Body(params int[] activities) => new
        {
            version = entry.GetProperty("version").GetInt32(),
            completion = "Substantial",
            trajectory = "On track",
            progress = "WG-TIP shared information, trends and good practice on AI in counter-trafficking through 2025.",
            activities,
        };

        var outside = await reporter.PatchAsJsonAsync($"/api/v1/scorecards/{id}/entries/VM-1", Body(summit), Ct);
        var anotherBodys = await reporter.PatchAsJsonAsync($"/api/v1/scorecards/{id}/entries/VM-1", Body(rsoWorkshop), Ct);
        var saved = await reporter.PatchAsJsonAsync($"/api/v1/scorecards/{id}/entries/VM-1", Body(events), Ct);
        var page = await (await world.SignInAsync(World.Indonesia)).GetStringAsync($"/rounds/{world.Round.Id}?area=VM&body=WG-TIP", Ct);
        var form = await (await world.SignInAsync(World.WgTip)).GetStringAsync($"/scorecards/{id}/entries/VM-1", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.Contains("'WG-TIP Colombo Summit' (13–14 June 2024) is outside the round's period (21 May 2025 to 20 May 2026)",
            string.Join(" ", (await JsonAsync(outside)).GetProperty("errors").GetProperty("activityIds").EnumerateArray().Select(e => e.GetString())));
        Assert.Equal(HttpStatusCode.BadRequest, anotherBodys.StatusCode);
        Assert.Equal("'Interregional Technical Workshop on online investigations and OSINT' is led by another body; a scorecard cites its own body's activities. "
            + "Joint work is on the register of the body that led it.", (await JsonAsync(anotherBodys)).GetProperty("errors").GetProperty("activityIds")[0].GetString());
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("WG-TIP 2025 annual events", (await JsonAsync(saved)).GetProperty("activities")[0].GetProperty("title").GetString());
        Assert.Contains("<strong>Evidence:</strong> WG-TIP 2025 annual events", page);
        Assert.Contains($"name=\"Form.ActivityIds\" value=\"{events}\"", form);
        Assert.DoesNotContain($"name=\"Form.ActivityIds\" value=\"{rsoWorkshop}\"", form);
    }

    [Fact]
    public async Task PublishedRound_ShowsTheEvidenceItsEntriesCite_AndGapsListObjectivesWithoutActivity()
    {
        var world = await World.StartAsync();
        await using var app = world.App;
        var given = world.Given;
        var meeting = await given.ActivityAsync("RSO", "RSO annual meeting", DatePrecision.Days, new(2025, 7, 16), new(2025, 7, 18),
            city: "Hanoi", member: "Viet Nam", objectives: ["LE-1"]);
        var rso = await world.ScorecardAsync("RSO");
        await given.RateAllAsync(rso);
        await given.RateAsync(rso, "LE-1", Domain.Scorecards.Completion.Complete, "Met in Hanoi.", evidence: [meeting]);
        await given.ApproveAsync(rso);
        await given.PublishAsync(world.Round.Id);

        var html = await app.CreateClient().GetStringAsync($"/public/rounds/{world.Round.Id}?area=LE&body=RSO", Ct);
        var summary = await JsonAsync(await app.CreateClient().GetAsync($"/api/v1/public/rounds/{world.Round.Id}/summary", Ct));

        Assert.Contains("<strong>Evidence:</strong> RSO annual meeting (16–18 July 2025, Hanoi)", html);
        var withoutActivity = summary.GetProperty("gaps").GetProperty("objectivesWithoutActivity").EnumerateArray().Select(x => x.GetString()).ToList();
        Assert.Contains("LE-2", withoutActivity);
        Assert.DoesNotContain("LE-1", withoutActivity);
    }
}
