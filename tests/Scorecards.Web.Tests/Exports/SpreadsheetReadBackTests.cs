using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Scorecards.Domain.Activities;
using Scorecards.Domain.Scorecards;
using Scorecards.Web.Infrastructure.Spreadsheets;
using Scorecards.Web.Tests.Infrastructure;
using static Scorecards.Web.Tests.Infrastructure.HttpJson;

namespace Scorecards.Web.Tests.Exports;

/// <summary>The workbooks the product writes open in a spreadsheet library that shares no code with it, and read as their CSV twins.</summary>
public sealed class SpreadsheetReadBackTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OfflineWorkbook_OpensInOpenpyxlAndExcelJs_AndAWorkbookOpenpyxlSaved_IsCheckedByObjectiveAndApplied()
    {
        if (!await Openpyxl.AvailableAsync() || !ExcelJs.Available())
        {
            return;
        }

        await using var world = await World.StartAsync();
        var app = world.App;
        var wgTip = await world.ScorecardAsync("WG-TIP");
        await app.Given.RateAsync(wgTip, "LE-1", Completion.Substantial, "Held the annual meeting in Hanoi.");
        var reporter = await world.ApiAsync(World.WgTip);

        var downloaded = await (await reporter.GetAsync($"/api/v1/scorecards/{wgTip}/offline", Ct)).Content.ReadAsByteArrayAsync(Ct);
        var book = await Openpyxl.ReadAsync(downloaded);

        Assert.Equal(["Scorecard", "About"], book.Keys);
        var sheet = book["Scorecard"];
        Assert.Equal(["Objective", "Objective title", "Completion", "Not applicable because", "Trajectory", "Effect", "Progress", "Challenges",
            "Support needed", "Next steps", "Version"], sheet.Rows[0]);
        Assert.Equal(["LE-1", "VM-1", "VM-2"], sheet.Rows.Skip(1).Select(r => r[0]));
        var le1 = sheet.Rows[1];
        Assert.Equal(("Objective LE-1", Completion.Substantial.Label(), "Held the annual meeting in Hanoi."), (le1[1], le1[2], le1[6]));
        Assert.Equal("A2", sheet.Frozen);
        var completion = Assert.Single(sheet.Lists, l => l.Range.StartsWith("C2:", StringComparison.Ordinal));
        Assert.All(Ratings.CompletionDisplayOrder, c => Assert.Contains(c.Label(), completion.Formula));
        Assert.Contains(["Template", "Scorecards offline scorecard, version 1"], book["About"].Rows);
        var byExcelJs = await ExcelJs.ReadAsync(downloaded);
        Assert.Equal(sheet.Rows, byExcelJs["Scorecard"]);

        // Saved by another program with two cells wrong: each is named by its objective and column, and nothing is saved.
        var wrong = await Openpyxl.EditAsync(downloaded, ("Scorecard", "C3", "Mostly done"), ("Scorecard", "E4", "Sideways"), ("Scorecard", "G2", "Changed."));
        var refused = await UploadAsync(reporter, wgTip, wrong);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var rejections = (await JsonAsync(refused)).GetProperty("preview").GetProperty("rejections").EnumerateArray()
            .Select(r => (r.GetProperty("record").GetString(), r.GetProperty("column").GetString())).ToList();
        Assert.Equal([("VM-1", "Completion"), ("VM-2", "Trajectory")], rejections);
        Assert.Equal("Held the annual meeting in Hanoi.", await ProgressAsync(app, wgTip, "LE-1"));

        var right = await Openpyxl.EditAsync(downloaded, ("Scorecard", "C3", Completion.Complete.Label()), ("Scorecard", "G3", "Written in a spreadsheet program."));
        var applied = await UploadAsync(reporter, wgTip, right);

        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        Assert.Equal("Written in a spreadsheet program.", await ProgressAsync(app, wgTip, "VM-1"));
    }

    [Fact]
    public async Task EveryXlsxExport_OpensInOpenpyxlAndExcelJs_WithTheSameCellsAsItsCsv()
    {
        if (!await Openpyxl.AvailableAsync() || !ExcelJs.Available())
        {
            return;
        }

        await using var world = await World.StartAsync(lastRound: true);
        var app = world.App;
        await app.Given.ActivityAsync("WG-TIP", "WG-TIP 10th Annual Meeting", DatePrecision.Days, new(2025, 11, 4), new(2025, 11, 6), city: "Bangkok",
            member: "Viet Nam", objectives: ["LE-1"]);
        var admin = await world.ApiAsync(World.Admin);
        var vietNam = await app.WithDbAsync(db => db.Members.Where(m => m.Name == "Viet Nam").Select(m => m.Id).SingleAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/v1/bodies/WG-TIP/seats", new { memberId = vietNam, from = "2025-05-21" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await (await world.ApiAsync(World.Viewer)).PostAsJsonAsync("/api/v1/secondments", new
        {
            agency = "Ministry of Public Security",
            areaOfWork = "Investigations into online scam centres.",
            focusAreas = new[] { "LE" },
            nomineeName = "Ms N. Tran",
        }, Ct)).StatusCode);
        var anonymous = app.CreateClient();
        var last = world.LastRound!.Id;
        var exports = new (HttpClient Client, string Path)[]
        {
            (admin, $"/api/v1/rounds/{last}/export"),
            (admin, $"/api/v1/rounds/{world.Round.Id}/export?include=all&"),
            (anonymous, $"/api/v1/public/rounds/{last}/export"),
            (admin, "/api/v1/activities/export"),
            (admin, "/api/v1/members/export"),
            (admin, "/api/v1/seats/export"),
            (admin, "/api/v1/secondments/export"),
            (admin, "/api/v1/bodies/export"),
            (admin, "/api/v1/users/export"),
        };

        foreach (var (client, path) in exports)
        {
            var separator = path.EndsWith('&') ? "" : "?";
            var xlsx = await client.GetAsync($"{path}{separator}format=xlsx", Ct);
            var csv = await client.GetAsync($"{path}{separator}format=csv", Ct);
            Assert.True(xlsx.StatusCode == HttpStatusCode.OK && csv.StatusCode == HttpStatusCode.OK, $"{path}: {xlsx.StatusCode}, {csv.StatusCode}");

            var workbook = await xlsx.Content.ReadAsByteArrayAsync(Ct);
            var sheet = (await Openpyxl.ReadAsync(workbook)).Values.First();
            var byExcelJs = (await ExcelJs.ReadAsync(workbook)).Values.First();
            var rows = Csv(await csv.Content.ReadAsStringAsync(Ct));
            Assert.True(rows.Count > 1, $"{path} exported no rows to compare");
            Assert.Equal(rows.Count, sheet.Rows.Count);
            Assert.Equal(rows.Count, byExcelJs.Count);
            for (var i = 0; i < rows.Count; i++)
            {
                Assert.Equal(rows[i], sheet.Rows[i].Select(c => c ?? "").ToList());
                Assert.Equal(rows[i], byExcelJs[i].Select(c => c ?? "").ToList());
            }
        }
    }

    private static List<List<string>> Csv(string text)
    {
        using var reader = new CsvReader(new StringReader(text.TrimStart('\uFEFF')), CultureInfo.InvariantCulture);
        var rows = new List<List<string>>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.Parser.Count).Select(i => reader.GetField(i) ?? "").ToList());
        }

        return rows;
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, int scorecard, byte[] workbook)
    {
        var content = new ByteArrayContent(workbook);
        content.Headers.ContentType = new MediaTypeHeaderValue(UploadedSheet.XlsxType);
        return await client.PostAsync($"/api/v1/scorecards/{scorecard}/offline?fileName=edited.xlsx", content, Ct);
    }

    private static Task<string?> ProgressAsync(TestApp app, int scorecard, string objective) => app.WithDbAsync(db =>
        db.Entries.Where(e => e.ScorecardId == scorecard && db.Objectives.Any(o => o.Id == e.ObjectiveId && o.Code == objective)).Select(e => e.Progress).SingleAsync(Ct));
}
