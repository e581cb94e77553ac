using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Scorecards.Data.Accounts;
using Scorecards.Domain.Activities;
using Scorecards.Web.Tests.Infrastructure;
using static Scorecards.Web.Tests.Infrastructure.HttpJson;

namespace Scorecards.Web.Tests.Activities;

/// <summary>An activity's dates are as precise as their source: a month stays a month in pages, files and the round's gaps.</summary>
public sealed class DatePrecisionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Reporter = "reporter@example.org";

    private static async Task<TestApp> StartAsync()
    {
        var app = await TestApp.StartAsync(demo: false, clock: new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero)));
        await app.Given.BodyAsync("WG-TIP");
        await app.Given.FrameworkAsync(("LE-1", ["WG-TIP"]));
        await app.Given.AccountAsync(Reporter, Roles.Reporter, body: "WG-TIP");
        return app;
    }

    [Fact]
    public async Task MonthFromTheApi_IsStoredAsTheMonth_AndReadsAsItInPagesAndFiles()
    {
        await using var app = await StartAsync();
        var api = await app.ApiClientAsync(Reporter);

        var created = await api.PostAsJsonAsync("/api/v1/activities", new
        {
            title = "WG-TIP 10th Annual Meeting",
            kind = "Meeting",
            startDate = "2024-11-14",
            datePrecision = "month",
            city = "Bangkok",
            leadBody = "WG-TIP",
        }, Ct);
        var bad = await api.PostAsJsonAsync("/api/v1/activities", new { title = "T", kind = "Meeting", startDate = "2024-11-14", datePrecision = "fortnight", leadBody = "WG-TIP" }, Ct);
        var monthWithEnd = await api.PostAsJsonAsync("/api/v1/activities", new { title = "T", kind = "Meeting", startDate = "2024-11-01", endDate = "2024-12-15", datePrecision = "month", leadBody = "WG-TIP" }, Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await JsonAsync(created);
        Assert.Equal(("2024-11-01", "2024-11-30", "Month", "November 2024"),
            (body.GetProperty("startDate").GetString(), body.GetProperty("endDate").GetString(), body.GetProperty("datePrecision").GetString(), body.GetProperty("dates").GetString()));
        Assert.Equal("'fortnight' is not a date precision; use day, days, month, quarter, year or undated.", (await JsonAsync(bad)).GetProperty("errors").GetProperty("datePrecision")[0].GetString());
        Assert.StartsWith("A month ends on 2024-11-30", (await JsonAsync(monthWithEnd)).GetProperty("errors").GetProperty("endDate")[0].GetString());

        var list = await (await app.SignInAsync(Reporter, Given.Password)).GetStringAsync("/activities?from=2024-01-01", Ct);
        Assert.Contains("<td data-label=\"Dates\">November 2024</td>", list);
        var csv = await api.GetStringAsync("/api/v1/activities/export?format=csv", Ct);
        Assert.Contains("WG-TIP 10th Annual Meeting,Meeting,2024-11-01,2024-11-30,month,Bangkok", csv);

        // The exported file reads back unchanged, precision included.
        var roundTrip = await JsonAsync(await api.PostAsync("/api/v1/activities/import?dryRun=true", new ByteArrayContent(Encoding.UTF8.GetBytes(csv))
        {
            Headers = { ContentType = new("text/csv") },
        }, Ct));
        Assert.Equal((1, 0), (roundTrip.GetProperty("unchanged").GetInt32(), roundTrip.GetProperty("rejected").GetInt32()));
    }

    [Fact]
    public async Task ImportedQuarterAndUndated_ReadAsTheyAreKnown()
    {
        await using var app = await StartAsync();
        var api = await app.ApiClientAsync(Reporter);
        var csv = "Title,Kind,Start date,End date,Date precision,Lead body,Status\n"
            + "WG-TIP 11th Annual Meeting,Meeting,2025-10-01,,quarter,WG-TIP,planned\n"
            + "Research on forced marriage,Research,2024-12-01,2025-05-21,undated,WG-TIP,delivered\n"
            + "Bad,Meeting,2025-10-01,,semester,WG-TIP,planned\n";

        var refused = await JsonAsync(await api.PostAsync("/api/v1/activities/import", new ByteArrayContent(Encoding.UTF8.GetBytes(csv)) { Headers = { ContentType = new("text/csv") } }, Ct));
        var applied = await api.PostAsync("/api/v1/activities/import", new ByteArrayContent(Encoding.UTF8.GetBytes(csv[..csv.LastIndexOf("Bad,", StringComparison.Ordinal)]))
        {
            Headers = { ContentType = new("text/csv") },
        }, Ct);
        var list = await JsonAsync(await api.GetAsync("/api/v1/activities?from=2024-01-01", Ct));

        Assert.Equal("Date precision", refused.GetProperty("preview").GetProperty("rejections")[0].GetProperty("column").GetString());
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        var dates = list.GetProperty("activities").EnumerateArray().ToDictionary(a => a.GetProperty("title").GetString()!, a => a.GetProperty("dates").GetString());
        Assert.Equal("Q4 2025", dates["WG-TIP 11th Annual Meeting"]);
        Assert.Equal("date not recorded", dates["Research on forced marriage"]);
    }

    [Fact]
    public async Task PlannedActivitiesWhoseDatesHavePassed_AreGapsOfTheRound()
    {
        await using var app = await StartAsync();
        var round = await app.Given.RoundAsync("19th AHG SOM, 2026", new(2025, 5, 22), new(2026, 5, 20), new(2026, 2, 1), new(2026, 4, 1));
        await app.Given.ActivityAsync("WG-TIP", "WG-TIP 2025 annual events", DatePrecision.Year, new(2025, 1, 1), status: ActivityStatus.Planned);
        await app.Given.ActivityAsync("WG-TIP", "WG-TIP webinar", DatePrecision.Day, new(2026, 2, 20), status: ActivityStatus.Delivered);
        await app.Given.ActivityAsync("WG-TIP", "WG-TIP 11th Annual Meeting", DatePrecision.Month, new(2026, 4, 1), status: ActivityStatus.Planned);
        var api = await app.ApiClientAsync(Reporter);

        var summary = await JsonAsync(await api.GetAsync($"/api/v1/rounds/{round.Id}/summary", Ct));
        var page = await (await app.SignInAsync(Reporter, Given.Password)).GetStringAsync($"/rounds/{round.Id}", Ct);

        var overdue = summary.GetProperty("gaps").GetProperty("overduePlannedActivities").EnumerateArray().ToList();
        Assert.Equal("WG-TIP 2025 annual events", Assert.Single(overdue).GetProperty("title").GetString());
        Assert.Equal("2025", overdue[0].GetProperty("dates").GetString());
        Assert.Contains("WG-TIP 2025 annual events</a> (WG-TIP, 2025): still marked planned", System.Text.RegularExpressions.Regex.Replace(page, @"\s+", " "));
    }
}
