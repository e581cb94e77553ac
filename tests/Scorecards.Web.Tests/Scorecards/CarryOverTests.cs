using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Scorecards.Data.Accounts;
using Scorecards.Domain.Rounds;
using Scorecards.Web.Tests.Infrastructure;
using static Scorecards.Web.Tests.Infrastructure.HttpJson;

namespace Scorecards.Web.Tests.Scorecards;

/// <summary>Entries carried over from the last approved round are reviewed, entry by entry, before a scorecard goes to the Co-Chairs.</summary>
public sealed class CarryOverTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Reporter = "reporter@example.org";
    private const string Indonesia = "reviewer.id@example.org";

    /// <summary>A body whose scorecard was approved last round; the new round has opened with its entries carried over.</summary>
    private static async Task<(TestApp App, int Scorecard)> CarriedOverAsync()
    {
        var app = await TestApp.StartAsync(demo: false, clock: new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero)));
        var given = app.Given;
        await given.CoChairGovernmentsAsync("Indonesia", "Australia");
        await given.BodyAsync("D-WG");
        await given.FrameworkAsync(("LE-1", ["D-WG"]), ("LE-2", ["D-WG"]));
        await given.AccountAsync(Reporter, Roles.Reporter, body: "D-WG");
        await given.AccountAsync(Indonesia, Roles.CoChair, member: "Indonesia");
        var last = await given.RoundAsync("18th AHG SOM, 2025", new(2024, 5, 4), new(2025, 5, 20), new(2025, 3, 1), new(2025, 5, 1));
        var lastCard = await given.ScorecardIdAsync(last.Id, "D-WG");
        await given.RateAllAsync(lastCard, progress: "Held the annual meeting in Hanoi.");
        var governments = await app.WithDbAsync(db => db.Members.ToDictionaryAsync(m => m.Name, m => m.Id, Ct));
        await given.ActAsync(lastCard, "reporter", async (s, l, u) => Assert.True((await s.SubmitAsync(l, null, u, Ct)).Succeeded));
        await given.ActAsync(lastCard, "id", async (s, l, u) => Assert.True((await s.ApproveAsync(l, u, Ct)).Succeeded), governments["Indonesia"]);
        await given.ActAsync(lastCard, "au", async (s, l, u) => Assert.True((await s.ApproveAsync(l, u, Ct)).Succeeded), governments["Australia"]);
        var current = await given.RoundAsync("19th AHG SOM, 2026", new(2025, 5, 21), new(2026, 5, 20), new(2026, 2, 1), new(2026, 4, 1));
        return (app, await given.ScorecardIdAsync(current.Id, "D-WG"));
    }

    [Fact]
    public async Task CarriedOverScorecard_IsADraftWithNothingRatedThisRound_AndTheChecklistNamesEachEntry()
    {
        var (app, id) = await CarriedOverAsync();
        await using var _ = app;
        var client = await app.SignInAsync(Reporter, Given.Password);

        var home = await client.GetStringAsync("/", Ct);
        var page = await client.GetStringAsync($"/scorecards/{id}", Ct);

        Assert.Contains("<span class=\"state draft\">Draft</span>", home);
        Assert.Contains("0 of 2", home);
        Assert.Contains("data-testid=\"rated\">0 of 2 (entries started from 18th AHG SOM, 2025)", page);
        Assert.Contains("LE-1</a>: carried over from 18th AHG SOM, 2025; not yet reviewed", page);
        Assert.Contains("Confirm LE-2 still accurate", page);
        Assert.Contains("Confirm all 2 as still accurate", page);
        Assert.DoesNotContain("Every entry is rated this round", page);
    }

    [Fact]
    public async Task Submit_WithUnreviewedCarryOver_IsRefused_UntilEachIsConfirmedOrEdited()
    {
        var (app, id) = await CarriedOverAsync();
        await using var _ = app;
        var client = await app.SignInAsync(Reporter, Given.Password);
        var api = await app.ApiClientAsync(Reporter);

        var refused = await TestApp.PostFormAsync(client, $"/scorecards/{id}?handler=Submit", new Dictionary<string, string>(), $"/scorecards/{id}");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("2 carried-over entries have not been reviewed this round: edit each one, or confirm it is still accurate.", await refused.Content.ReadAsStringAsync(Ct));

        var confirmed = await TestApp.PostFormAsync(client, $"/scorecards/{id}?handler=Confirm&objective=LE-1", new Dictionary<string, string>(), $"/scorecards/{id}");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var apiRefused = await api.PostAsync($"/api/v1/scorecards/{id}/submit", null, Ct);
        var problem = await JsonAsync(apiRefused);
        Assert.Equal("scorecard.carried-over", problem.GetProperty("code").GetString());
        Assert.Equal(["LE-2: carried over from 18th AHG SOM, 2025; not yet reviewed"], problem.GetProperty("details").EnumerateArray().Select(d => d.GetString()));

        var entry = await JsonAsync(await api.GetAsync($"/api/v1/scorecards/{id}/entries/LE-2", Ct));
        var edited = await api.PatchAsJsonAsync($"/api/v1/scorecards/{id}/entries/LE-2", new
        {
            version = entry.GetProperty("version").GetInt32(),
            completion = "Complete",
            trajectory = "OnTrack",
            progress = "Concluded the 6th Joint Period of Action.",
        }, Ct);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var submitted = await JsonAsync(await api.PostAsync($"/api/v1/scorecards/{id}/submit", null, Ct));

        Assert.Equal("Submitted", submitted.GetProperty("status").GetString());
        Assert.Equal(2, submitted.GetProperty("rated").GetInt32());
        var entries = submitted.GetProperty("entries").EnumerateArray().ToDictionary(e => e.GetProperty("objectiveCode").GetString()!);
        Assert.True(entries["LE-1"].GetProperty("carryOverConfirmed").GetBoolean());
        Assert.Equal("Held the annual meeting in Hanoi.", entries["LE-1"].GetProperty("progress").GetString());
        Assert.False(entries["LE-2"].GetProperty("carryOverConfirmed").GetBoolean());
        var audit = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.Field == "CarryOverConfirmed").Select(e => new { e.Subject, e.Before, e.After, e.UserName }).ToListAsync(Ct));
        Assert.Equal("D-WG – LE-1", Assert.Single(audit, e => e.After == "True").Subject);
        Assert.Equal(Reporter, audit[0].UserName);
    }

    [Fact]
    public async Task ConfirmAll_FromTheApi_ConfirmsEveryCarriedOverEntry_AndOnlyTheBodyMayDoIt()
    {
        var (app, id) = await CarriedOverAsync();
        await using var _ = app;
        var reviewer = await app.ApiClientAsync(Indonesia);
        var api = await app.ApiClientAsync(Reporter);

        var forbidden = await reviewer.PostAsync($"/api/v1/scorecards/{id}/confirm-carried-over", null, Ct);
        var confirmed = await JsonAsync(await api.PostAsync($"/api/v1/scorecards/{id}/confirm-carried-over", null, Ct));
        var again = await api.PostAsync($"/api/v1/scorecards/{id}/confirm-carried-over", null, Ct);
        var unknown = await api.PostAsync($"/api/v1/scorecards/{id}/entries/XX-9/confirm", null, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(2, confirmed.GetProperty("rated").GetInt32());
        Assert.Empty(confirmed.GetProperty("checklist").EnumerateArray());
        Assert.Equal("entry.not-carried-over", (await JsonAsync(again)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Resubmit_AfterReturn_NeedsAReply_WhichTheCoChairsReadBesideTheirReason()
    {
        var (app, id) = await CarriedOverAsync();
        await using var _ = app;
        var reporter = await app.SignInAsync(Reporter, Given.Password);
        var reviewer = await app.SignInAsync(Indonesia, Given.Password);
        await TestApp.PostFormAsync(reporter, $"/scorecards/{id}?handler=ConfirmAll", new Dictionary<string, string>(), $"/scorecards/{id}");
        await TestApp.PostFormAsync(reporter, $"/scorecards/{id}?handler=Submit", new Dictionary<string, string>(), $"/scorecards/{id}");
        var returned = await TestApp.PostFormAsync(reviewer, $"/scorecards/{id}?handler=Return",
            new Dictionary<string, string> { ["Reason"] = "Say what the Hanoi meeting decided." }, $"/scorecards/{id}");
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);

        var form = await reporter.GetStringAsync($"/scorecards/{id}", Ct);
        Assert.Contains("Your reply to the Co-Chairs", form);
        var unanswered = await TestApp.PostFormAsync(reporter, $"/scorecards/{id}?handler=Submit", new Dictionary<string, string>(), $"/scorecards/{id}");
        Assert.Equal(HttpStatusCode.Conflict, unanswered.StatusCode);
        Assert.Contains("Reply to the Co-Chairs&#x27; reason for returning the scorecard", await unanswered.Content.ReadAsStringAsync(Ct));
        var answered = await TestApp.PostFormAsync(reporter, $"/scorecards/{id}?handler=Submit",
            new Dictionary<string, string> { ["Reply"] = "Added the decisions under LE-1." }, $"/scorecards/{id}");
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);

        var review = await reviewer.GetStringAsync($"/scorecards/{id}", Ct);
        Assert.Contains("Returned by reviewer.id on 2 March 2026:</strong> Say what the Hanoi meeting decided.", review);
        Assert.Contains("The body's reply (reporter):</strong> Added the decisions under LE-1.", review);
        Assert.Equal(RoundStatus.Open, await app.WithDbAsync(db => db.Rounds.Where(r => r.Name == "19th AHG SOM, 2026").Select(r => r.Status).SingleAsync(Ct)));
    }
}
