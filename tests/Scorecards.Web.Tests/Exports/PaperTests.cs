using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Scorecards.Data.Accounts;
using Scorecards.Domain.Scorecards;
using Scorecards.Web.Features.Exports;
using Scorecards.Web.Tests.Infrastructure;
using UglyToad.PdfPig.Tokens;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Scorecards.Web.Tests.Exports;

/// <summary>
/// What goes to the meeting: approved content by default and a title block that says so; unapproved content only on
/// request and marked wherever it appears; papers that lay their data out whole, read back from the files produced.
/// </summary>
public sealed partial class PaperTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Admin = "admin@example.org";
    private const string Reporter = "reporter@example.org";

    private const string Framework = """
        strategy: {code: ASC-2023, name: 2023 Adelaide Strategy for Cooperation}
        focusAreas:
          - code: LE
            name: Law enforcement
            objectives:
              - {code: LE-1, title: Disrupt people smuggling and trafficking networks through cross-border investigation and prosecution, bodies: [WG-TIP, D-WG]}
          - code: IM
            name: Irregular Migration and Related Transnational Crime
            objectives:
              - {code: IM-1, title: Respond to trafficking for forced criminality in online scam operations, bodies: [WG-TIP]}
        """;

    private const string Approved = "WG-TIP held a **Regional Event** on *Trafficking into Online Scam Centres* in Bangkok in November 2024.\n\n"
        + "- Members endorsed the Forward Work Plan\n- Partners joined from [the statement's list](https://www.baliprocess.net/)";

    private const string Unapproved = "D-WG concluded the 6th Joint Period of Action with a multilateral meeting themed Review, Reflect, Reset.";

    /// <summary>WG-TIP's scorecard approved by the one Co-Chair government; D-WG's submitted and awaiting review.</summary>
    private static async Task<(TestApp App, int Round)> RoundAsync()
    {
        var app = await TestApp.StartAsync(demo: false, clock: new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero)));
        var given = app.Given;
        await given.CoChairGovernmentsAsync("Indonesia");
        await given.BodyAsync("WG-TIP", "Working Group on Trafficking in Persons");
        await given.BodyAsync("D-WG", "Working Group on the Disruption of People Smuggling and Trafficking in Persons Networks");
        await given.FrameworkYamlAsync(Framework);
        await given.AccountAsync(Admin, Roles.Administrator);
        await given.AccountAsync(Reporter, Roles.Reporter, body: "D-WG");
        var indonesia = await app.WithDbAsync(db => db.Members.Where(m => m.Name == "Indonesia").Select(m => m.Id).SingleAsync(Ct));
        var round = await given.RoundAsync("19th AHG SOM, 2026", new(2025, 5, 22), new(2026, 5, 20), new(2026, 2, 1), new(2026, 4, 1));
        var wgTip = await given.ScorecardIdAsync(round.Id, "WG-TIP");
        var dwg = await given.ScorecardIdAsync(round.Id, "D-WG");
        await given.RateAllAsync(wgTip, Completion.Substantial, Approved);
        await given.RateAllAsync(dwg, Completion.Limited, Unapproved);
        foreach (var id in new[] { wgTip, dwg })
        {
            await given.ActAsync(id, "reporter", async (s, l, u) => Assert.True((await s.SubmitAsync(l, null, u, Ct)).Succeeded));
        }

        await given.ActAsync(wgTip, "id", async (s, l, u) => Assert.True((await s.ApproveAsync(l, u, Ct)).Succeeded), indonesia);
        return (app, round.Id);
    }

    private static async Task<byte[]> DownloadAsync(HttpClient client, int round, string format, string? include = null)
    {
        var response = await client.GetAsync($"/api/v1/rounds/{round}/export?format={format}{(include is null ? "" : "&include=" + include)}", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync(Ct);
    }

    [Fact]
    public async Task Files_HoldTheApprovedScorecards_AndNameTheOthers_UnlessAskedToIncludeThem()
    {
        var (app, round) = await RoundAsync();
        await using var _ = app;
        var admin = await app.ApiClientAsync(Admin);

        var approved = JsonDocument.Parse(await DownloadAsync(admin, round, "json")).RootElement;
        var all = JsonDocument.Parse(await DownloadAsync(admin, round, "json", "all")).RootElement;
        var csv = System.Text.Encoding.UTF8.GetString(await DownloadAsync(admin, round, "csv", "all"));
        var named = await admin.GetAsync($"/api/v1/rounds/{round}/export?format=pdf&include=all", Ct);
        var bad = await admin.GetAsync($"/api/v1/rounds/{round}/export?format=csv&include=drafts", Ct);

        string[] Bodies(JsonElement e) => e.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("body").GetString()!).Distinct().Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["WG-TIP"], Bodies(approved));
        Assert.False(approved.GetProperty("includesUnapproved").GetBoolean());
        Assert.Equal(["Approved by the Co-Chairs: WG-TIP (1 of 2 scorecards).", "Not included, not yet approved: D-WG (submitted)."],
            approved.GetProperty("contents").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(("D-WG", "Submitted"), (approved.GetProperty("notIncluded")[0].GetProperty("body").GetString(), approved.GetProperty("notIncluded")[0].GetProperty("state").GetString()));

        Assert.Equal(["D-WG", "WG-TIP"], Bodies(all));
        Assert.True(all.GetProperty("includesUnapproved").GetBoolean());
        Assert.Contains("This paper includes unapproved content: D-WG (submitted), each marked \"Draft — not approved by the Co-Chairs\".",
            all.GetProperty("contents").EnumerateArray().Select(c => c.GetString()));
        Assert.All(all.GetProperty("rows").EnumerateArray(), r => Assert.Equal(r.GetProperty("body").GetString() == "D-WG" ? RoundExport.DraftMark : RoundExport.ApprovedMark,
            r.GetProperty("approval").GetString()));
        var header = csv.TrimStart('\uFEFF').Split("\r\n")[0].Split(',');
        Assert.Equal("approval", header[4]);
        Assert.Contains($",D-WG,", csv);
        Assert.Contains(RoundExport.DraftMark, csv);
        Assert.Equal("attachment; filename=\"scorecard-19th-ahg-som-2026-with-drafts.pdf\"", named.Content.Headers.ContentDisposition?.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task WordPaper_SaysWhatItHolds_MarksDrafts_AndRendersMarkdownAsFormatting()
    {
        var (app, round) = await RoundAsync();
        await using var _ = app;
        var admin = await app.ApiClientAsync(Admin);

        using var approved = WordprocessingDocument.Open(new MemoryStream(await DownloadAsync(admin, round, "docx")), false);
        using var all = WordprocessingDocument.Open(new MemoryStream(await DownloadAsync(admin, round, "docx", "all")), false);

        Assert.Empty(new OpenXmlValidator().Validate(all, Ct).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var approvedText = Paragraphs(approved).Select(p => p.InnerText).ToList();
        Assert.Contains("Not included, not yet approved: D-WG (submitted).", approvedText);
        Assert.DoesNotContain(approvedText, t => t.Contains(Unapproved[..20], StringComparison.Ordinal));
        Assert.DoesNotContain("includes content not approved", string.Concat(approved.MainDocumentPart!.HeaderParts.Select(h => h.Header!.InnerText)));

        var entryHeadings = Styled(all, "Heading3").ToList();
        Assert.Contains($"D-WG — {RoundExport.DraftMark}: Limited, On track", entryHeadings);
        Assert.Contains("WG-TIP: Substantial, On track", entryHeadings);
        var matrixHeader = all.MainDocumentPart!.Document.Body!.Elements<W.Table>().First().Elements<W.TableRow>().First().Elements<W.TableCell>().Select(c => c.InnerText).ToList();
        Assert.Equal(["Focus area", "WG-TIP", "D-WGDraft — not approved"], matrixHeader);
        Assert.Contains("includes content not approved by the Co-Chairs", string.Concat(all.MainDocumentPart.HeaderParts.Select(h => h.Header!.InnerText)));

        // The narrative's Markdown is formatting, never asterisks; the link is a hyperlink to its address.
        var runs = all.MainDocumentPart.Document.Body!.Descendants<W.Run>().ToList();
        Assert.Contains(runs, r => r.InnerText == "Regional Event" && r.RunProperties?.Bold is not null);
        Assert.Contains(runs, r => r.InnerText == "Trafficking into Online Scam Centres" && r.RunProperties?.Italic is not null);
        Assert.Contains("• Members endorsed the Forward Work Plan", Paragraphs(all).Select(p => p.InnerText));
        var link = all.MainDocumentPart.Document.Body!.Descendants<W.Hyperlink>().First(h => h.Id is not null);
        Assert.Equal("the statement's list", link.InnerText);
        Assert.Equal("https://www.baliprocess.net/", all.MainDocumentPart.HyperlinkRelationships.Single(r => r.Id == link.Id!.Value).Uri.ToString());
        Assert.DoesNotContain("*", string.Concat(Paragraphs(all).Select(p => p.InnerText)));

        // The contents are written out as links to bookmarked headings; nothing asks to update fields on opening.
        var bookmarks = all.MainDocumentPart.Document.Body!.Descendants<W.BookmarkStart>().Select(b => b.Name!.Value).ToHashSet();
        var contents = all.MainDocumentPart.Document.Body!.Descendants<W.Hyperlink>().Where(h => h.Anchor is not null).ToList();
        Assert.Equal(["Co-Chairs' assessment", "Summary", "Focus areas by body", "Completion by focus area", "LE · Law enforcement",
            "LE-1 · Disrupt people smuggling and trafficking networks through cross-border investigation and prosecution",
            "IM · Irregular Migration and Related Transnational Crime", "IM-1 · Respond to trafficking for forced criminality in online scam operations"],
            contents.Select(h => h.InnerText));
        Assert.All(contents, h => Assert.Contains(h.Anchor!.Value, bookmarks));
        Assert.Null(all.MainDocumentPart.DocumentSettingsPart?.Settings.GetFirstChild<W.UpdateFieldsOnOpen>());
        Assert.All(all.MainDocumentPart.StyleDefinitionsPart!.Styles!.Elements<W.Style>().Where(s => s.StyleId!.Value!.StartsWith("Heading", StringComparison.Ordinal)),
            s => Assert.NotNull(s.StyleParagraphProperties!.KeepNext));
        Assert.All(all.MainDocumentPart.Document.Body!.Elements<W.Table>(), t => Assert.Equal(W.TableLayoutValues.Fixed, t.GetFirstChild<W.TableProperties>()!.TableLayout!.Type!.Value));
    }

    [Fact]
    public async Task Pdf_IsTagged_MarksDrafts_AndHoldsEveryWordOfTheData()
    {
        var (app, round) = await RoundAsync();
        await using var _ = app;
        var admin = await app.ApiClientAsync(Admin);
        var approved = await DownloadAsync(admin, round, "pdf");
        var all = await DownloadAsync(admin, round, "pdf", "all");

        using (var pdf = UglyToad.PdfPig.PdfDocument.Open(approved))
        {
            var catalog = pdf.Structure.Catalog.CatalogDictionary;
            Assert.True(catalog.TryGet(NameToken.Create("MarkInfo"), out var markInfoToken));
            var markInfo = UglyToad.PdfPig.Parser.Parts.DirectObjectFinder.Get<DictionaryToken>(markInfoToken, pdf.Structure.TokenScanner);
            Assert.True(((BooleanToken)markInfo!.Data["Marked"]).Data);
            Assert.True(catalog.ContainsKey(NameToken.Create("StructTreeRoot")));
            Assert.Equal("en-GB", ((StringToken)catalog.Data["Lang"]).Data);
            Assert.Equal("Scorecard: 19th AHG SOM, 2026", pdf.Information.Title);
            var words = Words(pdf);
            Assert.Contains("Not included, not yet approved: D-WG (submitted).", words);
            Assert.DoesNotContain("Joint Period of Action", words);
        }

        using (var pdf = UglyToad.PdfPig.PdfDocument.Open(all))
        {
            var pages = pdf.GetPages().ToList();
            var words = Words(pdf);

            // Every word of the data is on the page, whole and in order: nothing clipped, no Markdown left over.
            Assert.Contains("WG-TIP held a Regional Event on Trafficking into Online Scam Centres in Bangkok in November 2024.", words);
            Assert.Contains("• Members endorsed the Forward Work Plan", words);
            Assert.Contains("Partners joined from the statement's list", words);
            Assert.Contains(Unapproved, words);
            Assert.Contains("LE-1 · Disrupt people smuggling and trafficking networks through cross-border investigation and prosecution", words);
            Assert.Contains("Irregular Migration and Related Transnational Crime", words);
            Assert.DoesNotContain("*", words);
            Assert.Contains($"D-WG — {RoundExport.DraftMark}: Limited, On track", words);
            Assert.Contains("LE-1 Substantial", words);
            Assert.Contains("LE-1 Limited", words);
            Assert.All(pages, p => Assert.StartsWith("Scorecard: 19th AHG SOM, 2026 — includes content not approved by the Co-Chairs", Text(p)));
            Assert.Contains(pdf.GetPages().SelectMany(p => p.GetAnnotations()), a => a.Action is UglyToad.PdfPig.Actions.UriAction { Uri: "https://www.baliprocess.net/" });
        }

        if (Tool("pdfinfo") is { } pdfinfo)
        {
            var file = Path.Combine(Path.GetTempPath(), $"paper-{Guid.NewGuid():N}.pdf");
            await File.WriteAllBytesAsync(file, all, Ct);
            var (_, info) = await RunAsync(pdfinfo, file);
            File.Delete(file);
            Assert.Matches(@"Tagged:\s+yes", info);
        }
    }

    [Fact]
    public async Task WordPaper_OpenedInLibreOffice_ShowsItsContents_AndBreaksNoWord()
    {
        var soffice = Tool("soffice") ?? Skip("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui.");
        var (app, round) = await RoundAsync();
        await using var _ = app;
        var folder = Directory.CreateTempSubdirectory("paper-").FullName;
        try
        {
            var docx = Path.Combine(folder, "paper.docx");
            await File.WriteAllBytesAsync(docx, await DownloadAsync(await app.ApiClientAsync(Admin), round, "docx", "all"), Ct);

            var (code, output) = await RunAsync(soffice, "--headless", $"-env:UserInstallation=file://{folder}/profile", "--convert-to", "pdf", "--outdir", folder, docx);

            Assert.True(code == 0 && File.Exists(Path.Combine(folder, "paper.pdf")), output);
            using var pdf = UglyToad.PdfPig.PdfDocument.Open(Path.Combine(folder, "paper.pdf"));
            var words = pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text).ToHashSet(StringComparer.Ordinal);
            var text = Words(pdf);

            // The contents list each heading, so each appears twice: in the contents and where it stands.
            Assert.Equal(2, Regex.Count(text, Regex.Escape("IM · Irregular Migration and Related Transnational Crime")));
            Assert.Equal(2, Regex.Count(text, Regex.Escape("Completion by focus area")));

            // Table words are whole: each level label and area name is there word for word, never a part of one.
            string[] tableWords = ["Substantial", "Limited", "Complete", "evidence", "available", "applicable", "completion", "enforcement", "Irregular", "Transnational", "Migration"];
            Assert.All(tableWords, w => Assert.Contains(w, words));
            Assert.DoesNotContain(words, w => tableWords.Any(t => t.Length > w.Length + 1 && t.StartsWith(w, StringComparison.Ordinal) && w.Length > 3));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static IEnumerable<W.Paragraph> Paragraphs(WordprocessingDocument document) => document.MainDocumentPart!.Document.Body!.Descendants<W.Paragraph>();

    private static IEnumerable<string> Styled(WordprocessingDocument document, string style) =>
        Paragraphs(document).Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == style).Select(p => p.InnerText);

    /// <summary>The PDF's words in reading order, one space apart, so a sentence wrapped over lines reads as one.</summary>
    private static string Words(UglyToad.PdfPig.PdfDocument pdf) => string.Join(" ", pdf.GetPages().Select(Text));

    private static string Text(UglyToad.PdfPig.Content.Page page) => string.Join(" ", page.GetWords().Select(w => w.Text));

    private static string? Tool(string name)
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
        if (found is null && Environment.GetEnvironmentVariable("SCORECARDS_REQUIRE_SERVICES") == "1")
        {
            Assert.Fail($"{name} is required here (SCORECARDS_REQUIRE_SERVICES=1) but is not installed.");
        }

        return found;
    }

    private static string Skip(string why)
    {
        global::Scorecards.Tests.Skipped.Because(why);
        return "";
    }

    private static async Task<(int Code, string Output)> RunAsync(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync(Ct) + await process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        return (process.ExitCode, output);
    }
}
