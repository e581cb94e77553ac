using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data.Accounts;
using Scorecards.Web.Tests.Infrastructure;
using static Scorecards.Web.Tests.Infrastructure.HttpJson;

namespace Scorecards.Web.Tests.WorkPlans;

/// <summary>A work plan changes through one operation: the page and the API refuse the same things in the same words.</summary>
public sealed class WorkPlanChangeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(TestApp App, int PlanId)> PlanWithAnItemAsync()
    {
        var app = await TestApp.StartAsync(demo: false);
        await app.Given.BodyAsync("WG-TIP");
        await app.Given.BodyAsync("RSO");
        await app.Given.FrameworkAsync(("IS-3", ["WG-TIP"]));
        await app.Given.AccountAsync("tip@example.org", Roles.Reporter, body: "WG-TIP");
        await app.Given.AccountAsync("rso@example.org", Roles.Reporter, body: "RSO");
        var reporter = await app.ApiClientAsync("tip@example.org");
        var plan = await JsonAsync(await reporter.PostAsJsonAsync("/api/v1/workplans",
            new { body = "WG-TIP", title = "2024–26 Forward Work Plan", startDate = "2024-01-01", endDate = "2026-12-31" }, Ct));
        var id = plan.GetProperty("id").GetInt32();
        var item = await reporter.PostAsJsonAsync($"/api/v1/workplans/{id}/items",
            new { title = "Regional workshop", targetStart = "2024-07-01", targetEnd = "2024-12-31", objectives = new[] { "IS-3" } }, Ct);
        Assert.Equal(HttpStatusCode.OK, item.StatusCode);
        return (app, id);
    }

    [Fact]
    public async Task ShorteningThePlanPastAnItemsTarget_IsRefused_ByTheApiAndThePageAlike_AndNothingChanges()
    {
        var (app, id) = await PlanWithAnItemAsync();
        await using var _ = app;
        const string Said = "Some items&#x27; target periods fall outside that period; change them first.";

        var api = await (await app.ApiClientAsync("tip@example.org")).PutAsJsonAsync($"/api/v1/workplans/{id}",
            new { title = "2025–26 Forward Work Plan", startDate = "2025-01-01", endDate = "2026-12-31" }, Ct);
        var problem = await JsonAsync(api);
        var page = await TestApp.PostFormAsync(await app.SignInAsync("tip@example.org", Given.Password), $"/workplans/{id}", new Dictionary<string, string>
        {
            ["Title"] = "2025–26 Forward Work Plan",
            ["StartDate"] = "2025-01-01",
            ["EndDate"] = "2026-12-31",
        });

        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Equal("workplan.invalid", problem.GetProperty("code").GetString());
        Assert.Equal([WebUtility.HtmlDecode(Said)], problem.GetProperty("errors").GetProperty("startDate").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains(Said, await page.Content.ReadAsStringAsync(Ct));
        var stored = await app.WithDbAsync(db => db.WorkPlans.SingleAsync(p => p.Id == id, Ct));
        Assert.Equal(("2024–26 Forward Work Plan", new DateOnly(2024, 1, 1)), (stored.Title, stored.StartDate));
    }

    [Fact]
    public async Task AnotherBodysReporter_IsForbidden_ThePlanAndItsItems_OnThePageAndInTheApi()
    {
        var (app, id) = await PlanWithAnItemAsync();
        await using var _ = app;
        var itemId = await app.WithDbAsync(db => db.WorkPlanItems.Where(i => i.WorkPlanId == id).Select(i => i.Id).SingleAsync(Ct));
        var api = await app.ApiClientAsync("rso@example.org");
        var browser = await app.SignInAsync("rso@example.org", Given.Password);

        var change = await api.PutAsJsonAsync($"/api/v1/workplans/{id}", new { title = "Taken over", startDate = "2024-01-01", endDate = "2026-12-31" }, Ct);
        var status = await api.PostAsJsonAsync($"/api/v1/workplans/{id}/items/{itemId}/status", new { status = "dropped", reason = "No." }, Ct);
        var itemPage = await browser.GetAsync($"/workplans/{id}/items/{itemId}", Ct);
        var planPage = await browser.GetStringAsync($"/workplans/{id}", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, change.StatusCode);
        Assert.Equal("forbidden", (await JsonAsync(change)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, status.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, itemPage.StatusCode);
        Assert.Equal("/account/denied", itemPage.Headers.Location?.AbsolutePath);
        Assert.DoesNotContain("Add an item", planPage);
        Assert.Equal("2024–26 Forward Work Plan", await app.WithDbAsync(db => db.WorkPlans.Where(p => p.Id == id).Select(p => p.Title).SingleAsync(Ct)));
    }
}
