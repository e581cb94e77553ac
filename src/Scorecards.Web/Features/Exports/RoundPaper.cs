using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Extensions.Localization;
using Scorecards.Domain.Scorecards;
using Scorecards.Web.Features.Rounds;
using Scorecards.Web.Infrastructure;

using Scorecards.Web.Infrastructure.Localization;

namespace Scorecards.Web.Features.Exports;

/// <summary>
/// The round as an editable Word meeting paper: a title block that says what the paper holds, a table of contents
/// written out as entries (so Word and LibreOffice show it without asking to update fields), the Co-Chairs' assessment,
/// the focus area × body matrix with each entry in its level's colour and words, the distribution per focus area, then
/// per focus area each objective with every body's ratings, narrative and cited activities. Headings use Word's own
/// Heading styles and keep with what follows; table columns are sized to their words, so no word is broken.
/// </summary>
public static class RoundPaper
{
    private const int BodyHalfPoints = 18;

    public static Task WriteAsync(RoundExport export, IStringLocalizer t, DateTime generatedUtc, Stream output, CancellationToken ct) =>
        PackageOutput.WriteAsync(stream => Write(export, t, generatedUtc, stream), output, ct, partsDated: new DateTimeOffset(generatedUtc, TimeSpan.Zero));

    private static void Write(RoundExport export, IStringLocalizer t, DateTime generatedUtc, Stream stream)
    {
        using var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document);
        var main = Word.MainPart(document);
        main.AddNewPart<StyleDefinitionsPart>("rIdStyles").Styles = Word.Styles();
        var summary = export.Summary;
        var headings = new Headings();
        var content = new List<OpenXmlElement>();

        content.Add(headings.Heading(1, t["Co-Chairs' assessment"]));
        if (summary.OverallAssessment is { } overall)
        {
            content.AddRange(Word.Narrative(main, overall.Text));
        }
        else
        {
            content.Add(Word.Para(null, t["Not written yet."]));
        }

        content.Add(headings.Heading(1, t["Summary"]));
        content.Add(Word.Para(null, Charts.Describe(summary.Distribution, t)));
        content.Add(headings.Heading(2, t["Focus areas by body"]));
        content.Add(Matrix(export, t));
        content.Add(Word.Para(Word.ParagraphStyle("Caption"), t["Each entry carries its own completion level, in words and colour."]
            + (export.IncludesUnapproved ? " " + t["Bodies marked \"{0}\" have not been approved.", t[RoundExport.DraftMark]] : "")));
        content.Add(headings.Heading(2, t["Completion by focus area"]));
        content.Add(Distribution(summary, t));

        foreach (var area in summary.FocusAreas)
        {
            content.Add(headings.Heading(1, $"{area.Code} · {area.Name}"));
            if (summary.AssessmentOf(area.Code) is { } assessment)
            {
                content.Add(Word.Para(Word.ParagraphStyle("Heading3"), t["Co-Chairs' assessment"]));
                content.AddRange(Word.Narrative(main, assessment.Text));
            }

            foreach (var objective in area.Objectives)
            {
                content.Add(headings.Heading(2, $"{objective.Code} · {objective.Title}"));
                var rows = export.Rows.Where(r => r.Objective == objective.Code).ToList();
                if (rows.Count == 0)
                {
                    content.Add(Word.Para(null, t["No entries."]));
                }

                foreach (var row in rows)
                {
                    content.Add(EntryHeading(export, row, t));
                    if (row.NotApplicableReason is not null)
                    {
                        content.Add(Word.Para(null, t["Not applicable: {0}", row.NotApplicableReason]));
                    }

                    var narrative = Word.Narrative(main, row.Progress).ToList();
                    content.AddRange(narrative.Count > 0 ? narrative : [Word.Para(null, t["No narrative."])]);
                    if (row.Activities.Length > 0)
                    {
                        content.Add(new Paragraph(Word.Run(t["Evidence:"] + " ", bold: true), Word.Run(Phrases.Months(t, row.Activities))));
                    }
                }
            }
        }

        var body = new Body();
        body.Append(Word.Para(Word.ParagraphStyle("Title"), t["Scorecard: {0}", export.Round]));
        if (export.Meeting is not null)
        {
            body.Append(Word.Para(Word.ParagraphStyle("Subtitle"), export.Meeting));
        }

        body.Append(Word.Para(null, t["Period covered: {0} – {1}. Round {2}. Generated {3} UTC.", export.PeriodStart.ToString("d MMMM yyyy", CultureInfo.CurrentCulture),
            export.PeriodEnd.ToString("d MMMM yyyy", CultureInfo.CurrentCulture), t[summary.StatusLabel].Value.ToLower(CultureInfo.CurrentCulture),
            generatedUtc.ToString("d MMMM yyyy, HH:mm", CultureInfo.CurrentCulture)]));
        var notice = export.UnapprovedNotice(t);
        foreach (var line in export.Contents(t))
        {
            body.Append(Word.Para(null, line, bold: line == notice));
        }

        body.Append(Word.Para(Word.ParagraphStyle("TOCHeading"), t["Contents"]));
        body.Append(headings.TableOfContents());
        body.Append(content.ToArray());
        body.Append(Word.A4(HeaderAndFooter(main, export, t)));
        main.Document = new Document(body);
        main.Document.Save();
    }

    /// <summary>"D-WG — Draft — not approved by the Co-Chairs: Limited, ▲ On track, effect: Marginal".</summary>
    private static Paragraph EntryHeading(RoundExport export, ExportRow row, IStringLocalizer t)
    {
        var ratings = string.Join(", ", new[] { t[row.CompletionLabel ?? "Not rated"].Value, row.TrajectoryLabel is null ? null : t[row.TrajectoryLabel].Value,
                row.EffectLabel is null ? null : Phrases.Uncapitalise(t["Effect: {0}", t[row.EffectLabel]]) }
            .Where(x => x is not null));
        var paragraph = new Paragraph(Word.ParagraphStyle("Heading3"), Word.Run(row.Body));
        if (export.IsDraft(row.Body))
        {
            paragraph.Append(Word.Run($" — {t[RoundExport.DraftMark]}", color: "9B1C1C"));
        }

        paragraph.Append(Word.Run($": {ratings}"));
        return paragraph;
    }

    /// <summary>The title and page numbers on every page; a paper with unapproved content says so on every page.</summary>
    private static OpenXmlElement[] HeaderAndFooter(MainDocumentPart main, RoundExport export, IStringLocalizer t)
    {
        var header = main.AddNewPart<HeaderPart>("rIdHeader");
        var headerText = new Paragraph(Word.ParagraphStyle("Caption"), Word.Run(t["Scorecard: {0}", export.Round]));
        if (export.IncludesUnapproved)
        {
            headerText.Append(Word.Run(" — " + t["includes content not approved by the Co-Chairs"], bold: true, color: "9B1C1C"));
        }

        header.Header = new Header(headerText);
        var footer = main.AddNewPart<FooterPart>("rIdFooter");
        footer.Footer = new Footer(new Paragraph(
            new ParagraphProperties(new ParagraphStyleId { Val = "Caption" }, new Justification { Val = JustificationValues.Right }),
            Word.Run(t["Page"] + " "), Field("PAGE", "1"), Word.Run(" " + t["of"] + " "), Field("NUMPAGES", "1")));
        return
        [
            new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) },
            new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
        ];
    }

    private static SimpleField Field(string instruction, string shown) => new(Word.Run(shown)) { Instruction = $" {instruction} " };

    private static Table Matrix(RoundExport export, IStringLocalizer t)
    {
        var summary = export.Summary;
        var bodies = summary.Bodies.Where(b => b.Included).Select(b => b.Code).ToList();
        List<IReadOnlyList<CellLine>> header = [[new CellLine(t["Focus area"], Bold: true)]];
        header.AddRange(bodies.Select(b => (IReadOnlyList<CellLine>)(export.IsDraft(b)
            ? [new CellLine(b, Bold: true), new CellLine(t["Draft — not approved"], Italic: true, Colour: "9B1C1C")]
            : [new CellLine(b, Bold: true)])));
        var rows = summary.FocusAreas.Select(area =>
        {
            List<IReadOnlyList<CellLine>> cells = [[new CellLine(area.Name, Bold: true)]];
            cells.AddRange(bodies.Select(body =>
            {
                var entries = area.Cells.FirstOrDefault(c => c.BodyCode == body)?.Entries ?? [];
                return entries.Count == 0
                    ? (IReadOnlyList<CellLine>)[new CellLine("—")]
                    : entries.Select(e => new CellLine($"{e.ObjectiveCode} {t[e.CompletionLabel ?? "Not rated"]}", Level: e.Completion, Rated: e.Completion is not null)).ToList();
            }));
            return (IReadOnlyList<IReadOnlyList<CellLine>>)cells;
        }).ToList();
        return Table([header, .. rows]);
    }

    private static Table Distribution(RoundSummary summary, IStringLocalizer t)
    {
        IReadOnlyList<CellLine> Text(string text, bool bold = false) => [new CellLine(text, Bold: bold)];
        List<IReadOnlyList<CellLine>> header = [Text(t["Focus area"], bold: true)];
        header.AddRange(Ratings.CompletionDisplayOrder.Select(l => Text(t[l.Label()], bold: true)));
        header.Add(Text(t["Not rated"], bold: true));
        header.Add(Text(t["High completion"], bold: true));
        var rows = summary.FocusAreas.Select(a => (a.Name, a.Distribution, Total: false))
            .Append((Name: t["All focus areas"].Value, summary.Distribution, Total: true)).Select(x =>
        {
            var d = x.Distribution;
            List<IReadOnlyList<CellLine>> cells = [Text(x.Name, bold: x.Total)];
            cells.AddRange(d.Levels.Select(l => Text(l.Count.ToString(CultureInfo.InvariantCulture))));
            cells.Add(Text(d.Unrated.ToString(CultureInfo.InvariantCulture)));
            cells.Add(Text(t["{0} of {1} ({2})", d.HighCompletion, d.Counted, Charts.Percent(d.HighCompletionShare, t)]));
            return (IReadOnlyList<IReadOnlyList<CellLine>>)cells;
        }).ToList();
        return Table([header, .. rows]);
    }

    /// <summary>One line of a table cell; a line with a level is shaded in the level's colour.</summary>
    private sealed record CellLine(string Text, bool Bold = false, bool Italic = false, string? Colour = null, Completion? Level = null, bool Rated = false);

    /// <summary>A table whose first row repeats on each page and whose columns are as wide as their words need.</summary>
    private static Table Table(IReadOnlyList<IReadOnlyList<IReadOnlyList<CellLine>>> rows)
    {
        var widths = ColumnWidths(rows);
        BorderType Border<T>()
            where T : BorderType, new() => new T { Val = BorderValues.Single, Size = 4, Color = "8A8A8A" };
        var table = new Table(new TableProperties(
            new TableWidth { Type = TableWidthUnitValues.Dxa, Width = widths.Sum().ToString(CultureInfo.InvariantCulture) },
            new TableBorders(Border<TopBorder>(), Border<LeftBorder>(), Border<BottomBorder>(), Border<RightBorder>(),
                Border<InsideHorizontalBorder>(), Border<InsideVerticalBorder>()),
            new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));
        for (var r = 0; r < rows.Count; r++)
        {
            // Rows are never split across pages; the header row repeats on each page the table continues on.
            var row = new TableRow(r == 0 ? new TableRowProperties(new CantSplit(), new TableHeader()) : new TableRowProperties(new CantSplit()));

            for (var c = 0; c < rows[r].Count; c++)
            {
                var cell = new TableCell(new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Dxa, Width = widths[c].ToString(CultureInfo.InvariantCulture) }));
                foreach (var line in rows[r][c])
                {
                    var properties = new ParagraphProperties();
                    var colour = line.Colour;
                    if (line.Rated || line.Level is not null)
                    {
                        var (background, foreground) = PaperColours.Of(line.Level);
                        properties.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = background });
                        colour ??= foreground;
                    }

                    properties.Append(new SpacingBetweenLines { After = "20" });
                    cell.Append(new Paragraph(properties, Word.Run(line.Text, line.Bold, line.Italic, colour, halfPoints: BodyHalfPoints)));
                }

                row.Append(cell);
            }

            table.Append(row);
        }

        return table;
    }

    /// <summary>
    /// Column widths in twentieths of a point: each column at least as wide as its longest word, then the rest of the
    /// page shared out by how much text each column holds, so no word is broken across lines.
    /// </summary>
    private static int[] ColumnWidths(IReadOnlyList<IReadOnlyList<IReadOnlyList<CellLine>>> rows)
    {
        const double padding = 2 * 5.75 + 3;
        var columns = rows.Max(r => r.Count);
        var least = new double[columns];
        var wanted = new double[columns];
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Count; c++)
            {
                foreach (var line in row[c])
                {
                    var font = PaperFonts.Font(BodyHalfPoints / 2.0, line.Bold, line.Italic);
                    least[c] = Math.Max(least[c], line.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => PaperFonts.Width(w, font)).DefaultIfEmpty(0).Max() + padding);
                    wanted[c] = Math.Max(wanted[c], PaperFonts.Width(line.Text, font) + padding);
                }
            }
        }

        var total = Word.TextWidth / 20.0;
        double[] points;
        if (wanted.Sum() <= total)
        {
            points = wanted.Select(w => w * total / wanted.Sum()).ToArray();
        }
        else if (least.Sum() <= total)
        {
            var spare = total - least.Sum();
            var room = wanted.Zip(least, (w, l) => w - l).ToArray();
            points = least.Select((l, i) => l + (spare * room[i] / Math.Max(room.Sum(), 1))).ToArray();
        }
        else
        {
            points = least.Select(l => l * total / least.Sum()).ToArray();
        }

        return points.Select(p => (int)Math.Floor(p * 20)).ToArray();
    }

    /// <summary>The headings of the paper, bookmarked, and a table of contents that lists them as links.</summary>
    private sealed class Headings
    {
        private readonly List<(int Level, string Text, string Bookmark)> _list = [];

        public Paragraph Heading(int level, string text)
        {
            var heading = Word.Heading(level, text);
            var id = _list.Count + 1;
            var name = $"_Toc{id:D6}";
            heading.InsertAfter(new BookmarkStart { Name = name, Id = id.ToString(CultureInfo.InvariantCulture) }, heading.ParagraphProperties);
            heading.Append(new BookmarkEnd { Id = id.ToString(CultureInfo.InvariantCulture) });
            _list.Add((level, text, name));
            return heading;
        }

        /// <summary>
        /// The contents as a Word TOC field whose result is already written: each heading a linked entry, without page numbers
        /// (the \n switch), so the list is there when the paper opens and updating the field in Word gives the same list.
        /// </summary>
        public IEnumerable<Paragraph> TableOfContents()
        {
            for (var i = 0; i < _list.Count; i++)
            {
                var (level, text, bookmark) = _list[i];
                var paragraph = new Paragraph(Word.ParagraphStyle($"TOC{level}"));
                if (i == 0)
                {
                    paragraph.Append(
                        new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
                        new Run(new FieldCode(" TOC \\o \"1-2\" \\h \\z \\n ") { Space = SpaceProcessingModeValues.Preserve }),
                        new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }));
                }

                paragraph.Append(new Hyperlink(Word.Run(text)) { Anchor = bookmark, History = true });
                if (i == _list.Count - 1)
                {
                    paragraph.Append(new Run(new FieldChar { FieldCharType = FieldCharValues.End }));
                }

                yield return paragraph;
            }
        }
    }
}
