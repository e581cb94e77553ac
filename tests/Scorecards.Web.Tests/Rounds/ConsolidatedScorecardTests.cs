using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Scorecards.Domain.Rounds;
using Scorecards.Domain.Scorecards;
using Scorecards.Web.Tests.Infrastructure;
using static Scorecards.Web.Tests.Infrastructure.HttpJson;

namespace Scorecards.Web.Tests.Rounds;

public sealed partial class ConsolidatedScorecardTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// The world's round rated, approved by both Co-Chair governments and published: WG-TIP rates LE-1 Complete, VM-1
    /// Limited and VM-2 Substantial; the RSO rates LE-1 Limited and LE-2 Substantial. So area LE has 2 of 3 entries at
    /// high completion, area VM 1 of 2, and the Strategy 3 of 5.
    /// </summary>
    private static async Task<World> PublishedAsync()
    {
        var world = await World.StartAsync();
        var given = world.Given;
        var wgTip = await world.ScorecardAsync("WG-TIP");
        var rso = await world.ScorecardAsync("RSO");
        await given.RateAllAsync(wgTip);
        await given.RateAsync(wgTip, "LE-1", Completion.Complete);
        await given.RateAsync(wgTip, "VM-1", Completion.Limited);
        await given.RateAllAsync(rso, progress: "Placed two secondments from Sri Lanka.");
        await given.RateAsync(rso, "LE-1", Completion.Limited, "Placed two secondments from Sri Lanka.", supportNeeded: "Internal: funding for two more secondments.");
        await given.ApproveAsync(wgTip);
        await given.ApproveAsync(rso);
        await given.PublishAsync(world.Round.Id);
        return world;
    }

    private static string Share(JsonElement distribution) =>
        distribution.GetProperty("highCompletionShare").ValueKind == JsonValueKind.Null
            ? "n/a"
            : (distribution.GetProperty("highCompletionShare").GetDecimal() * 100).ToString("0", System.Globalization.CultureInfo.InvariantCulture) + "%";

    [Fact]
    public async Task PublishedRound_PageApiAndPublicView_ShowTheSameNumbers()
    {
        var world = await PublishedAsync();
        await using var _ = world.App;
        var id = world.Round.Id;
        var coChair = await world.ApiAsync(World.Indonesia);
        var page = await (await world.SignInAsync(World.Indonesia)).GetStringAsync($"/rounds/{id}", Ct);

        var api = await JsonAsync(await coChair.GetAsync($"/api/v1/rounds/{id}/summary", Ct));
        var publicApi = await JsonAsync(await world.App.CreateClient().GetAsync($"/api/v1/public/rounds/{id}/summary", Ct));
        var publicPage = await world.App.CreateClient().GetStringAsync($"/public/rounds/{id}", Ct);

        Assert.Equal(5, api.GetProperty("distribution").GetProperty("levels").EnumerateArray().Sum(l => l.GetProperty("count").GetInt32()));
        Assert.Equal(api.GetProperty("distribution").ToString(), publicApi.GetProperty("distribution").ToString());
        Assert.Equal(["67%", "50%"], api.GetProperty("focusAreas").EnumerateArray().Select(a => Share(a.GetProperty("distribution"))));
        foreach (var area in api.GetProperty("focusAreas").EnumerateArray())
        {
            var code = area.GetProperty("code").GetString()!;
            var share = Share(area.GetProperty("distribution"));
            Assert.Contains($"data-testid=\"share-{code}\">{share}<", page);
            Assert.Contains($"data-testid=\"share-{code}\">{share}<", publicPage);
            var publicArea = publicApi.GetProperty("focusAreas").EnumerateArray().Single(a => a.GetProperty("code").GetString() == code);
            Assert.Equal(area.GetProperty("distribution").ToString(), publicArea.GetProperty("distribution").ToString());
        }

        Assert.Contains("data-testid=\"strategy-share\">60%<", publicPage);
    }

    [Fact]
    public async Task Summary_CountsLevelsAndHighCompletionAsTheRulesSay()
    {
        var world = await PublishedAsync();
        await using var _ = world.App;

        var summary = await JsonAsync(await world.App.CreateClient().GetAsync($"/api/v1/public/rounds/{world.Round.Id}/summary", Ct));
        var le = summary.GetProperty("focusAreas").EnumerateArray().Single(a => a.GetProperty("code").GetString() == "LE");
        var counts = le.GetProperty("distribution").GetProperty("levels").EnumerateArray().ToDictionary(l => l.GetProperty("label").GetString()!, l => l.GetProperty("count").GetInt32());

        Assert.Equal(1, counts["Complete"]);
        Assert.Equal(1, counts["Substantial"]);
        Assert.Equal(1, counts["Limited"]);
        Assert.Equal(2, le.GetProperty("distribution").GetProperty("highCompletion").GetInt32());
        Assert.Equal(3, le.GetProperty("distribution").GetProperty("counted").GetInt32());
        Assert.Equal("New", le.GetProperty("trend").GetProperty("label").GetString());
        Assert.Equal(["VM-3"], summary.GetProperty("gaps").GetProperty("unassignedObjectives").EnumerateArray().Select(x => x.GetString()));
    }

    [Fact]
    public async Task OpenRound_TrendComparesWithThePublishedRound()
    {
        var world = await World.StartAsync(lastRound: true);
        await using var _ = world.App;
        var wgTip = await world.ScorecardAsync("WG-TIP");
        await world.Given.RateAllAsync(wgTip);
        await world.Given.RateAsync(wgTip, "VM-1", Completion.Complete);
        await world.Given.SubmitAsync(wgTip);

        var summary = await JsonAsync(await (await world.ApiAsync(World.Australia)).GetAsync($"/api/v1/rounds/{world.Round.Id}/summary?area=VM", Ct));
        var vm = summary.GetProperty("focusAreas").EnumerateArray().Single();
        var objectives = vm.GetProperty("objectives").EnumerateArray().ToDictionary(o => o.GetProperty("code").GetString()!);

        // VM-1 went from Substantial last round to Complete; VM-2 stayed Substantial.
        Assert.Equal(World.LastRoundName, summary.GetProperty("previousRound").GetString());
        Assert.Equal("Improved", objectives["VM-1"].GetProperty("trend").GetProperty("label").GetString());
        Assert.Equal(1, objectives["VM-1"].GetProperty("trend").GetProperty("rose").GetInt32());
        Assert.Equal("Improved", Assert.Single(objectives["VM-1"].GetProperty("entries").EnumerateArray()).GetProperty("trend").GetString());
        Assert.NotEqual("Improved", objectives["VM-2"].GetProperty("trend").GetProperty("label").GetString());
        Assert.Equal(["RSO"], summary.GetProperty("gaps").GetProperty("notSubmitted").EnumerateArray().Select(g => g.GetProperty("bodyCode").GetString()));
    }

    [Fact]
    public async Task UnpublishedRound_NeverReachesThePublicRoutes()
    {
        var world = await World.StartAsync(lastRound: true);
        await using var _ = world.App;
        var client = world.App.CreateClient();

        var page = await client.GetAsync($"/public/rounds/{world.Round.Id}", Ct);
        var api = await client.GetAsync($"/api/v1/public/rounds/{world.Round.Id}/summary", Ct);
        var list = await client.GetStringAsync("/api/v1/public/rounds", Ct);
        var index = await client.GetStringAsync("/public", Ct);
        var history = await client.GetStringAsync("/public/objectives/VM-1/history", Ct);

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.DoesNotContain(World.RoundName, list);
        Assert.Contains(World.LastRoundName, list);
        Assert.DoesNotContain(World.RoundName, index);
        Assert.DoesNotContain(World.RoundName, history);
        Assert.Contains(World.LastRoundName, history);
    }

    [Fact]
    public async Task PublicRoundPage_ShowsApprovedNarrativesButNoInternalFields()
    {
        var world = await PublishedAsync();
        await using var _ = world.App;

        var html = await world.App.CreateClient().GetStringAsync($"/public/rounds/{world.Round.Id}?area=LE", Ct);

        Assert.Contains("Placed two secondments from Sri Lanka.", html);
        Assert.DoesNotContain("Internal: funding", html);
        Assert.DoesNotContain("Review history", html);
        Assert.DoesNotContain("/scorecards/", html);
    }

    [Fact]
    public async Task Publish_IsACoChairActionWithConfirmation_AndIsAudited()
    {
        var world = await World.StartAsync();
        await using var _ = world.App;
        var id = world.Round.Id;
        var admin = await world.ApiAsync(World.Admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/rounds/{id}/review", null, Ct)).StatusCode);

        var byAdmin = await admin.PostAsync($"/api/v1/rounds/{id}/publish", null, Ct);
        var coChair = await world.SignInAsync(World.Australia);
        var roundPage = await coChair.GetStringAsync($"/rounds/{id}", Ct);
        var published = await TestApp.PostFormAsync(coChair, $"/rounds/{id}?handler=Publish", new Dictionary<string, string>(), $"/rounds/{id}");
        var publicList = await world.App.CreateClient().GetStringAsync("/api/v1/public/rounds", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, byAdmin.StatusCode);
        Assert.Contains("data-confirm=\"Publish 19th AHG SOM, 2026?", roundPage);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Contains(World.RoundName, publicList);
        Assert.Equal(RoundStatus.Published, await world.RoundStatusAsync(id));
        var audit = await world.App.WithDbAsync(db => db.AuditEvents.Where(a => a.EntityType == "Round" && a.Field == "Status" && a.After == "Published").ToListAsync(Ct));
        Assert.Equal(World.Australia, Assert.Single(audit).UserName);
    }

    [Fact]
    public async Task RoundPage_FiltersAreKeptInTheUrl()
    {
        var world = await PublishedAsync();
        await using var _ = world.App;
        var client = await world.SignInAsync(World.Viewer);

        var html = await client.GetStringAsync($"/rounds/{world.Round.Id}?body=RSO&area=LE&level=limited", Ct);

        Assert.Contains("<option value=\"RSO\" selected=\"selected\">RSO</option>", html);
        Assert.Contains("<option value=\"limited\" selected=\"selected\">Limited</option>", html);
        Assert.Equal(["LE"], AreaRows().Matches(html).Select(m => m.Groups[1].Value));
        Assert.Contains("data-objective=\"LE-1\" data-full=\"LE-1 Limited\">LE-1 <span aria-hidden=\"true\">Ltd</span><span class=\"visually-hidden\">Limited</span></a>", html);
        Assert.DoesNotContain("data-full=\"LE-2 Substantial\"", html);
        Assert.DoesNotContain("<td data-body=\"WG-TIP\"", html);
        Assert.Contains("id=\"objectives\"", html);
    }

    [Fact]
    public async Task MethodPage_IsPublic_AndWorksAnExampleFromTheData()
    {
        var world = await PublishedAsync();
        await using var _ = world.App;

        var html = await world.App.CreateClient().GetStringAsync("/method", Ct);

        Assert.Contains("High completion", html);
        Assert.Contains("data-testid=\"example-share\">Of these, 3 have a level; 2 of them are Substantial or Complete, so high completion is 2 ÷ 3 = <strong>67%</strong>", html);
        Assert.Contains("There is no earlier published round to compare with", html);
    }

    [Fact]
    public async Task HistoryPage_ShowsEveryRoundSideBySide()
    {
        var world = await World.StartAsync(lastRound: true);
        await using var _ = world.App;
        var client = await world.SignInAsync(World.Indonesia);

        var html = await client.GetStringAsync("/objectives/VM-1/history", Ct);
        var area = await client.GetAsync("/focus-areas/VM/history", Ct);
        var missing = await client.GetAsync("/objectives/ZZ-1/history", Ct);

        Assert.Contains("<svg", html);
        Assert.Contains("role=\"img\"", html);
        Assert.Matches("<th scope=\"row\">18th AHG SOM, 2025</th>.*<th scope=\"row\">19th AHG SOM, 2026</th>", html.ReplaceLineEndings(" "));
        Assert.Equal(HttpStatusCode.OK, area.StatusCode);
        Assert.Contains("Area VM", await area.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task ObjectiveRetiredBetweenRounds_StaysInThePublishedRound_AndLeavesTheOpenOne()
    {
        var world = await World.StartAsync(lastRound: true);
        await using var _ = world.App;
        var admin = await world.SignInAsync(World.Admin);
        var wgTip = await world.App.WithDbAsync(db => db.Bodies.Where(b => b.Code == "WG-TIP").Select(b => b.Id).SingleAsync(Ct));
        var retired = await TestApp.PostFormAsync(admin, "/admin/objectives/VM-2", new Dictionary<string, string>
        {
            ["Title"] = "Objective VM-2",
            ["BodyIds"] = wgTip.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Retired"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, retired.StatusCode);
        var api = await world.ApiAsync(World.Australia);

        var past = await JsonAsync(await api.GetAsync($"/api/v1/rounds/{world.LastRound!.Id}/summary?area=VM", Ct));
        var now = await JsonAsync(await api.GetAsync($"/api/v1/rounds/{world.Round.Id}/summary?area=VM", Ct));

        var pastObjective = past.GetProperty("focusAreas")[0].GetProperty("objectives").EnumerateArray().Single(o => o.GetProperty("code").GetString() == "VM-2");
        Assert.True(pastObjective.GetProperty("isRetired").GetBoolean());
        Assert.Equal("Substantial", pastObjective.GetProperty("entries")[0].GetProperty("completionLabel").GetString());
        Assert.DoesNotContain(now.GetProperty("focusAreas")[0].GetProperty("objectives").EnumerateArray(), o => o.GetProperty("code").GetString() == "VM-2");
        Assert.DoesNotContain("VM-2", now.GetProperty("gaps").GetProperty("objectivesWithoutEntry").EnumerateArray().Select(x => x.GetString()));
    }

    [GeneratedRegex("<tr data-area=\"([A-Z]+)\">")]
    private static partial Regex AreaRows();
}
