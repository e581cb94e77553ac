using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.EntityFrameworkCore;
using Scorecards.Domain.Scorecards;
using Scorecards.Web.Features.Exports;
using Scorecards.Web.Tests.Infrastructure;
using W = DocumentFormat.OpenXml.Wordprocessing;
using X = DocumentFormat.OpenXml.Spreadsheet;

namespace Scorecards.Web.Tests.Exports;

public sealed class RoundExportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Assessment = "The Ad Hoc Group SOM recognised progress towards realising the 2023 Adelaide Strategy for Cooperation.";

    /// <summary>
    /// The world's round with both scorecards approved and published: every entry Substantial, the RSO's LE-1 citing the
    /// RSO annual meeting (16–18 July 2025, Hanoi) as evidence, and the Co-Chairs' assessment written.
    /// </summary>
    private static async Task<World> PublishedAsync()
    {
        var world = await World.StartAsync();
        var given = world.Given;
        var meeting = await given.ActivityAsync("RSO", "RSO annual meeting", Domain.Activities.DatePrecision.Days, new(2025, 7, 16), new(2025, 7, 18),
            city: "Hanoi", member: "Viet Nam", objectives: ["LE-1"]);
        var wgTip = await world.ScorecardAsync("WG-TIP");
        var rso = await world.ScorecardAsync("RSO");
        await given.RateAllAsync(wgTip);
        await given.RateAllAsync(rso);
        await given.RateAsync(rso, "LE-1", Completion.Substantial, "Met in Hanoi.", evidence: [meeting]);
        await given.ApproveAsync(wgTip);
        await given.ApproveAsync(rso);
        await given.AssessmentAsync(world.Round.Id, Assessment);
        await given.PublishAsync(world.Round.Id);
        return world;
    }

    private static async Task<byte[]> DownloadAsync(HttpClient client, int round, string format)
    {
        var response = await client.GetAsync($"/api/v1/rounds/{round}/export?format={format}", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(RoundFiles.ContentType(format).Split(';')[0], response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("attachment; filename=\"scorecard-", response.Content.Headers.ContentDisposition?.ToString());
        return await response.Content.ReadAsByteArrayAsync(Ct);
    }

    [Fact]
    public async Task Docx_IsAValidWordDocument_WithHeadingsContentsMatrixAndNarratives()
    {
        var world = await PublishedAsync();
        await using var app = world.App;
        var published = world.Round.Id;
        var bytes = await DownloadAsync(await world.ApiAsync(World.Australia), published, "docx");

        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var errors = new OpenXmlValidator().Validate(document, Ct).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(10)));
        var body = document.MainDocumentPart!.Document.Body!;
        var paragraphs = body.Descendants<W.Paragraph>().ToList();
        List<string> Styled(string style) => paragraphs.Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == style).Select(p => p.InnerText).ToList();

        Assert.Equal("Scorecard: 19th AHG SOM, 2026", Styled("Title").Single());
        Assert.Equal(["Co-Chairs' assessment", "Summary", "LE · Area LE", "VM · Area VM"], Styled("Heading1"));
        Assert.Contains("VM-1 · Objective VM-1", Styled("Heading2"));
        Assert.Contains(body.Descendants<W.FieldCode>(), f => f.Text.Contains("TOC", StringComparison.Ordinal));
        var headingStyle = document.MainDocumentPart.StyleDefinitionsPart!.Styles!.Elements<W.Style>().Single(s => s.StyleId == "Heading1");
        Assert.Equal("heading 1", headingStyle.StyleName!.Val!.Value);
        Assert.Equal(0, headingStyle.StyleParagraphProperties!.OutlineLevel!.Val!.Value);

        var matrix = body.Elements<W.Table>().First();
        var header = matrix.Elements<W.TableRow>().First().Elements<W.TableCell>().Select(c => c.InnerText).ToList();
        Assert.Equal(["Focus area", "WG-TIP", "RSO"], header);
        var shaded = matrix.Descendants<W.Paragraph>().Where(p => p.ParagraphProperties?.Shading?.Fill?.Value is not null).ToList();
        Assert.NotEmpty(shaded);
        Assert.All(shaded, p => Assert.Matches(@"^[A-Z]{2}-\d (Complete|Substantial|Limited|Not started|No evidence available|Not applicable)$", p.InnerText));

        var text = string.Join("\n", paragraphs.Select(p => p.InnerText));
        Assert.Contains(Assessment, text);
        Assert.Contains("Evidence: RSO annual meeting (16–18 July 2025, Hanoi)", text);
        Assert.Contains("RSO: Substantial", text);
    }

    [Fact]
    public async Task Xlsx_HasAFlatSheetOfEveryEntry_AndASheetPerFocusArea_AndValidates()
    {
        var world = await PublishedAsync();
        await using var app = world.App;
        var published = world.Round.Id;
        var bytes = await DownloadAsync(await world.ApiAsync(World.Australia), published, "xlsx");
        var entries = await app.WithDbAsync(db => db.Entries.CountAsync(e => db.Scorecards.Any(s => s.Id == e.ScorecardId && s.RoundId == published), Ct));

        using var workbook = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        Assert.Empty(new OpenXmlValidator().Validate(workbook, Ct));
        var sheets = workbook.WorkbookPart!.Workbook.Sheets!.Elements<X.Sheet>().ToList();
        Assert.Equal(["Entries", "LE Area LE", "VM Area VM"], sheets.Select(s => s.Name!.Value));
        var flat = ((WorksheetPart)workbook.WorkbookPart.GetPartById(sheets[0].Id!.Value!)).Worksheet.Descendants<X.Row>().ToList();
        Assert.Equal(entries + 1, flat.Count);
        Assert.Equal(RoundExport.Columns.Select(c => c.Name), flat[0].Elements<X.Cell>().Select(c => c.InnerText));
        var perArea = sheets.Skip(1).Sum(s => ((WorksheetPart)workbook.WorkbookPart.GetPartById(s.Id!.Value!)).Worksheet.Descendants<X.Row>().Count() - 1);
        Assert.Equal(entries, perArea);
    }

    [Fact]
    public async Task Pdf_IsA4_WithPageNumbersHeaderMatrixAndEveryFocusArea()
    {
        var world = await PublishedAsync();
        await using var app = world.App;
        var published = world.Round.Id;
        var bytes = await DownloadAsync(await world.ApiAsync(World.Australia), published, "pdf");
        var areas = await app.WithDbAsync(db => db.FocusAreas.Select(f => f.Name).ToListAsync(Ct));

        using var pdf = UglyToad.PdfPig.PdfDocument.Open(bytes);
        var pages = pdf.GetPages().ToList();
        var text = string.Join("\n", pages.Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));

        Assert.True(pages.Count >= 2, $"{pages.Count} pages");
        Assert.All(pages, p => Assert.Equal((595, 842), ((int)Math.Round(p.Width), (int)Math.Round(p.Height))));
        Assert.Contains($"Page 1 of {pages.Count}", string.Join(" ", pages[0].GetWords().Select(w => w.Text)));
        Assert.Contains($"Page {pages.Count} of {pages.Count}", string.Join(" ", pages[^1].GetWords().Select(w => w.Text)));
        Assert.All(pages, p => Assert.StartsWith("Scorecard: 19th AHG SOM, 2026", string.Join(" ", p.GetWords().Select(w => w.Text))));
        Assert.All(areas, a => Assert.Contains(a, text));
        Assert.Contains("Focus areas by body", text);
        Assert.Contains("recognised progress towards realising the 2023 Adelaide Strategy", text);
        Assert.Contains("RSO annual meeting (16–18 July 2025, Hanoi)", text);
        var fonts = string.Join(" ", pages[0].Letters.Select(l => l.FontName).Distinct());
        Assert.True(fonts.Replace(" ", "", StringComparison.Ordinal).Contains("DejaVuSans", StringComparison.OrdinalIgnoreCase), fonts);
    }

    [Fact]
    public async Task CsvAndJson_HoldTheSameRows_AsTheEntriesInTheDatabase()
    {
        var world = await PublishedAsync();
        await using var app = world.App;
        var published = world.Round.Id;
        var client = await world.ApiAsync(World.Australia);
        var stored = await app.WithDbAsync(db => db.Entries.Where(e => db.Scorecards.Any(s => s.Id == e.ScorecardId && s.RoundId == published))
            .Join(db.Scorecards, e => e.ScorecardId, s => s.Id, (e, s) => new { e, s.BodyId })
            .Join(db.Bodies, x => x.BodyId, b => b.Id, (x, b) => new { b.Code, x.e.ObjectiveId, x.e.Completion, x.e.Progress })
            .Join(db.Objectives, x => x.ObjectiveId, o => o.Id, (x, o) => new { x.Code, Objective = o.Code, x.Completion, x.Progress }).ToListAsync(Ct));
        var expected = stored.Select(x => $"{x.Code}|{x.Objective}|{x.Completion?.Slug()}|{x.Progress}").Order(StringComparer.Ordinal).ToList();

        var json = JsonDocument.Parse(await DownloadAsync(client, published, "json")).RootElement;
        var fromJson = json.GetProperty("rows").EnumerateArray()
            .Select(r => $"{r.GetProperty("body").GetString()}|{r.GetProperty("objective").GetString()}|{r.GetProperty("completion").GetString()}|{r.GetProperty("progress").GetString()}")
            .Order(StringComparer.Ordinal).ToList();
        var csv = System.Text.Encoding.UTF8.GetString(await DownloadAsync(client, published, "csv"));
        var (header, rows) = ReadCsv(csv);
        var fromCsv = rows.Select(r => $"{r[header.IndexOf("body")]}|{r[header.IndexOf("objective")]}|{NullIfEmpty(r[header.IndexOf("completion")])}|{NullIfEmpty(r[header.IndexOf("progress")])}")
            .Order(StringComparer.Ordinal).ToList();

        Assert.Equal(expected, fromJson);
        Assert.Equal(expected, fromCsv);
        Assert.Equal(RoundExport.Columns.Select(c => c.Name), header);
        Assert.Equal(RoundExport.Columns.Select(c => c.Name), json.GetProperty("rows")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(5, fromJson.Count);
        Assert.Equal(World.RoundName, json.GetProperty("round").GetString());
    }

    [Fact]
    public async Task Export_HoldsOnlyScorecardsTheCallerMayRead_AndRefusesBadRequests()
    {
        var world = await World.StartAsync();
        await using var app = world.App;
        var open = world.Round.Id;
        var rso = await world.ScorecardAsync("RSO");
        await world.Given.RateAllAsync(rso);
        await world.Given.ApproveAsync(rso);
        string[] approved = ["RSO"];

        var viewer = JsonDocument.Parse(await DownloadAsync(await world.ApiAsync(World.Viewer), open, "json")).RootElement;
        var reporter = JsonDocument.Parse(await DownloadAsync(await world.ApiAsync(World.WgTip), open, "json")).RootElement;
        var reporterWithDrafts = JsonDocument.Parse(await (await world.ApiAsync(World.WgTip)).GetByteArrayAsync($"/api/v1/rounds/{open}/export?format=json&include=all", Ct)).RootElement;
        var badFormat = await (await world.ApiAsync(World.Viewer)).GetAsync($"/api/v1/rounds/{open}/export?format=pptx", Ct);
        var noRound = await (await world.ApiAsync(World.Viewer)).GetAsync("/api/v1/rounds/9999/export?format=csv", Ct);
        var anonymous = await app.CreateClient().GetAsync($"/api/v1/rounds/{open}/export?format=csv", Ct);

        string[] Bodies(JsonElement e) => e.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("body").GetString()!).Distinct().Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(approved.Order(StringComparer.Ordinal), Bodies(viewer));
        Assert.Equal(approved.Order(StringComparer.Ordinal), Bodies(reporter));
        Assert.Equal(approved.Append("WG-TIP").Distinct().Order(StringComparer.Ordinal), Bodies(reporterWithDrafts));
        Assert.Equal(HttpStatusCode.BadRequest, badFormat.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noRound.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task RoundPage_LinksEachDownload_AndTheSchemaDocumentNamesEveryColumn()
    {
        var world = await PublishedAsync();
        await using var app = world.App;
        var published = world.Round.Id;
        var page = await (await world.SignInAsync(World.Viewer)).GetStringAsync($"/rounds/{published}", Ct);
        var schema = await File.ReadAllTextAsync(Path.Combine(Repository.Root, "docs", "round-export.md"), Ct);

        Assert.Contains($"<form method=\"get\" action=\"/api/v1/rounds/{published}/export\"", page);
        foreach (var format in RoundExport.Formats)
        {
            Assert.Contains($"name=\"format\" value=\"{format}\"", page);
        }

        Assert.Contains("<input type=\"checkbox\" name=\"include\" value=\"all\">", page);

        Assert.All(RoundExport.Columns, c => Assert.Contains($"`{c.Name}`", schema));
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    // A small RFC 4180 reader, so the test does not read the file with the code that wrote it.
    private static (List<string> Header, List<List<string>> Rows) ReadCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        text = text.TrimStart('\uFEFF');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(cell.ToString());
                cell.Clear();
            }
            else if (c == '\n')
            {
                row.Add(cell.ToString().TrimEnd('\r'));
                cell.Clear();
                rows.Add(row);
                row = [];
            }
            else
            {
                cell.Append(c);
            }
        }

        return (rows[0], rows.Skip(1).ToList());
    }
}
