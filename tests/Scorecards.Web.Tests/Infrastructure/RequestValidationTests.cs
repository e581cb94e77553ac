using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data.Accounts;
using static Scorecards.Web.Tests.Infrastructure.HttpJson;

namespace Scorecards.Web.Tests.Infrastructure;

/// <summary>A request's lists are bounded by the framework's validation before a handler looks anything up.</summary>
public sealed class RequestValidationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AMeetingNamingMoreAttendeesThanTheLimit_IsAValidationProblem_OnThatField_AndNothingIsStored()
    {
        await using var app = await TestApp.StartAsync(demo: false);
        await app.Given.MemberAsync("Fiji");
        await app.Given.AccountAsync("admin@example.org", Roles.Administrator);
        var api = await app.ApiClientAsync("admin@example.org");
        object Meeting(int attendees) => new { title = "Ad Hoc Group SOM", kind = "AdHocGroupSom", startDate = "2025-02-11", attendees = Enumerable.Repeat("Fiji", attendees) };

        var over = await api.PostAsJsonAsync("/api/v1/meetings", Meeting(201), Ct);
        var problem = await JsonAsync(over);
        var atLimit = await api.PostAsJsonAsync("/api/v1/meetings", Meeting(200), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, over.StatusCode);
        Assert.Equal("validation", problem.GetProperty("code").GetString());
        Assert.Equal(["The list holds more than 200 items, the most it may."],
            problem.GetProperty("errors").GetProperty("attendees").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(HttpStatusCode.Created, atLimit.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Meetings.CountAsync(Ct)));
    }
}
