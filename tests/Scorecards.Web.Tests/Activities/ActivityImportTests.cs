using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Scorecards.Domain.Activities;
using Scorecards.Web.Features.Activities;
using Scorecards.Web.Infrastructure.Spreadsheets;
using Scorecards.Web.Tests.Infrastructure;
using static Scorecards.Web.Tests.Infrastructure.HttpJson;

namespace Scorecards.Web.Tests.Activities;

public sealed class ActivityImportTests
{
    private const string Header = "Title,Kind,Start date,End date,City,Member,Lead body,Objectives,Participants,Status";
    private const string GoodRow = "WG-TIP 11th Annual Meeting,Meeting,2025-09-10,2025-09-11,Hanoi,Viet Nam,WG-TIP,VM-1; LE-1,80,planned";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n");

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, byte[] content, bool dryRun, string type = UploadedSheet.CsvType)
    {
        var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue(type);
        return await client.PostAsync($"/api/v1/activities/import?dryRun={(dryRun ? "true" : "false")}", body, Ct);
    }

    // Everything an import could touch, so a refused import can be shown to have changed nothing.
    private static Task<string> SnapshotAsync(TestApp app) => app.WithDbAsync(async db =>
        $"{await db.Activities.CountAsync(Ct)}|{await db.Set<Domain.Activities.ActivityObjective>().CountAsync(Ct)}|"
        + $"{string.Join(",", await db.Activities.OrderBy(a => a.Id).Select(a => a.Title + a.StartDate + a.Status).ToListAsync(Ct))}|{await db.AuditEvents.CountAsync(Ct)}");

    [Fact]
    public async Task DryRun_CountsWhatWouldHappen_AndChangesNothing_ThenApplyCreates_AndAgainIsUnchanged()
    {
        var world = await World.StartAsync();
        await using var app = world.App;
        var reporter = await app.ApiClientAsync(World.WgTip);
        var existing = await world.Given.ActivityAsync("WG-TIP", "WG-TIP 10th Annual Meeting", DatePrecision.Days, new(2024, 11, 5), new(2024, 11, 6),
            city: "Bangkok", objectives: ["VM-1"]);
        var before = await SnapshotAsync(app);
        var file = Csv("Id," + Header, "," + GoodRow, $"{existing},WG-TIP 10th Annual Meeting,Meeting,2024-11-05,2024-11-06,Bangkok,,WG-TIP,VM-1,120,delivered");

        var preview = await JsonAsync(await PostAsync(reporter, file, dryRun: true));
        var afterPreview = await SnapshotAsync(app);
        var applied = await PostAsync(reporter, file, dryRun: false);
        var again = await JsonAsync(await PostAsync(reporter, file, dryRun: true));

        Assert.Equal(1, preview.GetProperty("created").GetInt32());
        Assert.Equal(1, preview.GetProperty("updated").GetInt32());
        Assert.Equal(0, preview.GetProperty("rejected").GetInt32());
        Assert.False(preview.GetProperty("applied").GetBoolean());
        Assert.Equal(before, afterPreview);
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        Assert.True((await JsonAsync(applied)).GetProperty("applied").GetBoolean());
        Assert.Equal(2, again.GetProperty("unchanged").GetInt32());
        Assert.Equal(0, again.GetProperty("created").GetInt32() + again.GetProperty("updated").GetInt32());
        var created = await app.WithDbAsync(db => db.Activities.Include(a => a.Objectives).SingleAsync(a => a.Title == "WG-TIP 11th Annual Meeting", Ct));
        Assert.Equal(new DateOnly(2025, 9, 11), created.EndDate);
        Assert.Equal(2, created.Objectives.Count);
        Assert.Equal(120, await app.WithDbAsync(db => db.Activities.Where(a => a.Id == existing).Select(a => a.Participants).SingleAsync(Ct)));
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.EntityType == "Activity" && e.Action == "Created" && e.UserName == World.WgTip, Ct)));
    }

    public static TheoryData<string, byte[], int, string, string> BrokenFiles
    {
        get
        {
            var huge = new StringBuilder(Header + "\n");
            for (var i = 0; i <= ActivityImporter.MaxRows; i++)
            {
                huge.Append("Meeting ").Append(i).Append(",Meeting,2025-01-01,,,,WG-TIP,,,\n");
            }

            return new()
            {
                { "wrong-columns.csv", Csv("Name,Kind,Start date,Lead body", "A,Meeting,2025-01-01,WG-TIP"), 1, "Name", "'Name' is not a column of the activities file" },
                { "missing-column.csv", Csv("Name,Kind,Start date,Lead body", "A,Meeting,2025-01-01,WG-TIP"), 1, "Title", "no 'Title' column" },
                { "bad-date.csv", Csv(Header, GoodRow, GoodRow.Replace("2025-09-10", "2025-13-45").Replace("11th", "12th")), 3, "Start date", "'2025-13-45' is not a date" },
                { "end-before-start.csv", Csv(Header, GoodRow.Replace("2025-09-11", "2025-09-01")), 2, "End date", "ends (2025-09-01) before it starts (2025-09-10)" },
                { "unknown-body.csv", Csv(Header, GoodRow.Replace(",WG-TIP,", ",WG-XYZ,")), 2, "Lead body", "'WG-XYZ' is not a reporting body" },
                { "unknown-member.csv", Csv(Header, GoodRow.Replace("Viet Nam", "Atlantis")), 2, "Member", "'Atlantis' is not a member" },
                { "duplicate-rows.csv", Csv(Header, GoodRow, GoodRow), 3, "Title", "Repeats row 2" },
                { "bad-kind.csv", Csv(Header, GoodRow.Replace(",Meeting,", ",Party,")), 2, "Kind", "'Party' is not a kind of activity" },
                { "bad-count.csv", Csv(Header, GoodRow.Replace(",80,", ",many,")), 2, "Participants", "'many' is not a whole number" },
                { "empty.csv", [], 0, "", "The file is empty." },
                { "header-only.csv", Csv(Header), 0, "", "no activities under it" },
                { "not-a-workbook.xlsx", Encoding.UTF8.GetBytes("Title,Kind\nThis is not a workbook,Meeting\n"), 0, "", "is not an Excel workbook" },
                { "huge.csv", Encoding.UTF8.GetBytes(huge.ToString()), 0, "", "more than 20,000 rows" },
            };
        }
    }

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public async Task Apply_BrokenFile_RejectsWithRowColumnAndReason_AndChangesNothing(string name, byte[] content, int row, string column, string reason)
    {
        var world = await World.StartAsync();
        await using var app = world.App;
        var reporter = await app.ApiClientAsync(World.WgTip);
        var before = await SnapshotAsync(app);

        var response = await PostAsync(reporter, content, dryRun: false, name.EndsWith(".xlsx", StringComparison.Ordinal) ? UploadedSheet.XlsxType : UploadedSheet.CsvType);
        var problem = await JsonAsync(response);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("import.rejected", problem.GetProperty("code").GetString());
        var rejections = problem.GetProperty("preview").GetProperty("rejections").EnumerateArray().ToList();
        Assert.Contains(rejections, r => r.GetProperty("row").GetInt32() == row && r.GetProperty("column").GetString() == column
            && r.GetProperty("reason").GetString()!.Contains(reason, StringComparison.Ordinal));
        Assert.Equal(before, await SnapshotAsync(app));
    }

    [Fact]
    public async Task Import_OtherBodysRows_AreRejected_AndPeopleWhoReportForNoBody_AreForbidden()
    {
        var world = await World.StartAsync();
        await using var app = world.App;
        var reporter = await app.ApiClientAsync(World.WgTip);
        var rsoId = await world.Given.ActivityAsync("RSO", "Regional workshop on irregular migration", DatePrecision.Day, new(2025, 3, 4));

        var otherBody = await JsonAsync(await PostAsync(reporter, Csv(Header, GoodRow.Replace(",WG-TIP,", ",RSO,")), dryRun: true));
        var otherId = await JsonAsync(await PostAsync(reporter, Csv("Id," + Header, $"{rsoId}," + GoodRow), dryRun: true));
        var viewer = await PostAsync(await app.ApiClientAsync(World.Viewer), Csv(Header, GoodRow), dryRun: true);
        var coChair = await PostAsync(await app.ApiClientAsync(World.Indonesia), Csv(Header, GoodRow), dryRun: true);
        var admin = await JsonAsync(await PostAsync(await app.ApiClientAsync(World.Admin), Csv(Header, GoodRow.Replace(",WG-TIP,", ",RSO,")), dryRun: true));
        var form = await reporter.PostAsync("/api/v1/activities/import?dryRun=true", new StringContent(GoodRow, Encoding.UTF8, "text/plain"), Ct);

        Assert.Contains("You do not report for RSO", otherBody.GetProperty("rejections")[0].GetProperty("reason").GetString());
        Assert.Equal("Id", otherId.GetProperty("rejections")[0].GetProperty("column").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, viewer.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, coChair.StatusCode);
        Assert.Equal(1, admin.GetProperty("created").GetInt32());
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);
    }

    [Fact]
    public async Task Xlsx_ImportsDatesAndNumbers_AndTheExportReadsBackWithTheSameColumns()
    {
        var world = await World.StartAsync();
        await using var app = world.App;
        var admin = await app.ApiClientAsync(World.Admin);
        using var file = new MemoryStream();
        var columns = new[] { "Title", "Kind", "Start date", "End date", "Lead body", "Participants", "Links" }.Select(h => (h, 10)).ToList();
        IReadOnlyList<object?>[] rows = [["Regional workshop on victim identification", "Workshop", new DateOnly(2025, 8, 4), new DateOnly(2025, 8, 6), "RSO", 45, "https://example.org/a https://example.org/b"]];
        await SheetWriter.WriteXlsxAsync([new SheetTable("Activities", columns, rows)], file, Ct);

        var applied = await PostAsync(admin, file.ToArray(), dryRun: false, UploadedSheet.XlsxType);
        var export = await admin.GetAsync("/api/v1/activities/export?format=xlsx&body=RSO&q=victim%20identification", Ct);
        var exported = await export.Content.ReadAsByteArrayAsync(Ct);
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(exported), false);
        var roundTrip = await JsonAsync(await PostAsync(admin, exported, dryRun: true, UploadedSheet.XlsxType));

        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        Assert.Equal(UploadedSheet.XlsxType, export.Content.Headers.ContentType?.MediaType);
        var sheet = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var sheetRows = sheet.Descendants<Row>().ToList();
        Assert.Equal(2, sheetRows.Count);
        Assert.Equal(ActivitySheet.Columns.Select(c => c.Heading), sheetRows[0].Elements<Cell>().Select(c => c.InnerText));
        var cells = sheetRows[1].Elements<Cell>().ToDictionary(c => c.CellReference!.Value![..1], c => c.InnerText);
        Assert.Equal("Regional workshop on victim identification", cells["B"]);
        Assert.Equal(new DateOnly(2025, 8, 4), DateOnly.FromDateTime(DateTime.FromOADate(double.Parse(cells["D"], System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Equal("days", cells["F"]);
        Assert.Equal("45", cells["N"]);
        Assert.Equal("https://example.org/a\nhttps://example.org/b", cells["O"]);
        Assert.Equal((0, 0, 0), (roundTrip.GetProperty("created").GetInt32(), roundTrip.GetProperty("updated").GetInt32(), roundTrip.GetProperty("rejected").GetInt32()));
        Assert.Equal(1, roundTrip.GetProperty("unchanged").GetInt32());
    }

    [Fact]
    public async Task CsvExport_FollowsTheFilters_EscapesFormulas_AndImportsBackUnchanged()
    {
        var world = await World.StartAsync();
        await using var app = world.App;
        var admin = await app.ApiClientAsync(World.Admin);
        await world.Given.ActivityAsync("RSO", "RSO annual meeting", DatePrecision.Days, new(2024, 7, 16), new(2024, 7, 18), city: "Hanoi", member: "Viet Nam");
        await world.Given.ActivityAsync("RSO", "Regional workshop on irregular migration", DatePrecision.Day, new(2025, 3, 4));
        await world.Given.ActivityAsync("WG-TIP", "WG-TIP 10th Annual Meeting", DatePrecision.Day, new(2024, 11, 5));
        await PostAsync(admin, Csv(Header, "=HYPERLINK(\"http://evil\"),Meeting,2025-02-02,,,,RSO,,,"), dryRun: false);

        var csv = await admin.GetStringAsync("/api/v1/activities/export?format=csv&body=RSO", Ct);
        var lines = csv.TrimEnd().Split("\r\n");
        var roundTrip = await JsonAsync(await PostAsync(admin, Encoding.UTF8.GetBytes(csv), dryRun: true));

        Assert.StartsWith("\uFEFFId,Title,Kind,Start date", csv);
        Assert.Equal(4, lines.Length);
        Assert.Contains(lines, l => l.Contains("RSO annual meeting", StringComparison.Ordinal) && l.Contains("2024-07-16,2024-07-18,days,Hanoi,Viet Nam,RSO", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("\"'=HYPERLINK(\"\"http://evil\"\")\"", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("WG-TIP 10th Annual Meeting", StringComparison.Ordinal));
        // The guard the export puts before a formula is taken off again, so an unchanged file changes nothing.
        Assert.Equal(3, roundTrip.GetProperty("unchanged").GetInt32());
        Assert.Equal(0, roundTrip.GetProperty("updated").GetInt32());
        Assert.Equal(0, roundTrip.GetProperty("rejected").GetInt32());
    }

    [Fact]
    public async Task Page_PreviewsRejectedRows_ThenAppliesAFixedFileOnConfirmation()
    {
        var world = await World.StartAsync();
        await using var app = world.App;
        var reporter = await world.SignInAsync(World.WgTip);
        var bad = Csv(Header, GoodRow, GoodRow.Replace("11th", "12th").Replace("2025-09-11", "2025-09-01"));
        var good = Csv(Header, GoodRow, GoodRow.Replace("11th", "12th"));

        var badPreview = await (await TestApp.PostFileAsync(reporter, "/activities/import/upload", "/activities/import", "plan.csv", bad)).Content.ReadAsStringAsync(Ct);
        var goodResponse = await TestApp.PostFileAsync(reporter, "/activities/import/upload", "/activities/import", "plan.csv", good);
        var goodPreview = await goodResponse.Content.ReadAsStringAsync(Ct);
        var countBefore = await app.WithDbAsync(db => db.Activities.CountAsync(Ct));
        var upload = System.Text.RegularExpressions.Regex.Match(goodPreview, "name=\"upload\" value=\"([^\"]+)\"").Groups[1].Value;
        var applied = await TestApp.PostFormAsync(reporter, "/activities/import/apply", new Dictionary<string, string> { ["upload"] = upload }, "/activities/import");
        var replay = await TestApp.PostFormAsync(reporter, "/activities/import/apply", new Dictionary<string, string> { ["upload"] = upload }, "/activities/import");
        var viewer = await (await world.SignInAsync(World.Viewer)).GetAsync("/activities/import", Ct);
        var template = await reporter.GetStringAsync("/activities/import/template?format=csv", Ct);

        Assert.Contains("1 row(s) cannot be imported", badPreview);
        Assert.Contains("<td data-label=\"Row\">3</td><td data-label=\"Column\">End date</td>", badPreview);
        Assert.DoesNotContain("name=\"upload\"", badPreview);
        Assert.Contains("Apply: create 2, update 0", goodPreview);
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        Assert.Equal(countBefore + 2, await app.WithDbAsync(db => db.Activities.CountAsync(Ct)));
        Assert.Contains("expired or was already applied", await replay.Content.ReadAsStringAsync(Ct));
        Assert.Equal(0, await app.WithDbAsync(db => db.Uploads.CountAsync(Ct)));
        Assert.StartsWith("/account/denied", viewer.Headers.Location?.PathAndQuery);
        Assert.Equal(string.Join(",", ActivitySheet.Columns.Select(c => c.Heading)), template.TrimStart('\uFEFF').TrimEnd());
    }
}
