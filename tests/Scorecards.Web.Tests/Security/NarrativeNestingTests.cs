using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Scorecards.Web.Tests.Infrastructure;
using static Scorecards.Web.Tests.Infrastructure.HttpJson;

namespace Scorecards.Web.Tests.Security;

/// <summary>
/// Narratives within the length limit but nested thousands deep: refused when saved, and when one is already stored
/// (written before the check existed), every page and paper that shows it still answers, showing it as plain text.
/// </summary>
public sealed class NarrativeNestingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> DeepNarratives => new()
    {
        { "quotes", new string('>', 7_990) + " x" },
        { "bullets", string.Concat(Enumerable.Repeat("- ", 3_995)) + "x" },
        { "numbers", string.Concat(Enumerable.Repeat("1. ", 2_660)) + "x" },
        { "emphasis", new string('*', 3_995) + "x" + new string('*', 3_995) },
    };

    private static async Task<(TestApp App, int Round, int Scorecard)> StartAsync()
    {
        var app = await TestApp.StartAsync(demo: false);
        await app.Given.BodyAsync("WG-TIP");
        await app.Given.FrameworkAsync(("LE-1", ["WG-TIP"]));
        var round = await app.Given.RoundAsync("2026 round", new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30), new DateOnly(2026, 7, 1), new DateOnly(2026, 8, 31));
        await app.Given.AccountAsync("reporter@example.org", "Reporter", body: "WG-TIP");
        await app.Given.AccountAsync("admin@example.org", "Administrator");
        return (app, round.Id, await app.Given.ScorecardIdAsync(round.Id, "WG-TIP"));
    }

    [Theory]
    [MemberData(nameof(DeepNarratives))]
    public async Task Saving_ADeeplyNestedNarrative_IsRefusedWithAFieldError(string what, string narrative)
    {
        var (app, _, scorecard) = await StartAsync();
        await using var _app = app;
        var reporter = await app.ApiClientAsync("reporter@example.org");
        var version = await app.WithDbAsync(db => db.Entries.Select(e => e.Version).SingleAsync(Ct));

        var response = await reporter.PatchAsJsonAsync($"/api/v1/scorecards/{scorecard}/entries/LE-1",
            new { version, completion = "Substantial", trajectory = "On track", progress = narrative }, Ct);
        var problem = await JsonAsync(response);

        Assert.True(narrative.Length <= 8_000, what);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("The text nests quotes, lists or emphasis more than 16 levels deep",
            problem.GetProperty("errors").GetProperty("progress")[0].GetString());
        Assert.Null(await app.WithDbAsync(db => db.Entries.Select(e => e.Progress).SingleAsync(Ct)));
    }

    [Theory]
    [MemberData(nameof(DeepNarratives))]
    public async Task AStoredDeeplyNestedNarrative_IsShownAsPlainText_OnEveryPageAndPaper(string what, string narrative)
    {
        var (app, round, scorecard) = await StartAsync();
        await using var _app = app;
        await app.WithDbAsync(async db =>
        {
            var entry = await db.Entries.SingleAsync(Ct);
            db.Entry(entry).Property(e => e.Progress).CurrentValue = narrative + " (stored)";
            return await db.SaveChangesAsync(Ct);
        });
        var reporter = await app.SignInAsync("reporter@example.org", Given.Password);
        var admin = await app.ApiClientAsync("admin@example.org");

        foreach (var path in new[] { $"/scorecards/{scorecard}", $"/scorecards/{scorecard}/entries/LE-1", $"/rounds/{round}" })
        {
            var response = await reporter.GetAsync(path, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{what}: {path} answered {response.StatusCode}");
            // The round page shows narratives once approved; this one is a draft.
            Assert.True(path.StartsWith("/rounds", StringComparison.Ordinal) || (await response.Content.ReadAsStringAsync(Ct)).Contains("(stored)", StringComparison.Ordinal),
                $"{what}: {path} does not show the narrative");
        }

        foreach (var format in new[] { "docx", "pdf", "xlsx", "csv" })
        {
            var response = await admin.GetAsync($"/api/v1/rounds/{round}/export?format={format}&include=all", Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{what}: {format} answered {response.StatusCode}");
        }
    }
}
