using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Scorecards.Data.Accounts;
using Scorecards.Web.Tests.Infrastructure;
using static Scorecards.Web.Tests.Infrastructure.HttpJson;

namespace Scorecards.Web.Tests.Scorecards;

public sealed class RemainingApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task UnknownScorecardAndUnknownAddress_Return404ProblemsWithCode()
    {
        var world = await World.StartAsync();
        await using var app = world.App;
        var client = await world.ApiAsync(World.Admin);
        var rso = await world.ScorecardAsync("RSO");

        var scorecard = await client.GetAsync("/api/v1/scorecards/99999", Ct);
        var entry = await client.GetAsync($"/api/v1/scorecards/{rso}/entries/ZZ-9", Ct);
        var address = await client.GetAsync("/api/v1/nothing-here", Ct);
        var round = await client.GetAsync("/api/v1/rounds/99999", Ct);

        foreach (var response in new[] { scorecard, entry, address, round })
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("not-found", (await JsonAsync(response)).GetProperty("code").GetString());
        }

        Assert.Equal($"Objective 'ZZ-9' on scorecard {rso} was not found.", (await JsonAsync(await client.GetAsync($"/api/v1/scorecards/{rso}/entries/ZZ-9", Ct))).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Unapprove_ByCoChair_ReopensWithTheReason_AndReporterCanEditAgain()
    {
        var world = await World.StartAsync();
        await using var app = world.App;
        var id = await world.ScorecardAsync("RSO");
        await world.Given.RateAllAsync(id);
        await world.Given.SubmitAsync(id);
        var australia = await world.ApiAsync(World.Australia);
        var indonesia = await world.ApiAsync(World.Indonesia);
        var reporter = await world.ApiAsync(World.Rso);

        var approved = await JsonAsync(await australia.PostAsync($"/api/v1/scorecards/{id}/approve", null, Ct));
        var unapproved = await JsonAsync(await indonesia.PostAsJsonAsync($"/api/v1/scorecards/{id}/unapprove", new { reason = "The OSINT figures double-count Chiang Saen." }, Ct));
        var entry = await JsonAsync(await reporter.GetAsync($"/api/v1/scorecards/{id}/entries/LE-2", Ct));
        var saved = await reporter.PatchAsJsonAsync($"/api/v1/scorecards/{id}/entries/LE-2", new
        {
            version = entry.GetProperty("version").GetInt32(),
            completion = "Substantial",
            trajectory = "OnTrack",
            progress = "The RSO trained 60 officials in Chiang Saen.",
            indicators = new[] { new { code = "LE-2.1", actual = 60 } },
        }, Ct);

        Assert.Equal("ApprovedByOne", approved.GetProperty("status").GetString());
        Assert.Equal("Draft", unapproved.GetProperty("status").GetString());
        Assert.Equal("The OSINT figures double-count Chiang Saen.", unapproved.GetProperty("reopenReason").GetString());
        Assert.Equal(0, unapproved.GetProperty("approvals").GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(60m, (await JsonAsync(saved)).GetProperty("indicators")[0].GetProperty("actual").GetDecimal());
    }

    [Fact]
    public async Task RoundReviewAndReopen_CloseAndReopenReporting()
    {
        await using var app = await TestApp.StartAsync(demo: false, clock: new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero)));
        await app.Given.BodyAsync("GABF");
        await app.Given.FrameworkAsync(("SE-2", ["GABF"]));
        await app.Given.AccountAsync("admin@example.org", Roles.Administrator);
        await app.Given.AccountAsync("gabf@example.org", Roles.Reporter, body: "GABF");
        var open = (await app.Given.RoundAsync("19th AHG SOM, 2026", new(2025, 5, 21), new(2026, 5, 20), new(2026, 2, 1), new(2026, 4, 1))).Id;
        var gabf = await app.Given.ScorecardIdAsync(open, "GABF");
        await app.Given.RateAllAsync(gabf);
        var admin = await app.ApiClientAsync("admin@example.org");
        var reporter = await app.ApiClientAsync("gabf@example.org");

        var review = await admin.PostAsync($"/api/v1/rounds/{open}/review", null, Ct);
        var refused = await reporter.PostAsync($"/api/v1/scorecards/{gabf}/submit", null, Ct);
        var reopened = await admin.PostAsync($"/api/v1/rounds/{open}/reopen", null, Ct);
        var submitted = await reporter.PostAsync($"/api/v1/scorecards/{gabf}/submit", null, Ct);

        Assert.Equal("InReview", (await JsonAsync(review)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("round.closed", (await JsonAsync(refused)).GetProperty("code").GetString());
        Assert.Equal("Open", (await JsonAsync(reopened)).GetProperty("status").GetString());
        Assert.Equal("Submitted", (await JsonAsync(submitted)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task FrameworkPut_ValidatesTheWholeFileFirst_ThenApplies()
    {
        await using var app = await TestApp.StartAsync(demo: false);
        await app.Given.BodyAsync("D-WG");
        await app.Given.BodyAsync("WG-TIP");
        await app.Given.FrameworkAsync(("LE-1", ["D-WG"]), ("LE-2", ["D-WG"]), ("CS-1", ["WG-TIP"]));
        await app.Given.AccountAsync("admin@example.org", Roles.Administrator);
        await app.Given.AccountAsync("tip@example.org", Roles.Reporter, body: "WG-TIP");
        var admin = await app.ApiClientAsync("admin@example.org");
        var broken = "strategy: {code: ASC-2023, name: Adelaide}\nfocusAreas:\n  - code: LE\n    name: Law enforcement\n    objectives:\n      - {code: LE-1, title: T, bodies: [NOPE]}\n";
        var good = "strategy: {code: ASC-2023, name: 2023 Adelaide Strategy for Cooperation}\nfocusAreas:\n  - code: LE\n    name: Law enforcement\n    objectives:\n      - {code: LE-1, title: Disrupt networks, bodies: [D-WG]}\n";

        var refused = await admin.PutAsync("/api/v1/framework", new StringContent(broken), Ct);
        var reporter = await (await app.ApiClientAsync("tip@example.org")).PutAsync("/api/v1/framework", new StringContent(good), Ct);
        var applied = await admin.PutAsync("/api/v1/framework", new StringContent(good), Ct);
        var framework = await JsonAsync(await admin.GetAsync("/api/v1/framework", Ct));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await JsonAsync(refused);
        Assert.Equal("framework.invalid", problem.GetProperty("code").GetString());
        Assert.StartsWith("line 6, focusAreas[0].objectives[0].bodies: 'NOPE'", problem.GetProperty("errors")[0].GetString());
        Assert.Equal(HttpStatusCode.Forbidden, reporter.StatusCode);
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        // LE-2, CS-1 and the focus area CS are retired, never deleted.
        var summary = await JsonAsync(applied);
        Assert.Equal((2, 1), (summary.GetProperty("objectives").GetProperty("retired").GetInt32(), summary.GetProperty("focusAreas").GetProperty("retired").GetInt32()));
        Assert.Equal(3, await app.WithDbAsync(db => db.Objectives.CountAsync(Ct)));
        var area = Assert.Single(framework.GetProperty("focusAreas").EnumerateArray());
        Assert.Equal(("LE", "Disrupt networks"), (area.GetProperty("code").GetString(), area.GetProperty("objectives")[0].GetProperty("title").GetString()));
    }
}
