using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Scorecards.Domain.Rounds;
using Scorecards.Web.Tests.Infrastructure;
using static Scorecards.Web.Tests.Infrastructure.HttpJson;

namespace Scorecards.Web.Tests.Rounds;

public sealed partial class ConsolidatedScorecardTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<int> RoundIdAsync(TestApp app, RoundStatus status) =>
        app.WithDbAsync(db => db.Rounds.Where(r => r.Status == status).Select(r => r.Id).SingleAsync(Ct));

    private static string Share(JsonElement distribution) =>
        distribution.GetProperty("highCompletionShare").ValueKind == JsonValueKind.Null
            ? "n/a"
            : (distribution.GetProperty("highCompletionShare").GetDecimal() * 100).ToString("0", System.Globalization.CultureInfo.InvariantCulture) + "%";

    [Fact]
    public async Task PublishedRound_PageApiAndPublicView_ShowTheSameNumbers()
    {
        await using var app = await TestApp.StartAsync();
        var id = await RoundIdAsync(app, RoundStatus.Published);
        var coChair = await app.ApiClientAsync(Demo.Indonesia);
        var page = await (await app.SignInAsync(Demo.Indonesia)).GetStringAsync($"/rounds/{id}", Ct);

        var api = await JsonAsync(await coChair.GetAsync($"/api/v1/rounds/{id}/summary", Ct));
        var publicApi = await JsonAsync(await app.CreateClient().GetAsync($"/api/v1/public/rounds/{id}/summary", Ct));
        var publicPage = await app.CreateClient().GetStringAsync($"/public/rounds/{id}", Ct);

        // The demo's past round: 44 entries, every scorecard approved by both Co-Chairs.
        Assert.Equal(44, api.GetProperty("distribution").GetProperty("levels").EnumerateArray().Sum(l => l.GetProperty("count").GetInt32()));
        Assert.Equal(api.GetProperty("distribution").ToString(), publicApi.GetProperty("distribution").ToString());
        foreach (var area in api.GetProperty("focusAreas").EnumerateArray())
        {
            var code = area.GetProperty("code").GetString()!;
            var share = Share(area.GetProperty("distribution"));
            Assert.Contains($"data-testid=\"share-{code}\">{share}<", page);
            Assert.Contains($"data-testid=\"share-{code}\">{share}<", publicPage);
            var publicArea = publicApi.GetProperty("focusAreas").EnumerateArray().Single(a => a.GetProperty("code").GetString() == code);
            Assert.Equal(area.GetProperty("distribution").ToString(), publicArea.GetProperty("distribution").ToString());
        }

        Assert.Contains($"data-testid=\"strategy-share\">{Share(api.GetProperty("distribution"))}<", publicPage);
    }

    [Fact]
    public async Task Summary_CountsLevelsAndHighCompletionAsTheRulesSay()
    {
        await using var app = await TestApp.StartAsync();
        var id = await RoundIdAsync(app, RoundStatus.Published);

        var summary = await JsonAsync(await app.CreateClient().GetAsync($"/api/v1/public/rounds/{id}/summary", Ct));
        var rr = summary.GetProperty("focusAreas").EnumerateArray().Single(a => a.GetProperty("code").GetString() == "RR");
        var counts = rr.GetProperty("distribution").GetProperty("levels").EnumerateArray().ToDictionary(l => l.GetProperty("label").GetString()!, l => l.GetProperty("count").GetInt32());

        // TEG-RR in the demo: RR-1 Limited, RR-2 Limited, RR-3 Substantial.
        Assert.Equal(1, counts["Substantial"]);
        Assert.Equal(2, counts["Limited"]);
        Assert.Equal(1, rr.GetProperty("distribution").GetProperty("highCompletion").GetInt32());
        Assert.Equal(3, rr.GetProperty("distribution").GetProperty("counted").GetInt32());
        Assert.Equal("New", rr.GetProperty("trend").GetProperty("label").GetString());
        Assert.Equal(["CS-3"], summary.GetProperty("gaps").GetProperty("unassignedObjectives").EnumerateArray().Select(x => x.GetString()));
    }

    [Fact]
    public async Task OpenRound_TrendComparesWithThePublishedRound()
    {
        await using var app = await TestApp.StartAsync();
        var id = await RoundIdAsync(app, RoundStatus.Open);

        var summary = await JsonAsync(await (await app.ApiClientAsync(Demo.Australia)).GetAsync($"/api/v1/rounds/{id}/summary?area=BM", Ct));
        var bm = summary.GetProperty("focusAreas").EnumerateArray().Single();
        var bm2 = bm.GetProperty("objectives").EnumerateArray().Single(o => o.GetProperty("code").GetString() == "BM-2");

        // BM-2 went from Not started to Complete for D-WG, WG-TIP and TFPP.
        Assert.Equal("18th AHG SOM, 2025", summary.GetProperty("previousRound").GetString());
        Assert.Equal("Improved", bm2.GetProperty("trend").GetProperty("label").GetString());
        Assert.Equal(3, bm2.GetProperty("trend").GetProperty("rose").GetInt32());
        Assert.All(bm2.GetProperty("entries").EnumerateArray(), e => Assert.Equal("Improved", e.GetProperty("trend").GetString()));
        Assert.Equal(["GABF", "TEG-RR", "TFPP", "WG-TIP"],
            summary.GetProperty("gaps").GetProperty("notSubmitted").EnumerateArray().Select(g => g.GetProperty("bodyCode").GetString()));
    }

    [Fact]
    public async Task UnpublishedRound_NeverReachesThePublicRoutes()
    {
        await using var app = await TestApp.StartAsync();
        var open = await RoundIdAsync(app, RoundStatus.Open);
        var client = app.CreateClient();

        var page = await client.GetAsync($"/public/rounds/{open}", Ct);
        var api = await client.GetAsync($"/api/v1/public/rounds/{open}/summary", Ct);
        var list = await client.GetStringAsync("/api/v1/public/rounds", Ct);
        var index = await client.GetStringAsync("/public", Ct);
        var history = await client.GetStringAsync("/public/objectives/BM-2/history", Ct);

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.DoesNotContain("19th AHG SOM", list);
        Assert.DoesNotContain("19th AHG SOM", index);
        Assert.DoesNotContain("19th AHG SOM", history);
        Assert.Contains("18th AHG SOM, 2025", history);
    }

    [Fact]
    public async Task PublicRoundPage_ShowsApprovedNarrativesButNoInternalFields()
    {
        await using var app = await TestApp.StartAsync();
        var id = await RoundIdAsync(app, RoundStatus.Published);
        await app.WithDbAsync(async db =>
        {
            // A support request and a reviewer's reason on the published round must stay internal.
            var entry = await db.Entries.Include(e => e.IndicatorValues).FirstAsync(e => db.Scorecards.Any(s => s.Id == e.ScorecardId && s.RoundId == id), Ct);
            db.Entry(entry).Property(nameof(Domain.Scorecards.Entry.SupportNeeded)).CurrentValue = "Internal: funding for two more secondments.";
            return await db.SaveChangesAsync(Ct);
        });

        var html = await app.CreateClient().GetStringAsync($"/public/rounds/{id}?area=BM", Ct);

        Assert.Contains("secondments from Sri Lanka", html);
        Assert.DoesNotContain("Internal: funding", html);
        Assert.DoesNotContain("Review history", html);
        Assert.DoesNotContain("/scorecards/", html);
    }

    [Fact]
    public async Task Publish_IsACoChairActionWithConfirmation_AndIsAudited()
    {
        await using var app = await TestApp.StartAsync();
        var id = await RoundIdAsync(app, RoundStatus.Open);
        var admin = await app.ApiClientAsync(Demo.Admin);
        await admin.PostAsync($"/api/v1/rounds/{id}/review", null, Ct);

        var byAdmin = await admin.PostAsync($"/api/v1/rounds/{id}/publish", null, Ct);
        var coChair = await app.SignInAsync(Demo.Australia);
        var roundPage = await coChair.GetStringAsync($"/rounds/{id}", Ct);
        var published = await TestApp.PostFormAsync(coChair, $"/rounds/{id}?handler=Publish", new Dictionary<string, string>(), $"/rounds/{id}");
        var publicList = await app.CreateClient().GetStringAsync("/api/v1/public/rounds", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, byAdmin.StatusCode);
        Assert.Contains("data-confirm=\"Publish 19th AHG SOM, 2026?", roundPage);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Contains("19th AHG SOM, 2026", publicList);
        var audit = await app.WithDbAsync(db => db.AuditEvents.Where(a => a.EntityType == "Round" && a.Field == "Status" && a.After == "Published").ToListAsync(Ct));
        Assert.Equal(Demo.Australia, Assert.Single(audit).UserName);
    }

    [Fact]
    public async Task RoundPage_FiltersAreKeptInTheUrl()
    {
        await using var app = await TestApp.StartAsync();
        var id = await RoundIdAsync(app, RoundStatus.Published);
        var client = await app.SignInAsync(Demo.Viewer);

        var html = await client.GetStringAsync($"/rounds/{id}?body=RSO&area=LE&level=limited", Ct);

        Assert.Contains("<option value=\"RSO\" selected=\"selected\">RSO</option>", html);
        Assert.Contains("<option value=\"limited\" selected=\"selected\">Limited</option>", html);
        Assert.Equal(["LE"], AreaRows().Matches(html).Select(m => m.Groups[1].Value));
        Assert.Contains("data-objective=\"LE-2\" data-full=\"LE-2 Limited\">LE-2 <span aria-hidden=\"true\">Ltd</span><span class=\"visually-hidden\">Limited</span></a>", html);
        Assert.DoesNotContain("<td data-body=\"WG-TIP\"", html);
        Assert.Contains("id=\"objectives\"", html);
    }

    [Fact]
    public async Task MethodPage_IsPublic_AndWorksAnExampleFromTheData()
    {
        await using var app = await TestApp.StartAsync();

        var html = await app.CreateClient().GetStringAsync("/method", Ct);

        Assert.Contains("High completion", html);
        Assert.Matches("data-testid=\"example-share\">Of these, \\d+ have a level; \\d+ of them are Substantial or Complete, so high completion is \\d+ ÷ \\d+ = <strong>\\d+%</strong>", html);
        Assert.Contains("There is no earlier published round to compare with", html);
    }

    [Fact]
    public async Task HistoryPage_ShowsEveryRoundSideBySide()
    {
        await using var app = await TestApp.StartAsync();
        var client = await app.SignInAsync(Demo.Indonesia);

        var html = await client.GetStringAsync("/objectives/BM-2/history", Ct);
        var area = await client.GetAsync("/focus-areas/BM/history", Ct);
        var missing = await client.GetAsync("/objectives/ZZ-1/history", Ct);

        Assert.Contains("<svg", html);
        Assert.Contains("role=\"img\"", html);
        Assert.Matches("<th scope=\"row\">18th AHG SOM, 2025</th>.*<th scope=\"row\">19th AHG SOM, 2026</th>", html.ReplaceLineEndings(" "));
        Assert.Equal(HttpStatusCode.OK, area.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task ObjectiveRetiredBetweenRounds_StaysInThePublishedRound_AndLeavesTheOpenOne()
    {
        await using var app = await TestApp.StartAsync();
        var published = await RoundIdAsync(app, RoundStatus.Published);
        var open = await RoundIdAsync(app, RoundStatus.Open);
        var admin = await app.SignInAsync(Demo.Admin);
        var dwg = await app.WithDbAsync(db => db.Bodies.Where(b => b.Code == "D-WG").Select(b => b.Id).SingleAsync(Ct));
        await TestApp.PostFormAsync(admin, "/admin/objectives/IM-3", new Dictionary<string, string>
        {
            ["Title"] = "Address links with cybercrime, money laundering and illegal, unreported and unregulated fishing",
            ["BodyIds"] = dwg.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Retired"] = "true",
        });
        var api = await app.ApiClientAsync(Demo.Australia);

        var past = await JsonAsync(await api.GetAsync($"/api/v1/rounds/{published}/summary?area=IM", Ct));
        var now = await JsonAsync(await api.GetAsync($"/api/v1/rounds/{open}/summary?area=IM", Ct));

        var pastObjective = past.GetProperty("focusAreas")[0].GetProperty("objectives").EnumerateArray().Single(o => o.GetProperty("code").GetString() == "IM-3");
        Assert.True(pastObjective.GetProperty("isRetired").GetBoolean());
        Assert.Equal("No evidence available", pastObjective.GetProperty("entries")[0].GetProperty("completionLabel").GetString());
        Assert.DoesNotContain(now.GetProperty("focusAreas")[0].GetProperty("objectives").EnumerateArray(), o => o.GetProperty("code").GetString() == "IM-3");
        Assert.DoesNotContain("IM-3", now.GetProperty("gaps").GetProperty("objectivesWithoutEntry").EnumerateArray().Select(x => x.GetString()));
    }

    [GeneratedRegex("<tr data-area=\"([A-Z]+)\">")]
    private static partial Regex AreaRows();
}
