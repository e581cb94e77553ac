using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Scorecards.Web.Tests.Infrastructure;
using static Scorecards.Web.Tests.Infrastructure.HttpJson;

namespace Scorecards.Web.Tests.Security;

/// <summary>Faults answered properly: problem details with a trace id for the API, the error page for people, and text no database can store refused up front.</summary>
public sealed class FaultTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnUnhandledError_IsProblemDetailsWithATraceIdOnTheApi_AndTheErrorPageForPeople()
    {
        await using var app = await TestApp.StartAsync(demo: false);
        await app.Given.BodyAsync("WG-TIP");
        await app.Given.AccountAsync("admin@example.org", "Administrator");
        var api = await app.ApiClientAsync("admin@example.org");
        var browser = await app.SignInAsync("admin@example.org", Given.Password);
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("ALTER TABLE \"Bodies\" RENAME TO \"Gone\"", Ct));

        var fromApi = await api.GetAsync("/api/v1/bodies", Ct);
        var fromPage = await browser.GetAsync("/admin/bodies", Ct);

        Assert.Equal(HttpStatusCode.InternalServerError, fromApi.StatusCode);
        Assert.Equal("application/problem+json", fromApi.Content.Headers.ContentType?.MediaType);
        var problem = await JsonAsync(fromApi);
        Assert.Equal("server-error", problem.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("traceId").GetString()));
        Assert.DoesNotContain("no such table", await fromApi.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.InternalServerError, fromPage.StatusCode);
        Assert.Contains("Something went wrong", await fromPage.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task ControlCharacters_InJsonOrAForm_AreRefusedNamingTheField_AndNothingIsStored()
    {
        await using var app = await TestApp.StartAsync(demo: false);
        await app.Given.BodyAsync("WG-TIP");
        await app.Given.AccountAsync("admin@example.org", "Administrator");
        var api = await app.ApiClientAsync("admin@example.org");
        var browser = await app.SignInAsync("admin@example.org", Given.Password);

        var json = await api.PostAsJsonAsync("/api/v1/activities", new { title = "Work\u0000shop", kind = "Workshop", startDate = "2025-09-01", leadBody = "WG-TIP" }, Ct);
        var form = await TestApp.PostFormAsync(browser, "/activities/new", new Dictionary<string, string>
        {
            ["Form.Title"] = "Work\u0007shop",
            ["Form.Kind"] = "Workshop",
            ["Form.StartDate"] = "2025-09-01",
        });
        var nul = await TestApp.PostFormAsync(browser, "/activities/new", new Dictionary<string, string> { ["Form.Title"] = "Work\u0000shop" });

        Assert.Equal(HttpStatusCode.BadRequest, json.StatusCode);
        var problem = await JsonAsync(json);
        Assert.Equal("bad-json", problem.GetProperty("code").GetString());
        Assert.Contains("at $.title", problem.GetProperty("detail").GetString());
        Assert.Contains("U+0000", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, form.StatusCode);
        Assert.Contains("The field 'Title' holds the control character U+0007", WebUtility.HtmlDecode(await form.Content.ReadAsStringAsync(Ct)));
        Assert.Equal(HttpStatusCode.BadRequest, nul.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Activities.CountAsync(Ct)));
    }
}
