using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Web.Features.Notices;
using Scorecards.Web.Tests.Infrastructure;
using Scorecards.Web.Tests.Scorecards;

namespace Scorecards.Web.Tests.Operations;

/// <summary>
/// Two servers on one PostgreSQL database, as two instances behind a proxy are: whichever gets a request, it answers as
/// the other would. One database for all of it, so the suite stays quick.
/// </summary>
public sealed class SeveralInstancesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TwoServersOnOnePostgres_ShareSignIns_Conflicts_Imports_Caches_AndScheduledWork()
    {
        var world = await World.StartAsync(provider: DatabaseProvider.Postgres);
        await using var first = world.App;
        await using var second = await first.AnotherServerAsync();
        var wgTip = await world.ScorecardAsync("WG-TIP");

        // A cookie issued by one is a sign-in on the other, anti-forgery tokens included.
        var browser = await first.SignInAsync(World.WgTip);
        var sameBrowserOnSecond = second.CreateClient(sameBrowserAs: browser);
        var scorecard = await sameBrowserOnSecond.GetAsync($"/scorecards/{wgTip}", Ct);
        Assert.Equal(HttpStatusCode.OK, scorecard.StatusCode);
        Assert.Contains("Submit", await scorecard.Content.ReadAsStringAsync(Ct)); // the reporter's own scorecard, to edit
        Assert.Equal(HttpStatusCode.Redirect, (await second.CreateClient().GetAsync($"/scorecards/{wgTip}", Ct)).StatusCode);

        // An edit saved on one is a conflict on the other, not an overwrite.
        var onFirst = await first.ApiClientAsync(World.WgTip);
        var onSecond = await second.ApiClientAsync(World.WgTip);
        var version = (await onSecond.GetFromJsonAsync<JsonElement>($"/api/v1/scorecards/{wgTip}/entries/VM-2", Ct)).GetProperty("version").GetInt32();
        var saved = await onFirst.PutAsJsonAsync($"/api/v1/scorecards/{wgTip}/entries/VM-2", ScorecardsApiTests.EntryBody(version, "Saved on the first server."), Ct);
        var conflict = await onSecond.PutAsJsonAsync($"/api/v1/scorecards/{wgTip}/entries/VM-2", ScorecardsApiTests.EntryBody(version, "Saved on the second server."), Ct);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal("entry.conflict", (await conflict.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString());

        // ... and what one kept of the round follows the save on the other at once.
        var summaryOnSecond = await onSecond.GetStringAsync($"/api/v1/rounds/{world.Round.Id}/summary", Ct);
        Assert.Contains("Saved on the first server.", summaryOnSecond);
        var secondSave = await onSecond.PutAsJsonAsync($"/api/v1/scorecards/{wgTip}/entries/VM-2", ScorecardsApiTests.EntryBody(version + 1, "Then saved on the second."), Ct);
        Assert.Equal(HttpStatusCode.OK, secondSave.StatusCode);
        Assert.Contains("Then saved on the second.", await onFirst.GetStringAsync($"/api/v1/rounds/{world.Round.Id}/summary", Ct));

        // An import previewed on one is applied on the other.
        var csv = "Title,Kind,Start date,End date,City,Member,Lead body,Objectives,Participants,Status\r\n"
            + "Regional workshop on victim identification,Meeting,2025-09-10,2025-09-11,Hanoi,Viet Nam,WG-TIP,VM-2,40,planned\r\n";
        var preview = await (await TestApp.PostFileAsync(browser, "/activities/import/upload", "/activities/import", "plan.csv", System.Text.Encoding.UTF8.GetBytes(csv)))
            .Content.ReadAsStringAsync(Ct);
        var upload = System.Text.RegularExpressions.Regex.Match(preview, "name=\"upload\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(upload);
        var applied = await TestApp.PostFormAsync(sameBrowserOnSecond, "/activities/import/apply", new Dictionary<string, string> { ["upload"] = upload }, "/activities/import");
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        Assert.Equal(1, await first.WithDbAsync(db => db.Activities.CountAsync(a => a.Title == "Regional workshop on victim identification", Ct)));

        // Scheduled work runs on one server at a time, under the lease: both working out the schedule at once write each
        // reminder once.
        ((Microsoft.Extensions.Time.Testing.FakeTimeProvider)first.Services.GetService(typeof(TimeProvider))!)
            .SetUtcNow(new DateTime(2026, 3, 31, 18, 0, 0, DateTimeKind.Utc));
        var ran = await Task.WhenAll(
            first.Given.WithAsync<NoticeScheduler, bool>(s => s.RunAsync(Ct)),
            second.Given.WithAsync<NoticeScheduler, bool>(s => s.RunAsync(Ct)));
        var reminders = await first.WithDbAsync(db => db.Notices.Where(n => n.Key != null).Select(n => n.Key).ToListAsync(Ct));
        Assert.Contains(true, ran);
        Assert.NotEmpty(reminders);
        Assert.Equal(reminders.Count, reminders.Distinct().Count());
    }
}
