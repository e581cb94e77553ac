using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scorecards.Data;
using Scorecards.Domain.Scorecards;
using Scorecards.Web.Features.Scorecards;
using Scorecards.Web.Infrastructure.Spreadsheets;
using Scorecards.Web.Tests.Infrastructure;
using X = DocumentFormat.OpenXml.Spreadsheet;

namespace Scorecards.Web.Tests.Scorecards;

public sealed class OfflineWorkbookTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<byte[]> DownloadAsync(HttpClient client, int scorecard)
    {
        var response = await client.GetAsync($"/api/v1/scorecards/{scorecard}/offline", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync(Ct);
    }

    /// <summary>Changes cells the way a person in Excel would: by the objective's row and the column's letter.</summary>
    private static byte[] Edit(byte[] workbook, string objective, params (string Column, string Text)[] cells)
    {
        using var stream = new MemoryStream();
        stream.Write(workbook);
        using (var document = SpreadsheetDocument.Open(stream, true))
        {
            var sheet = document.WorkbookPart!.Workbook.Sheets!.Elements<X.Sheet>().Single(s => s.Name == OfflineWorkbook.EntriesSheet);
            var part = (WorksheetPart)document.WorkbookPart.GetPartById(sheet.Id!.Value!);
            var row = part.Worksheet.Descendants<X.Row>().Single(r => r.Elements<X.Cell>().First().InnerText == objective);
            foreach (var (column, text) in cells)
            {
                var reference = column + row.RowIndex!.Value;
                var cell = row.Elements<X.Cell>().FirstOrDefault(c => c.CellReference == reference);
                if (cell is null)
                {
                    cell = new X.Cell { CellReference = reference };
                    var after = row.Elements<X.Cell>().LastOrDefault(c => string.CompareOrdinal(c.CellReference!.Value!.TrimEnd("0123456789".ToCharArray()), column) < 0);
                    if (after is null)
                    {
                        row.PrependChild(cell);
                    }
                    else
                    {
                        after.InsertAfterSelf(cell);
                    }
                }

                cell.RemoveAllChildren();
                cell.DataType = X.CellValues.InlineString;
                cell.Append(new X.InlineString(new X.Text(text)));
            }

            part.Worksheet.Save();
        }

        return stream.ToArray();
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, int scorecard, byte[] workbook, bool dryRun)
    {
        var content = new ByteArrayContent(workbook);
        content.Headers.ContentType = new MediaTypeHeaderValue(UploadedSheet.XlsxType);
        return await client.PostAsync($"/api/v1/scorecards/{scorecard}/offline?dryRun={(dryRun ? "true" : "false")}", content, Ct);
    }

    private static Task<string> SnapshotAsync(TestApp app, int scorecard) => app.WithDbAsync(async db =>
        string.Join("|", await db.Entries.Where(e => e.ScorecardId == scorecard).OrderBy(e => e.Id)
            .Select(e => $"{e.Completion}{e.Trajectory}{e.Progress}{e.Version}").ToListAsync(Ct)));

    [Fact]
    public async Task Workbook_HasTheCurrentValues_DropDownsForRatings_AndValidates()
    {
        var world = await World.StartAsync();
        await using var app = world.App;
        var wgTip = await world.ScorecardAsync("WG-TIP");
        var bytes = await DownloadAsync(await app.ApiClientAsync(World.WgTip), wgTip);

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        Assert.Empty(new OpenXmlValidator().Validate(document, Ct));
        var sheets = document.WorkbookPart!.Workbook.Sheets!.Elements<X.Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.Equal([OfflineWorkbook.EntriesSheet, OfflineWorkbook.AboutSheet], sheets);
        var entries = (WorksheetPart)document.WorkbookPart.GetPartById(document.WorkbookPart.Workbook.Sheets!.Elements<X.Sheet>().First().Id!.Value!);
        var lists = entries.Worksheet.Descendants<X.DataValidation>().ToDictionary(v => v.SequenceOfReferences!.InnerText![..1], v => v.Formula1!.Text);
        Assert.Equal("\"Complete,Substantial,Limited,Not started,No evidence available,Not applicable\"", lists["C"]);
        Assert.Equal("\"On track,Some delays,Off track\"", lists["E"]);
        Assert.True(lists.ContainsKey("F"));
        var rows = entries.Worksheet.Descendants<X.Row>().Count() - 1;
        Assert.Equal(await app.WithDbAsync(db => db.Entries.CountAsync(e => e.ScorecardId == wgTip, Ct)), rows);
    }

    [Fact]
    public async Task FilledInWorkbook_IsPreviewedFieldByField_ThenSavedWhole()
    {
        var world = await World.StartAsync();
        await using var app = world.App;
        var wgTip = await world.ScorecardAsync("WG-TIP");
        var reporter = await app.ApiClientAsync(World.WgTip);
        var filled = Edit(await DownloadAsync(reporter, wgTip), "VM-1", ("C", "Complete"), ("E", "Some delays"), ("G", "Written offline in Manila."));
        var before = await SnapshotAsync(app, wgTip);

        var preview = await (await UploadAsync(reporter, wgTip, filled, dryRun: true)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        var afterPreview = await SnapshotAsync(app, wgTip);
        var applied = await UploadAsync(reporter, wgTip, filled, dryRun: false);

        var changes = preview.GetProperty("changes").EnumerateArray().Select(c => $"{c.GetProperty("objective").GetString()} {c.GetProperty("field").GetString()} → {c.GetProperty("new").GetString()}").ToList();
        Assert.Contains("VM-1 Completion → Complete", changes);
        Assert.Contains("VM-1 Trajectory → Some delays", changes);
        Assert.Contains("VM-1 Progress → Written offline in Manila.", changes);
        Assert.Equal(before, afterPreview);
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        var entry = await app.WithDbAsync(db => db.Entries.SingleAsync(e => e.ScorecardId == wgTip && db.Objectives.Any(o => o.Id == e.ObjectiveId && o.Code == "VM-1"), Ct));
        Assert.Equal((Completion.Complete, Trajectory.SomeDelays, "Written offline in Manila."), (entry.Completion!.Value, entry.Trajectory!.Value, entry.Progress!));
    }

    [Fact]
    public async Task BrokenUploads_GiveRowLevelMessages_AndChangeNothing()
    {
        var world = await World.StartAsync();
        await using var app = world.App;
        var wgTip = await world.ScorecardAsync("WG-TIP");
        var reporter = await app.ApiClientAsync(World.WgTip);
        var fresh = await DownloadAsync(reporter, wgTip);
        var before = await SnapshotAsync(app, wgTip);

        // Another body's workbook, written by the program for the RSO's scorecard.
        byte[] other;
        using (var scope = app.Services.CreateScope())
        {
            var loaded = (await scope.ServiceProvider.GetRequiredService<ScorecardService>().LoadAsync(await world.ScorecardAsync("RSO"), Ct))!;
            using var stream = new MemoryStream();
            await OfflineWorkbook.WriteAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), loaded, DateTime.UtcNow, stream, Ct);
            other = stream.ToArray();
        }

        using var activities = new MemoryStream();
        await SheetWriter.WriteXlsxAsync([new SheetTable("Activities", [("Title", 10)], [["A workshop"]])], activities, Ct);
        var cases = new (string Name, byte[] File, int Row, string Column, string Reason)[]
        {
            ("wrong template", activities.ToArray(), 0, "", "wrong template"),
            ("edited code", Edit(fresh, "VM-1", ("A", "VM-9")), 0, "Objective", "'VM-9' is not an objective of this scorecard"),
            ("invalid rating", Edit(fresh, "VM-1", ("C", "Mostly")), 0, "Completion", "'Mostly' is not a completion level"),
            ("invalid trajectory", Edit(fresh, "VM-1", ("E", "Sideways")), 0, "Trajectory", "'Sideways' is not a trajectory"),
            ("another body's file", other, 0, "", "not this one"),
            ("not a workbook", "Objective,Completion\nVM-1,Complete\n"u8.ToArray(), 0, "", "not an Excel workbook that can be read"),
        };

        foreach (var (name, file, _, column, reason) in cases)
        {
            var response = await UploadAsync(reporter, wgTip, file, dryRun: false);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{name}: {response.StatusCode}");
            var rejections = problem.GetProperty("preview").GetProperty("rejections").EnumerateArray().ToList();
            Assert.True(rejections.Exists(r => r.GetProperty("column").GetString() == column && r.GetProperty("reason").GetString()!.Contains(reason, StringComparison.Ordinal)),
                $"{name}: {string.Join(" / ", rejections.Select(r => r.GetProperty("reason").GetString()))}");
            if (column.Length > 0)
            {
                Assert.True(rejections.TrueForAll(r => r.GetProperty("row").GetInt32() > 1), name);
            }
        }

        Assert.Equal(before, await SnapshotAsync(app, wgTip));
    }

    [Fact]
    public async Task StaleDownload_IsAConflict_AndNeverOverwritesTheNewerEntry()
    {
        var world = await World.StartAsync();
        await using var app = world.App;
        var wgTip = await world.ScorecardAsync("WG-TIP");
        var reporter = await app.ApiClientAsync(World.WgTip);
        var stale = Edit(await DownloadAsync(reporter, wgTip), "VM-1", ("G", "Offline text."));
        var current = await (await reporter.GetAsync($"/api/v1/scorecards/{wgTip}/entries/VM-1", Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        var saved = await reporter.PatchAsJsonAsync($"/api/v1/scorecards/{wgTip}/entries/VM-1", new
        {
            version = current.GetProperty("version").GetInt32(),
            completion = "Substantial",
            trajectory = "OnTrack",
            progress = "Saved online by a colleague.",
        }, Ct);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        var response = await UploadAsync(reporter, wgTip, stale, dryRun: false);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("VM-1", problem.GetProperty("preview").GetProperty("conflicts")[0].GetProperty("objective").GetString());
        Assert.Equal("Saved online by a colleague.", await app.WithDbAsync(db => db.Entries
            .Where(e => e.ScorecardId == wgTip && db.Objectives.Any(o => o.Id == e.ObjectiveId && o.Code == "VM-1")).Select(e => e.Progress).SingleAsync(Ct)));
    }

    [Fact]
    public async Task OnlyTheBodysReporters_OnOpenScorecards_WorkOffline()
    {
        var world = await World.StartAsync();
        await using var app = world.App;
        var wgTip = await world.ScorecardAsync("WG-TIP");
        var rso = await world.ScorecardAsync("RSO");
        await world.Given.RateAllAsync(rso);
        await world.Given.SubmitAsync(rso);

        var otherBody = await (await app.ApiClientAsync(World.Rso)).GetAsync($"/api/v1/scorecards/{wgTip}/offline", Ct);
        var coChair = await (await app.ApiClientAsync(World.Australia)).GetAsync($"/api/v1/scorecards/{wgTip}/offline", Ct);
        var submitted = await (await app.ApiClientAsync(World.Rso)).GetAsync($"/api/v1/scorecards/{rso}/offline", Ct);
        var page = await (await world.SignInAsync(World.Rso)).GetAsync($"/scorecards/{wgTip}/offline", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, otherBody.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.ApiClientAsync(World.WgTip)).GetAsync($"/api/v1/scorecards/{wgTip}/offline", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, coChair.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, submitted.StatusCode);
        Assert.StartsWith("/account/denied", page.Headers.Location?.PathAndQuery);
    }

    [Fact]
    public async Task Page_PreviewsAnUpload_AndSavesItOnConfirmation()
    {
        var world = await World.StartAsync();
        await using var app = world.App;
        var wgTip = await world.ScorecardAsync("WG-TIP");
        var browser = await world.SignInAsync(World.WgTip);
        var filled = Edit(await browser.GetByteArrayAsync($"/scorecards/{wgTip}/offline/download", Ct), "VM-1", ("G", "From the page."));

        var preview = await (await TestApp.PostFileAsync(browser, $"/scorecards/{wgTip}/offline/upload", $"/scorecards/{wgTip}/offline", "wg-tip.xlsx", filled))
            .Content.ReadAsStringAsync(Ct);
        var upload = System.Text.RegularExpressions.Regex.Match(preview, "name=\"upload\" value=\"([^\"]+)\"").Groups[1].Value;
        var applied = await TestApp.PostFormAsync(browser, $"/scorecards/{wgTip}/offline/apply", new Dictionary<string, string> { ["upload"] = upload }, $"/scorecards/{wgTip}/offline");

        Assert.Contains("From the page.", preview);
        Assert.Contains("Save these 1 change(s)", preview);
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        Assert.Equal("From the page.", await app.WithDbAsync(db => db.Entries
            .Where(e => e.ScorecardId == wgTip && db.Objectives.Any(o => o.Id == e.ObjectiveId && o.Code == "VM-1")).Select(e => e.Progress).SingleAsync(Ct)));
    }
}
