using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Scorecards.Web.Infrastructure.Spreadsheets;
using Scorecards.Web.Tests.Infrastructure;
using static Scorecards.Web.Tests.Infrastructure.HttpJson;
using static Scorecards.Web.Tests.Security.HostileFiles;

namespace Scorecards.Web.Tests.Security;

/// <summary>Hostile files sent to the two uploads a reporter can reach: refused with a reason, never a server error, nothing saved.</summary>
public sealed class HostileUploadTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ByteArrayContent Body(byte[] content, string type)
    {
        var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue(type);
        return body;
    }

    private static byte[] SharedStringBomb() => Workbook(w => w.Write(Row(1, ("A1", "Title"))), w =>
    {
        w.Write("<si><t>");
        Repeat(w, new string('x', 1024), 100 * 1024);
        w.Write("</t></si>");
    });

    private static async Task<(TestApp App, int Scorecard)> StartAsync()
    {
        var app = await TestApp.StartAsync(demo: false);
        await app.Given.BodyAsync("WG-TIP");
        await app.Given.FrameworkAsync(("LE-1", ["WG-TIP"]));
        var round = await app.Given.RoundAsync("2026 round", new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30), new DateOnly(2026, 7, 1), new DateOnly(2026, 8, 31));
        await app.Given.AccountAsync("reporter@example.org", "Reporter", body: "WG-TIP");
        return (app, await app.Given.ScorecardIdAsync(round.Id, "WG-TIP"));
    }

    [Fact]
    public async Task ActivitiesImport_WorkbookBomb_IsRejectedWithTheLimit_AndNothingIsSaved()
    {
        var (app, _) = await StartAsync();
        await using var _app = app;
        var reporter = await app.ApiClientAsync("reporter@example.org");

        var preview = await reporter.PostAsync("/api/v1/activities/import?dryRun=true", Body(SharedStringBomb(), UploadedSheet.XlsxType), Ct);
        var apply = await reporter.PostAsync("/api/v1/activities/import", Body(SharedStringBomb(), UploadedSheet.XlsxType), Ct);

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.StartsWith("The workbook unzips to more than 50 MB", (await JsonAsync(preview)).GetProperty("rejections")[0].GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, apply.StatusCode);
        Assert.Equal("import.rejected", (await JsonAsync(apply)).GetProperty("code").GetString());
        Assert.Equal(0, await app.WithDbAsync(db => db.Activities.CountAsync(Ct)));
    }

    [Theory]
    [MemberData(nameof(UploadedSheetLimitTests.BadCsv), MemberType = typeof(UploadedSheetLimitTests))]
    public async Task ActivitiesImport_BadCsv_IsRejectedThroughTheApi_NamingTheLine(string what, byte[] content, string expected)
    {
        var (app, _) = await StartAsync();
        await using var _app = app;
        var reporter = await app.ApiClientAsync("reporter@example.org");

        var response = await reporter.PostAsync("/api/v1/activities/import", Body(content, UploadedSheet.CsvType), Ct);
        var problem = await JsonAsync(response);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("import.rejected", problem.GetProperty("code").GetString());
        Assert.StartsWith(expected, problem.GetProperty("preview").GetProperty("rejections")[0].GetProperty("reason").GetString());
        Assert.False(string.IsNullOrEmpty(what));
        Assert.Equal(0, await app.WithDbAsync(db => db.Activities.CountAsync(Ct)));
    }

    [Fact]
    public async Task ImportPage_TakesAFileLargerThanTheServersUsualBodyLimit_UpToItsOwn()
    {
        var (app, _) = await StartAsync();
        await using var _app = app;
        var reporter = await app.SignInAsync("reporter@example.org", Given.Password);
        var rows = string.Concat(Enumerable.Range(1, 40_000).Select(i => $"Workshop number {i} on the regional response,Workshop,2025-09-01,WG-TIP\n"));
        var file = System.Text.Encoding.UTF8.GetBytes("Title,Kind,Start date,Lead body\n" + rows);

        var response = await TestApp.PostFileAsync(reporter, "/activities/import/upload", "/activities/import", "plan.csv", file);

        Assert.True(file.Length > 2 * 1024 * 1024);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("more than 20,000 rows", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task ActivitiesImport_BodyOverTheLimit_Is413WithTheLimit()
    {
        var (app, _) = await StartAsync();
        await using var _app = app;
        var reporter = await app.ApiClientAsync("reporter@example.org");

        var response = await reporter.PostAsync("/api/v1/activities/import?dryRun=true", Body(new byte[(10 * 1024 * 1024) + 1], UploadedSheet.CsvType), Ct);
        var problem = await JsonAsync(response);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("too-large", problem.GetProperty("code").GetString());
        Assert.Equal(10 * 1024 * 1024, problem.GetProperty("limitBytes").GetInt64());
    }

    [Fact]
    public async Task OfflineUpload_WorkbookBomb_IsRejected_AndTheScorecardIsUnchanged()
    {
        var (app, scorecard) = await StartAsync();
        await using var _app = app;
        var reporter = await app.ApiClientAsync("reporter@example.org");
        var before = await app.WithDbAsync(db => db.Entries.Select(e => e.Version).SumAsync(Ct));

        var preview = await reporter.PostAsync($"/api/v1/scorecards/{scorecard}/offline?dryRun=true", Body(SharedStringBomb(), UploadedSheet.XlsxType), Ct);
        var tooLarge = await reporter.PostAsync($"/api/v1/scorecards/{scorecard}/offline", Body(new byte[(2 * 1024 * 1024) + 1], UploadedSheet.XlsxType), Ct);

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.StartsWith("The workbook unzips to more than 50 MB", (await JsonAsync(preview)).GetProperty("rejections")[0].GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal("too-large", (await JsonAsync(tooLarge)).GetProperty("code").GetString());
        Assert.Equal(before, await app.WithDbAsync(db => db.Entries.Select(e => e.Version).SumAsync(Ct)));
    }

    [Fact]
    public async Task JsonBodyOverTheServerLimit_Is413ProblemDetails_NotAServerError()
    {
        var (app, scorecard) = await StartAsync();
        await using var _app = app;
        var reporter = await app.ApiClientAsync("reporter@example.org");
        var json = "{\"progress\": \"" + new string('a', 2 * 1024 * 1024) + "\"}";

        var response = await reporter.PutAsync($"/api/v1/scorecards/{scorecard}/entries/LE-1", new StringContent(json, System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("too-large", (await JsonAsync(response)).GetProperty("code").GetString());
    }
}
