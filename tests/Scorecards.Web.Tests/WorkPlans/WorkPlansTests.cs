using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data.Accounts;
using Scorecards.Domain.Activities;
using Scorecards.Web.Tests.Infrastructure;
using static Scorecards.Web.Tests.Infrastructure.HttpJson;

namespace Scorecards.Web.Tests.WorkPlans;

public sealed class WorkPlansTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string WgTip = "tip@example.org";
    private const string Rso = "rso@example.org";

    /// <summary>WG-TIP's and RSO's plans for 2024–2026, each with one item, and a reporter for each body.</summary>
    private static async Task<(TestApp App, int WgTipPlan, int WgTipItem, int RsoPlan)> PlansAsync()
    {
        var app = await TestApp.StartAsync(demo: false);
        await app.Given.BodyAsync("WG-TIP");
        await app.Given.BodyAsync("RSO");
        await app.Given.FrameworkAsync(("IS-3", ["WG-TIP"]), ("LE-3", ["RSO"]));
        await app.Given.AccountAsync(WgTip, Roles.Reporter, body: "WG-TIP");
        await app.Given.AccountAsync(Rso, Roles.Reporter, body: "RSO");
        async Task<(int Plan, int Item)> PlanAsync(string email, string body, string objective)
        {
            var api = await app.ApiClientAsync(email);
            var plan = await JsonAsync(await api.PostAsJsonAsync("/api/v1/workplans",
                new { body, title = "2024–26 Forward Work Plan", startDate = "2024-01-01", endDate = "2026-12-31" }, Ct));
            var id = plan.GetProperty("id").GetInt32();
            var withItem = await JsonAsync(await api.PostAsJsonAsync($"/api/v1/workplans/{id}/items",
                new { title = "2025 annual events", targetStart = "2025-07-01", targetEnd = "2025-12-31", objectives = new[] { objective } }, Ct));
            return (id, ItemNumbered(withItem, 1).GetProperty("id").GetInt32());
        }

        var (wgTipPlan, wgTipItem) = await PlanAsync(WgTip, "WG-TIP", "IS-3");
        var (rsoPlan, _) = await PlanAsync(Rso, "RSO", "LE-3");
        return (app, wgTipPlan, wgTipItem, rsoPlan);
    }

    /// <summary>Records WG-TIP's 11th Annual Meeting (10 November 2025) and lists it as what the plan's item delivers.</summary>
    private static async Task<int> LinkedActivityAsync(TestApp app, int planId, int itemId)
    {
        var activity = await app.Given.ActivityAsync("WG-TIP", "WG-TIP 11th Annual Meeting", DatePrecision.Day, new DateOnly(2025, 11, 10), objectives: ["IS-3"]);
        var linked = await (await app.ApiClientAsync(WgTip)).PutAsJsonAsync($"/api/v1/workplans/{planId}/items/{itemId}",
            new { title = "2025 annual events", targetStart = "2025-07-01", targetEnd = "2025-12-31", objectives = new[] { "IS-3" }, activities = new[] { activity } }, Ct);
        Assert.Equal(HttpStatusCode.OK, linked.StatusCode);
        return activity;
    }

    private static JsonElement ItemNumbered(JsonElement plan, int number) =>
        plan.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("number").GetInt32() == number);

    [Fact]
    public async Task ItemStatus_FollowsItsActivities_UntilSetByHandWithAReason()
    {
        var (app, planId, itemId, _) = await PlansAsync();
        await using var _ = app;
        var reporter = await app.ApiClientAsync(WgTip);
        var created = await JsonAsync(await reporter.PostAsJsonAsync("/api/v1/activities", new
        {
            title = "WG-TIP 11th Annual Meeting",
            kind = "Meeting",
            startDate = "2025-11-10",
            leadBody = "WG-TIP",
            objectives = new[] { "IS-3" },
            status = "planned",
        }, Ct));
        var activityId = created.GetProperty("id").GetInt32();
        object Item(int[] activities) => new { title = "2025 annual events", targetStart = "2025-07-01", targetEnd = "2025-12-31", objectives = new[] { "IS-3" }, activities };

        var planned = await JsonAsync(await reporter.PutAsJsonAsync($"/api/v1/workplans/{planId}/items/{itemId}", Item([activityId]), Ct));
        await reporter.PutAsJsonAsync($"/api/v1/activities/{activityId}", new
        {
            title = "WG-TIP 11th Annual Meeting",
            kind = "Meeting",
            startDate = "2025-11-10",
            leadBody = "WG-TIP",
            objectives = new[] { "IS-3" },
            status = "delivered",
        }, Ct);
        var delivered = await JsonAsync(await reporter.GetAsync($"/api/v1/workplans/{planId}", Ct));
        var noReason = await reporter.PostAsJsonAsync($"/api/v1/workplans/{planId}/items/{itemId}/status", new { status = "dropped" }, Ct);
        var dropped = await JsonAsync(await reporter.PostAsJsonAsync($"/api/v1/workplans/{planId}/items/{itemId}/status", new { status = "dropped", reason = "Merged into the 2026 events." }, Ct));
        var auto = await JsonAsync(await reporter.PostAsJsonAsync($"/api/v1/workplans/{planId}/items/{itemId}/status", new { status = "auto" }, Ct));

        Assert.Equal("UnderWay", ItemNumbered(planned, 1).GetProperty("status").GetString());
        Assert.Equal("Delivered", ItemNumbered(delivered, 1).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(["Say why the item is 'Dropped' although its activities say otherwise."],
            (await JsonAsync(noReason)).GetProperty("errors").GetProperty("reason").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("Dropped", ItemNumbered(dropped, 1).GetProperty("status").GetString());
        Assert.Equal("Merged into the 2026 events.", ItemNumbered(dropped, 1).GetProperty("overrideReason").GetString());
        Assert.Equal("Delivered", ItemNumbered(auto, 1).GetProperty("status").GetString());
        Assert.False(ItemNumbered(auto, 1).GetProperty("isOverridden").GetBoolean());
    }

    [Fact]
    public async Task Reporters_ChangeOnlyTheirOwnBodysPlans_AndLinkOnlyTheirOwnActivities()
    {
        var (app, ownPlan, _, rsoPlan) = await PlansAsync();
        await using var _ = app;
        var reporter = await app.ApiClientAsync(WgTip);
        var rsoActivity = await app.Given.ActivityAsync("RSO", "Regional workshop on irregular migration", DatePrecision.Day, new DateOnly(2025, 3, 4));
        object NewItem(int[] activities) => new { title = "Regional dialogue", targetStart = "2025-01-01", targetEnd = "2025-06-30", activities };

        var otherBody = await reporter.PostAsJsonAsync($"/api/v1/workplans/{rsoPlan}/items", NewItem([]), Ct);
        var otherActivity = await reporter.PostAsJsonAsync($"/api/v1/workplans/{ownPlan}/items", NewItem([rsoActivity]), Ct);
        var outside = await reporter.PostAsJsonAsync($"/api/v1/workplans/{ownPlan}/items", new { title = "Too early", targetStart = "2023-01-01", targetEnd = "2023-06-30" }, Ct);
        var newPlan = await reporter.PostAsJsonAsync("/api/v1/workplans", new { body = "RSO", title = "Another plan", startDate = "2027-01-01", endDate = "2029-12-31" }, Ct);
        var ownNew = await reporter.PostAsJsonAsync("/api/v1/workplans", new { body = "WG-TIP", title = "2027–29 Forward Work Plan", startDate = "2027-01-01", endDate = "2029-12-31" }, Ct);
        var added = await JsonAsync(await reporter.PostAsJsonAsync($"/api/v1/workplans/{ownPlan}/items", NewItem([]), Ct));

        Assert.Equal(HttpStatusCode.Forbidden, otherBody.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, otherActivity.StatusCode);
        Assert.Contains("is led by another body", await otherActivity.Content.ReadAsStringAsync(Ct));
        Assert.Contains("must lie within the plan", await outside.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Forbidden, newPlan.StatusCode);
        Assert.Equal(HttpStatusCode.Created, ownNew.StatusCode);
        Assert.Equal(["2025 annual events", "Regional dialogue"], added.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()));
        Assert.Equal(2, ItemNumbered(added, 2).GetProperty("number").GetInt32());
        var rsoItemPage = await (await app.SignInAsync(WgTip, Given.Password)).GetAsync($"/workplans/{rsoPlan}/items/new", Ct);
        Assert.StartsWith("/account/denied", rsoItemPage.Headers.Location?.PathAndQuery);
    }

    [Fact]
    public async Task Pages_ShowTheTimeline_AndTheItemFormSavesAnOverride()
    {
        var (app, planId, itemId, _) = await PlansAsync();
        await using var _ = app;
        await LinkedActivityAsync(app, planId, itemId);
        var reporter = await app.SignInAsync(WgTip, Given.Password);

        var index = WebUtility.HtmlDecode(await reporter.GetStringAsync("/workplans", Ct));
        var rejected = await TestApp.PostFormAsync(reporter, $"/workplans/{planId}/items/{itemId}", new Dictionary<string, string>
        {
            ["Title"] = "2025 annual events",
            ["TargetStart"] = "2025-07-01",
            ["TargetEnd"] = "2025-12-31",
            ["Status"] = "Dropped",
            ["Reason"] = "",
        });
        var saved = await TestApp.PostFormAsync(reporter, $"/workplans/{planId}/items/{itemId}", new Dictionary<string, string>
        {
            ["Title"] = "2025 annual events",
            ["TargetStart"] = "2025-07-01",
            ["TargetEnd"] = "2025-12-31",
            ["Status"] = "Dropped",
            ["Reason"] = "Funding ended.",
        });
        var details = await reporter.GetStringAsync($"/workplans/{planId}", Ct);

        Assert.Contains("<title id=\"timeline-", index);
        Assert.Contains("WG-TIP 2024–26 Forward Work Plan: planned against delivered", index);
        Assert.Contains("RSO 2024–26 Forward Work Plan: planned against delivered", index);
        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("set by hand: Funding ended.", details);
        // Saving the item without ticking its activity unlinked it; the override still says why it is dropped.
        Assert.Equal(0, await app.WithDbAsync(db => db.WorkPlanItems.Where(i => i.Id == itemId).SelectMany(i => i.Activities).CountAsync(Ct)));
    }

    [Fact]
    public async Task Plan_ChangesFromApiAndPage_WithinItsItems_AndAnActivityShowsWhatItDelivers()
    {
        var (app, planId, itemId, _) = await PlansAsync();
        await using var _ = app;
        var research = await LinkedActivityAsync(app, planId, itemId);
        var reporter = await app.ApiClientAsync(WgTip);

        var renamed = await reporter.PutAsJsonAsync($"/api/v1/workplans/{planId}",
            new { title = "2024–26 Forward Work Plan (revised)", startDate = "2024-11-01", endDate = "2026-12-31", description = "Revised at the 11th Annual Meeting." }, Ct);
        var byOther = await (await app.ApiClientAsync(Rso)).PutAsJsonAsync($"/api/v1/workplans/{planId}",
            new { title = "Taken over", startDate = "2024-11-01", endDate = "2026-12-31" }, Ct);
        var page = await app.SignInAsync(WgTip, Given.Password);
        var shrunk = await TestApp.PostFormAsync(page, $"/workplans/{planId}", new Dictionary<string, string>
        {
            ["Title"] = "2024–26 Forward Work Plan",
            ["StartDate"] = "2025-09-01",
            ["EndDate"] = "2026-12-31",
        });
        var activityPage = System.Net.WebUtility.HtmlDecode(await page.GetStringAsync($"/activities/{research}", Ct));

        Assert.Equal("2024–26 Forward Work Plan (revised)", (await JsonAsync(renamed)).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, byOther.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, shrunk.StatusCode);
        Assert.Contains("Some items' target periods fall outside that period", System.Net.WebUtility.HtmlDecode(await shrunk.Content.ReadAsStringAsync(Ct)));
        Assert.Contains("WG-TIP 2024–26 Forward Work Plan (revised), item 1", activityPage);
        Assert.Equal(new DateOnly(2024, 11, 1), await app.WithDbAsync(db => db.WorkPlans.Where(p => p.Id == planId).Select(p => p.StartDate).SingleAsync(Ct)));
    }
}
