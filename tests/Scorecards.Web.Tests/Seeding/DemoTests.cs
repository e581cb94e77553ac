using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Scorecards.Domain.Rounds;
using Scorecards.Web.Tests.Infrastructure;
using static Scorecards.Web.Tests.Infrastructure.HttpJson;

namespace Scorecards.Web.Tests.Seeding;

/// <summary>
/// The one test that loads the demo. Every other test builds its own data; this one shows that the demo a secretariat
/// is shown is the Process as the reference material records it: the statement drafted from the published round reads as
/// the 19th Ad Hoc Group SOM statement does, the 18th AHG SOM is recorded with its attendance and decisions, and the
/// bodies' work plans carry their items.
/// </summary>
public sealed class DemoTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static IEnumerable<string> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!);

    private static JsonElement ItemNumbered(JsonElement plan, int number) =>
        plan.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("number").GetInt32() == number);

    [Fact]
    public async Task Demo_LoadsTheProcessAsTheReferenceMaterialRecordsIt()
    {
        var log = new CapturedLog();
        await using var app = await TestApp.StartAsync(demo: true, log: log);
        var round = await app.WithDbAsync(db => db.Rounds.Where(r => r.Status == RoundStatus.Published).Select(r => r.Id).SingleAsync(Ct));
        var wgTipPlan = await app.WithDbAsync(db => db.WorkPlans.Where(p => db.Bodies.Any(b => b.Id == p.BodyId && b.Code == "WG-TIP")).Select(p => p.Id).SingleAsync(Ct));

        // The statement draft.
        var response = await (await app.ApiClientAsync(Demo.Indonesia)).GetAsync($"/api/v1/rounds/{round}/statement", Ct);
        var markdown = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal("text/markdown", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("## Working Group Updates\n", markdown);
        Assert.Contains("### Working Group on Trafficking in Persons (WG-TIP)", markdown);
        Assert.Contains("The WG-TIP held its 10th Anniversary Commemorative Dialogue, its 10th Annual Meeting, and the Regional Event on Trafficking into Online Scam Centres", markdown);
        Assert.Contains("It also held its annual meeting from 16–18 July 2024 in Hanoi, Viet Nam, with policymakers", markdown);
        Assert.Contains("The TEG-RR held its 7th Annual Meeting in December 2024 in Phnom Penh, Cambodia.", markdown);
        Assert.Contains("Looking ahead, the TEG-RR will hold its 8th Annual Meeting in Q4 2025.", markdown);
        Assert.Contains("The TFPP held its 8th Annual Meeting in November 2024 in Bangkok, Thailand", markdown);
        Assert.Contains("hosted secondments from Sri Lanka's Department of Immigration and Emigration in Bangkok, Thailand", markdown);
        Assert.Contains("The RSO's 2024–2026 Strategic Plan and Work Plan sets out seven items", markdown);
        Assert.Contains("Looking ahead, the RSO will hold the Interregional Technical Workshop on online investigations and OSINT from 27–30 May 2025 in Chiang Saen, Thailand.", markdown);
        Assert.Contains("### Government and Business Forum (GABF)", markdown);
        Assert.Contains("## Progress to implement the Adelaide Strategy for Cooperation", markdown);
        Assert.Contains("- The Ad Hoc Group SOM recognised progress towards realising the 2023 Adelaide Strategy for Cooperation.", markdown);
        Assert.Contains("Six reporting bodies completed the scorecard for 18th AHG SOM, 2025", markdown);

        // The 18th AHG SOM.
        var viewer = await app.ApiClientAsync(Demo.Viewer);

        var soms = await JsonAsync(await viewer.GetAsync("/api/v1/meetings?kind=AdHocGroupSom", Ct));
        var maldives = await JsonAsync(await viewer.GetAsync("/api/v1/meetings?member=Maldives", Ct));
        var before2025 = await JsonAsync(await viewer.GetAsync("/api/v1/meetings?to=2024-12-31", Ct));
        var som = Assert.Single(soms.GetProperty("meetings").EnumerateArray());
        var view = await JsonAsync(await viewer.GetAsync($"/api/v1/meetings/{som.GetProperty("id").GetInt32()}", Ct));

        Assert.Equal("2025-05-21", som.GetProperty("startDate").GetString());
        Assert.Equal("Bangkok", som.GetProperty("city").GetString());
        Assert.Equal("Thailand", som.GetProperty("host").GetString());
        Assert.Equal(["Australia", "Indonesia"], Strings(som.GetProperty("chairs")));
        string[] attended = ["Australia", "Bangladesh", "Indonesia", "International Organization for Migration (IOM)", "Malaysia", "Maldives", "New Zealand",
            "Office of the United Nations High Commissioner for Refugees (UNHCR)", "Philippines", "Sri Lanka", "Thailand", "United Nations Office on Drugs and Crime (UNODC)", "Viet Nam"];
        Assert.Equal(attended, Strings(som.GetProperty("attendees")));
        Assert.Equal([som.GetProperty("id").GetInt32()], maldives.GetProperty("meetings").EnumerateArray().Select(m => m.GetProperty("id").GetInt32()));
        Assert.Equal(["TEG-RR 7th Annual Meeting", "WG-TIP 10th Annual Meeting"], before2025.GetProperty("meetings").EnumerateArray().Select(m => m.GetProperty("title").GetString()));
        var decisions = view.GetProperty("decisions").EnumerateArray().ToList();
        Assert.True(decisions.Count >= 4);
        Assert.Equal(Enumerable.Range(1, decisions.Count), decisions.Select(d => d.GetProperty("number").GetInt32()));
        foreach (var words in new[] { "scorecard to track progress", "membership", "lived experience", "GABF-focused RSO personnel" })
        {
            Assert.Contains(decisions, d => d.GetProperty("text").GetString()!.Contains(words, StringComparison.Ordinal));
        }

        // The work plans.

        var rso = Assert.Single((await JsonAsync(await viewer.GetAsync("/api/v1/workplans?body=RSO", Ct))).EnumerateArray());
        var wgTip = await JsonAsync(await viewer.GetAsync($"/api/v1/workplans/{wgTipPlan}", Ct));

        Assert.Equal("2024–2026 Strategic Plan and Work Plan", rso.GetProperty("title").GetString());
        Assert.Equal(7, rso.GetProperty("items").GetArrayLength());
        Assert.Equal("2024–26 Forward Work Plan", wgTip.GetProperty("title").GetString());
        Assert.Equal(["Delivered", "Delivered", "Delivered", "UnderWay", "NotStarted"],
            wgTip.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("status").GetString()));
        var engagement = ItemNumbered(wgTip, 4);
        Assert.True(engagement.GetProperty("isOverridden").GetBoolean());
        Assert.Equal("NotStarted", engagement.GetProperty("followsActivities").GetString());
        Assert.Contains("Hanoi", await (await app.SignInAsync(Demo.Viewer, Demo.Password)).GetStringAsync("/activities?q=hanoi", Ct));

        // The register: the reference list's 45 + 4 members and no invented observers; the co-chairs the reference material names.
        var members = await JsonAsync(await viewer.GetAsync("/api/v1/members", Ct));
        var bodies = (await JsonAsync(await viewer.GetAsync("/api/v1/bodies", Ct))).EnumerateArray()
            .ToDictionary(b => b.GetProperty("code").GetString()!, b => b.GetProperty("coChairs").EnumerateArray().Select(c => c.GetProperty("name").GetString()!).ToList());

        Assert.Equal(45, members.EnumerateArray().Count(m => m.GetProperty("group").GetString() == "Member states and territories"));
        Assert.Equal(4, members.EnumerateArray().Count(m => m.GetProperty("group").GetString() == "Member organisations"));
        Assert.Equal(49, members.GetArrayLength());
        Assert.Equal(["Australia", "Indonesia"], bodies["WG-TIP"]);
        Assert.Equal(["New Zealand", "Viet Nam"], bodies["D-WG"]);
        Assert.Equal(["Australia", "Philippines"], bodies["TEG-RR"].Order(StringComparer.Ordinal));
        Assert.Equal(["Dr Andrew Forrest", "Mr Garibaldi Thohir"], bodies["GABF"]);
        Assert.Empty(bodies["RSO"]);
        Assert.Empty(bodies["TFPP"]);

        // The Sri Lankan secondments the statement reports, as the RSO and Sri Lanka's focal point read them.
        var byRso = await JsonAsync(await (await app.ApiClientAsync(Demo.Rso)).GetAsync("/api/v1/secondments", Ct));
        var secondment = Assert.Single(byRso.GetProperty("secondments").EnumerateArray());
        Assert.Equal(("Sri Lanka", "Department of Immigration and Emigration", "Completed", "Government of New Zealand"),
            (secondment.GetProperty("member").GetString(), secondment.GetProperty("agency").GetString(), secondment.GetProperty("status").GetString(), secondment.GetProperty("funder").GetString()));
        Assert.Equal(["Secondments from Sri Lanka's Department of Immigration and Emigration"], secondment.GetProperty("activities").EnumerateArray().Select(a => a.GetProperty("title").GetString()));
        Assert.Single((await JsonAsync(await (await app.ApiClientAsync("focal.sri-lanka@demo.scorecards.test")).GetAsync("/api/v1/secondments", Ct))).GetProperty("secondments").EnumerateArray());
        Assert.Empty((await JsonAsync(await viewer.GetAsync("/api/v1/secondments", Ct))).GetProperty("secondments").EnumerateArray());

        // Seeding and reading the demo leave EF Core nothing to warn about.
        Assert.DoesNotContain(log.Lines, l => l.Level >= Microsoft.Extensions.Logging.LogLevel.Warning && l.Category.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
    }
}
