using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Scorecards.Data;
using Scorecards.Domain.Scorecards;
using Scorecards.Web.Features.Rounds;
using Scorecards.Web.Tests.Infrastructure;

namespace Scorecards.Web.Tests.Rounds;

/// <summary>
/// Round pages and summaries are kept once computed (<c>RoundViews</c>); these tests show that nothing kept is ever
/// shown in place of a change, on the server that saved it or on another on the same database, and that a reader is
/// never given what was kept for a reader who may read more.
/// </summary>
public sealed class KeptViewsTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    private const string Secret = "WG-TIP draft, not for member states yet.";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ASaveAnApprovalAFrameworkChangeAndAPublication_OnOneServer_AreOnTheNextRequestOfTheOther(DatabaseProvider provider)
    {
        var world = await World.StartAsync(provider: provider);
        await using var first = world.App;
        await using var second = await first.AnotherServerAsync();
        var id = world.Round.Id;
        var wgTip = await world.ScorecardAsync("WG-TIP");
        var rso = await world.ScorecardAsync("RSO");
        var onFirst = await first.ApiClientAsync(World.Indonesia);
        var onSecond = await second.ApiClientAsync(World.Indonesia);
        var page = await second.SignInAsync(World.Indonesia);
        var anonymous = second.CreateClient();
        string Summary(HttpClient client) => client.GetStringAsync($"/api/v1/rounds/{id}/summary", Ct).GetAwaiter().GetResult();

        // Both servers have computed and kept the round before each change.
        Assert.DoesNotContain("Held the annual meeting.", Summary(onFirst));
        Assert.DoesNotContain("Held the annual meeting.", Summary(onSecond));
        Assert.DoesNotContain("Held the annual meeting.", await page.GetStringAsync($"/rounds/{id}?area=VM", Ct));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/public/rounds/{id}?area=VM", Ct)).StatusCode);

        // A save on the first.
        await world.Given.RateAllAsync(wgTip);
        Assert.Contains("Held the annual meeting.", Summary(onSecond));
        Assert.Contains("Held the annual meeting.", await page.GetStringAsync($"/rounds/{id}?area=VM", Ct));

        // Approvals by both governments on the first.
        Assert.Equal("Draft", StatusOf(Summary(onSecond), "WG-TIP"));
        await world.Given.ApproveAsync(wgTip);
        await world.Given.RateAllAsync(rso);
        Assert.Equal("Approved", StatusOf(Summary(onSecond), "WG-TIP"));

        // A framework change on the first.
        Assert.Contains("Objective VM-3", Summary(onSecond));
        await world.Given.FrameworkYamlAsync(World.Framework.Replace("title: Objective VM-3", "title: Objective VM-3 as agreed in 2026"));
        Assert.Contains("Objective VM-3 as agreed in 2026", Summary(onSecond));
        Assert.Contains("Objective VM-3 as agreed in 2026", await page.GetStringAsync($"/rounds/{id}?area=VM", Ct));

        // The publication on the first: the second answers the public at once, with the approved scorecard only.
        await world.Given.PublishAsync(id);
        var published = await anonymous.GetAsync($"/public/rounds/{id}?area=VM", Ct);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var text = await published.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Objective VM-3 as agreed in 2026", text);
        Assert.Contains("Published", await page.GetStringAsync($"/rounds/{id}?area=VM", Ct));
    }

    [Fact]
    public async Task WhatIsKeptForOneReader_IsNeverShownToAReaderWhoMayReadLess()
    {
        var world = await World.StartAsync();
        await using var _ = world.App;
        var id = world.Round.Id;
        await world.Given.RateAllAsync(await world.ScorecardAsync("WG-TIP"), progress: Secret);
        var coChair = await world.SignInAsync(World.Indonesia);
        var ownReporter = await world.SignInAsync(World.WgTip);
        var otherReporter = await world.SignInAsync(World.Rso);
        var viewer = await world.SignInAsync(World.Viewer);
        var viewerApi = await world.ApiAsync(World.Viewer);
        var coChairApi = await world.ApiAsync(World.Indonesia);

        // Those who may read the draft ask first, so it is kept before the others ask, then in the other order.
        foreach (var round in new[] { 1, 2 })
        {
            var readers = round == 1 ? new[] { coChair, ownReporter, otherReporter, viewer } : [viewer, otherReporter, ownReporter, coChair];
            foreach (var reader in readers)
            {
                var page = await reader.GetStringAsync($"/rounds/{id}?area=LE", Ct);
                var maySee = reader == coChair || reader == ownReporter;
                Assert.Equal(maySee, page.Contains(Secret, StringComparison.Ordinal));
            }

            Assert.DoesNotContain(Secret, await viewerApi.GetStringAsync($"/api/v1/rounds/{id}/summary", Ct));
            Assert.Contains(Secret, await coChairApi.GetStringAsync($"/api/v1/rounds/{id}/summary", Ct));
            Assert.DoesNotContain(Secret, await viewerApi.GetStringAsync($"/api/v1/rounds/{id}/summary", Ct));
        }
    }

    [Fact]
    public async Task APublishedRound_IsAnsweredNotModified_UntilSomethingItShowsChanges()
    {
        var world = await World.StartAsync();
        await using var _ = world.App;
        var id = world.Round.Id;
        var wgTip = await world.ScorecardAsync("WG-TIP");
        await world.Given.RateAllAsync(wgTip);
        await world.Given.ApproveAsync(wgTip);
        await world.Given.PublishAsync(id);
        var anonymous = world.App.CreateClient();

        foreach (var path in new[] { $"/public/rounds/{id}?area=VM", $"/api/v1/public/rounds/{id}/summary" })
        {
            var first = await anonymous.GetAsync(path, Ct);
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.False(first.Headers.Contains("Set-Cookie"), $"{path} sets a cookie, so it cannot be kept for the next reader");
            var tag = first.Headers.ETag ?? throw new InvalidOperationException($"{path} has no ETag");

            var again = await GetAsync(anonymous, path, tag);
            Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
            Assert.Empty(await again.Content.ReadAsByteArrayAsync(Ct));

            // A change to what the round shows (the framework's wording) gives the page a new tag.
            await world.Given.FrameworkYamlAsync(World.Framework.Replace("title: Objective VM-1", $"title: Objective VM-1 ({path})"));
            var changed = await GetAsync(anonymous, path, tag);
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
            Assert.NotEqual(tag, changed.Headers.ETag);
            Assert.Contains($"Objective VM-1 ({path})", await changed.Content.ReadAsStringAsync(Ct));
        }

        // What is not there is not tagged, so no client keeps a tag for it.
        foreach (var path in new[] { "/public/rounds/999", "/api/v1/public/rounds/999/summary" })
        {
            var missing = await anonymous.GetAsync(path, Ct);
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            Assert.Null(missing.Headers.ETag);
        }

        // Readers of different classes hold different tags for the same round.
        var coChair = await (await world.ApiAsync(World.Indonesia)).GetAsync($"/api/v1/rounds/{id}/summary", Ct);
        var viewer = await (await world.ApiAsync(World.Viewer)).GetAsync($"/api/v1/rounds/{id}/summary", Ct);
        Assert.NotEqual(coChair.Headers.ETag, viewer.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, (await GetAsync(await world.ApiAsync(World.Viewer), $"/api/v1/rounds/{id}/summary", viewer.Headers.ETag!)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(await world.ApiAsync(World.Viewer), $"/api/v1/rounds/{id}/summary", coChair.Headers.ETag!)).StatusCode);
    }

    [Fact]
    public async Task AKeptRoundPage_IsEachPersonsOwn_AndItsFormsWorkWithAFreshToken()
    {
        var world = await World.StartAsync();
        await using var _ = world.App;
        var path = $"/rounds/{world.Round.Id}";
        var indonesia = await world.SignInAsync(World.Indonesia);
        var australia = await world.SignInAsync(World.Australia);

        // The second request is answered from what the first rendered; each carries its own person and its own token.
        var first = await indonesia.GetStringAsync(path, Ct);
        var second = await indonesia.GetStringAsync(path, Ct);
        Assert.Contains("cochair.id", second);
        Assert.NotEqual(Token(first), Token(second));
        var other = await australia.GetStringAsync(path, Ct);
        Assert.Contains("cochair.au", other);
        Assert.DoesNotContain("cochair.id", other);

        // A form of the kept page posts with the token it was sent with.
        var signOut = await TestApp.PostFormAsync(australia, "/account/logout", new Dictionary<string, string>(), pagePath: path);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await australia.GetAsync(path, Ct)).StatusCode);
    }

    [Fact]
    public async Task WhatWasKeptUnderAnOlderVersion_IsDroppedOnceANewerIsAskedFor()
    {
        await using var app = await TestApp.StartAsync();
        var views = app.Services.GetRequiredService<RoundViews>();
        var computed = 0;
        Task<object?> Compute(AppDbContext db, CancellationToken ct) => Task.FromResult<object?>(++computed);
        RoundViews.Key At(string version) =>
            new(version, "test", 1, "all", SummaryFilter.None, new DateOnly(2026, 3, 2));

        Assert.Equal(1, await views.GetAsync(At("one"), Compute, Ct));
        Assert.Equal(1, await views.GetAsync(At("one"), Compute, Ct));
        Assert.Equal(2, await views.GetAsync(At("two"), Compute, Ct));
        Assert.Equal(3, await views.GetAsync(At("one"), Compute, Ct));
    }

    private static string Token(string page) =>
        System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

    private static string? StatusOf(string summary, string body) =>
        System.Text.Json.JsonDocument.Parse(summary).RootElement.GetProperty("bodies").EnumerateArray()
            .Single(b => b.GetProperty("code").GetString() == body).GetProperty("status").GetString();

    private static Task<HttpResponseMessage> GetAsync(HttpClient client, string path, EntityTagHeaderValue tag)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.IfNoneMatch.Add(tag);
        return client.SendAsync(request, Ct);
    }
}
