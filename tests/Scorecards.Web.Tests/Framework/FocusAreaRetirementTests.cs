using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Scorecards.Data.Accounts;
using Scorecards.Web.Tests.Infrastructure;
using static Scorecards.Web.Tests.Infrastructure.HttpJson;

namespace Scorecards.Web.Tests.Framework;

/// <summary>A focus area dropped from the framework file is retired like an objective: kept where it was reported on, gone from open rounds.</summary>
public sealed class FocusAreaRetirementTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string TwoAreas = """
        strategy: {code: ASC-2023, name: 2023 Adelaide Strategy for Cooperation}
        focusAreas:
          - code: LE
            name: Law enforcement
            objectives:
              - {code: LE-1, title: Disrupt networks, bodies: [D-WG]}
          - code: CS
            name: Coordination and support
            objectives:
              - {code: CS-1, title: Report progress, bodies: [D-WG]}
        """;

    [Fact]
    public async Task DroppedFocusArea_StaysInThePublishedRound_AndLeavesTheOpenOneAndTheFramework()
    {
        await using var app = await TestApp.StartAsync(demo: false, clock: new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero)));
        var given = app.Given;
        await given.CoChairGovernmentsAsync("Indonesia");
        await given.BodyAsync("D-WG");
        await given.FrameworkYamlAsync(TwoAreas);
        await given.AccountAsync("admin@example.org", Roles.Administrator);
        var governments = await app.WithDbAsync(db => db.Members.Where(m => m.Name == "Indonesia").Select(m => m.Id).SingleAsync(Ct));
        var past = await given.RoundAsync("18th AHG SOM, 2025", new(2024, 5, 4), new(2025, 5, 21), new(2025, 3, 1), new(2025, 5, 9));
        var card = await given.ScorecardIdAsync(past.Id, "D-WG");
        await given.RateAllAsync(card);
        await given.ActAsync(card, "r", async (s, l, u) => Assert.True((await s.SubmitAsync(l, null, u, Ct)).Succeeded));
        await given.ActAsync(card, "id", async (s, l, u) => Assert.True((await s.ApproveAsync(l, u, Ct)).Succeeded), governments);
        await app.WithDbAsync(async db =>
        {
            var round = await db.Rounds.SingleAsync(r => r.Id == past.Id, Ct);
            round.StartReview();
            round.Publish(new DateTime(2025, 5, 21, 4, 0, 0, DateTimeKind.Utc));
            return await db.SaveChangesAsync(Ct);
        });

        await given.FrameworkYamlAsync(TwoAreas[..TwoAreas.IndexOf("  - code: CS", StringComparison.Ordinal)]);
        var open = await given.RoundAsync("19th AHG SOM, 2026", new(2025, 5, 22), new(2026, 5, 20), new(2026, 2, 1), new(2026, 4, 1));
        var api = await app.ApiClientAsync("admin@example.org");

        var published = await JsonAsync(await api.GetAsync($"/api/v1/rounds/{past.Id}/summary", Ct));
        var now = await JsonAsync(await api.GetAsync($"/api/v1/rounds/{open.Id}/summary", Ct));
        var framework = await JsonAsync(await api.GetAsync("/api/v1/framework", Ct));
        var adminPage = await (await app.SignInAsync("admin@example.org", Given.Password)).GetStringAsync("/admin/framework", Ct);

        Assert.Equal(["LE", "CS"], published.GetProperty("focusAreas").EnumerateArray().Select(a => a.GetProperty("code").GetString()));
        Assert.Equal(["LE"], now.GetProperty("focusAreas").EnumerateArray().Select(a => a.GetProperty("code").GetString()));
        Assert.Equal(["LE"], framework.GetProperty("focusAreas").EnumerateArray().Select(a => a.GetProperty("code").GetString()));
        Assert.Contains("CS · Coordination and support <span class=\"badge\">retired</span>", System.Text.RegularExpressions.Regex.Replace(adminPage, @"\s+", " "));
        var openCard = await given.ScorecardIdAsync(open.Id, "D-WG");
        Assert.Equal(["LE-1"], (await JsonAsync(await api.GetAsync($"/api/v1/scorecards/{openCard}", Ct))).GetProperty("entries").EnumerateArray()
            .Select(e => e.GetProperty("objectiveCode").GetString()));

        // Bringing the area back in a later file makes it current again.
        await given.FrameworkYamlAsync(TwoAreas);
        Assert.False(await app.WithDbAsync(db => db.FocusAreas.Where(f => f.Code == "CS").Select(f => f.IsRetired).SingleAsync(Ct)));
    }
}
