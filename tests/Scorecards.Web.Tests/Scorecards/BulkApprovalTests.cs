using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Scorecards.Domain.Scorecards;
using Scorecards.Web.Tests.Infrastructure;
using static Scorecards.Web.Tests.Infrastructure.HttpJson;

namespace Scorecards.Web.Tests.Scorecards;

/// <summary>A Co-Chair approves several submitted scorecards for their government in one action, each approval on its own.</summary>
public sealed class BulkApprovalTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Api_ApprovesEachSubmittedScorecardForTheCallersGovernment_AndRefusesTheOthersByName()
    {
        await using var world = await World.StartAsync();
        var app = world.App;
        var wgTip = await world.ScorecardAsync("WG-TIP");
        var rso = await world.ScorecardAsync("RSO");
        await app.Given.RateAllAsync(wgTip);
        await app.Given.SubmitAsync(wgTip);
        var api = await world.ApiAsync(World.Indonesia);

        // RSO's scorecard is not submitted: it is refused on its own, and WG-TIP's approval stands.
        var response = await api.PostAsJsonAsync("/api/v1/scorecards/approvals", new { scorecardIds = new[] { wgTip, rso, 9999 } }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal(1, body.GetProperty("approved").GetInt32());
        Assert.Equal(2, body.GetProperty("refused").GetInt32());
        var outcomes = body.GetProperty("outcomes").EnumerateArray().ToList();
        Assert.Equal([wgTip, rso, 9999], outcomes.Select(o => o.GetProperty("scorecardId").GetInt32()));
        Assert.True(outcomes[0].GetProperty("approved").GetBoolean());
        Assert.Equal("WG-TIP", outcomes[0].GetProperty("body").GetString());
        Assert.Equal("scorecard.state", outcomes[1].GetProperty("code").GetString());
        Assert.Contains("Only a submitted scorecard can be approved", outcomes[1].GetProperty("message").GetString());
        Assert.Equal("not-found", outcomes[2].GetProperty("code").GetString());
        Assert.Equal(ScorecardStatus.ApprovedByOne, await world.StatusAsync(wgTip));
        Assert.Equal(ScorecardStatus.NotStarted, await world.StatusAsync(rso));
        var recorded = await app.WithDbAsync(db => db.Set<ReviewEvent>().Where(e => e.ScorecardId == wgTip && e.Action == ReviewAction.Approved).CountAsync(Ct));
        Assert.Equal(1, recorded);

        // The other government's reviewer finishes the approval the same way; asking again for Indonesia is refused, not doubled.
        var again = await JsonAsync(await api.PostAsJsonAsync("/api/v1/scorecards/approvals", new { scorecardIds = new[] { wgTip } }, Ct));
        Assert.Equal("approval.already", again.GetProperty("outcomes")[0].GetProperty("code").GetString());
        var australia = await JsonAsync(await (await world.ApiAsync(World.Australia)).PostAsJsonAsync("/api/v1/scorecards/approvals", new { scorecardIds = new[] { wgTip } }, Ct));
        Assert.Equal("Approved by both Co-Chair governments.", australia.GetProperty("outcomes")[0].GetProperty("message").GetString());
        Assert.Equal(ScorecardStatus.Approved, await world.StatusAsync(wgTip));
        Assert.Equal(2, await app.WithDbAsync(db => db.Set<Approval>().CountAsync(a => a.ScorecardId == wgTip, Ct)));
    }

    [Fact]
    public async Task Api_RefusesAnEmptyOrOversizedList_AndAnyoneButACoChair()
    {
        await using var world = await World.StartAsync();
        var wgTip = await world.ScorecardAsync("WG-TIP");
        await world.App.Given.RateAllAsync(wgTip);
        await world.App.Given.SubmitAsync(wgTip);
        var api = await world.ApiAsync(World.Indonesia);

        var empty = await api.PostAsJsonAsync("/api/v1/scorecards/approvals", new { scorecardIds = Array.Empty<int>() }, Ct);
        var tooMany = await api.PostAsJsonAsync("/api/v1/scorecards/approvals", new { scorecardIds = Enumerable.Range(1, 101) }, Ct);
        var reporter = await (await world.ApiAsync(World.WgTip)).PostAsJsonAsync("/api/v1/scorecards/approvals", new { scorecardIds = new[] { wgTip } }, Ct);
        var admin = await (await world.ApiAsync(World.Admin)).PostAsJsonAsync("/api/v1/scorecards/approvals", new { scorecardIds = new[] { wgTip } }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("at least one", (await JsonAsync(empty)).GetProperty("errors").GetProperty("scorecardIds")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Contains("101 scorecards were named; at most 100", (await JsonAsync(tooMany)).GetProperty("errors").GetProperty("scorecardIds")[0].GetString());
        Assert.Equal(HttpStatusCode.Forbidden, reporter.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, admin.StatusCode);
        Assert.Equal(ScorecardStatus.Submitted, await world.StatusAsync(wgTip));
    }

    [Fact]
    public async Task HomeQueue_ApprovesTheTickedScorecards_ForTheReadersGovernment()
    {
        await using var world = await World.StartAsync();
        var app = world.App;
        var wgTip = await world.ScorecardAsync("WG-TIP");
        var rso = await world.ScorecardAsync("RSO");
        foreach (var id in new[] { wgTip, rso })
        {
            await app.Given.RateAllAsync(id);
            await app.Given.SubmitAsync(id);
        }

        var cochair = await world.SignInAsync(World.Australia);
        var home = await cochair.GetStringAsync("/", Ct);
        Assert.Contains("Approve the ticked scorecards for Australia", home);
        Assert.Contains($"name=\"ids\" value=\"{wgTip}\"", home);

        var posted = await TestApp.PostFormAsync(cochair, "/?handler=Approve",
            [new("ids", wgTip.ToString(CultureInfo.InvariantCulture)), new("ids", rso.ToString(CultureInfo.InvariantCulture))], "/");

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var after = await cochair.GetStringAsync("/", Ct);
        Assert.Contains("Approved for Australia: WG-TIP (19th AHG SOM, 2026), RSO (19th AHG SOM, 2026).", after);
        Assert.Contains("Nothing awaits your government's approval.", after);
        Assert.Equal(ScorecardStatus.ApprovedByOne, await world.StatusAsync(wgTip));
        Assert.Equal(ScorecardStatus.ApprovedByOne, await world.StatusAsync(rso));
        var reporter = await world.SignInAsync(World.WgTip);
        var refused = await TestApp.PostFormAsync(reporter, "/?handler=Approve", [new("ids", rso.ToString(CultureInfo.InvariantCulture))], "/");
        Assert.StartsWith("/account/denied", refused.Headers.Location?.PathAndQuery);
        Assert.Equal(ScorecardStatus.ApprovedByOne, await world.StatusAsync(rso));
    }
}
