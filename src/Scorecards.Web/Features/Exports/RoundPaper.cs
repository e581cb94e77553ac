using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Scorecards.Domain.Scorecards;
using Scorecards.Web.Features.Rounds;
using Scorecards.Web.Features.Shared;
using Scorecards.Web.Infrastructure;

namespace Scorecards.Web.Features.Exports;

/// <summary>
/// The round as an editable Word meeting paper: title block, table of contents, the Co-Chairs' assessment, the
/// focus area × body matrix with coloured cells and text labels, the distribution per focus area, then per
/// focus area each objective with every body's ratings, narrative and cited activities. Headings use Word's own
/// Heading styles, so the navigation pane and the table of contents work.
/// </summary>
public static class RoundPaper
{
    public static Task WriteAsync(RoundExport export, DateTime generatedUtc, Stream output, CancellationToken ct) =>
        PackageOutput.WriteAsync(stream => Write(export, generatedUtc, stream), output, ct);

    private static void Write(RoundExport export, DateTime generatedUtc, Stream stream)
    {
        using var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        main.AddNewPart<StyleDefinitionsPart>().Styles = Word.Styles();
        main.AddNewPart<DocumentSettingsPart>().Settings = new Settings(new UpdateFieldsOnOpen { Val = true });
        var body = new Body();
        var summary = export.Summary;

        body.Append(Word.Para(Word.ParagraphStyle("Title"), $"Scorecard: {export.Round}"));
        if (export.Meeting is not null)
        {
            body.Append(Word.Para(Word.ParagraphStyle("Subtitle"), export.Meeting));
        }

        body.Append(Word.Para(null, $"Period covered: {export.PeriodStart:d MMMM yyyy} – {export.PeriodEnd:d MMMM yyyy}. "
            + $"Round {summary.StatusLabel.ToLowerInvariant()}; {summary.ScorecardsIncluded} of {summary.Scorecards} scorecards included. "
            + $"Generated {generatedUtc:d MMMM yyyy, HH:mm} UTC."));
        body.Append(TableOfContents());

        body.Append(Word.Heading(1, "Co-Chairs' assessment"));
        if (summary.OverallAssessment is { } overall)
        {
            body.Append(Word.Markdown(overall.Text));
        }
        else
        {
            body.Append(Word.Para(null, "Not written yet."));
        }

        body.Append(Word.Heading(1, "Summary"));
        body.Append(Word.Para(null, $"{Charts.Describe(summary.Distribution)}"));
        body.Append(Word.Heading(2, "Focus areas by body"));
        body.Append(Matrix(summary));
        body.Append(Word.Para(Word.ParagraphStyle("Caption"), "Each cell lists the body's entries in the focus area with their completion; the colour is the most frequent level."));
        body.Append(Word.Heading(2, "Completion by focus area"));
        body.Append(Distribution(summary));

        foreach (var area in summary.FocusAreas)
        {
            body.Append(Word.Heading(1, $"{area.Code} · {area.Name}"));
            if (summary.AssessmentOf(area.Code) is { } assessment)
            {
                body.Append(Word.Para(Word.ParagraphStyle("Heading3"), "Co-Chairs' assessment"));
                body.Append(Word.Markdown(assessment.Text));
            }

            foreach (var objective in area.Objectives)
            {
                body.Append(Word.Heading(2, $"{objective.Code} · {objective.Title}"));
                var rows = export.Rows.Where(r => r.Objective == objective.Code).ToList();
                if (rows.Count == 0)
                {
                    body.Append(Word.Para(null, "No entries."));
                }

                foreach (var row in rows)
                {
                    var ratings = string.Join(", ", new[] { row.CompletionLabel ?? "Not rated", row.TrajectoryLabel, row.EffectLabel is null ? null : $"effect: {row.EffectLabel}" }
                        .Where(x => x is not null));
                    body.Append(new Paragraph(Word.ParagraphStyle("Heading3"), new Run(new Text($"{row.Body}: {ratings}"))));
                    if (row.NotApplicableReason is not null)
                    {
                        body.Append(Word.Para(null, $"Not applicable: {row.NotApplicableReason}"));
                    }

                    body.Append(Word.Markdown(row.Progress ?? "No narrative."));
                    if (row.Activities.Length > 0)
                    {
                        body.Append(new Paragraph(new Run(new RunProperties(new Bold()), new Text("Evidence: ") { Space = SpaceProcessingModeValues.Preserve }),
                            new Run(new Text(row.Activities))));
                    }
                }
            }
        }

        body.Append(new SectionProperties(
            new PageSize { Width = 11906, Height = 16838 },
            new PageMargin { Top = 1134, Bottom = 1134, Left = 1134, Right = 1134, Header = 567, Footer = 567, Gutter = 0 }));
        main.Document = new Document(body);
        main.Document.Save();
    }

    private static Paragraph TableOfContents() => new(
        new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
        new Run(new FieldCode(" TOC \\o \"1-2\" \\h \\z \\u ") { Space = SpaceProcessingModeValues.Preserve }),
        new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
        new Run(new Text("The table of contents is filled in when the document is opened (or right-click it and choose Update Field).")),
        new Run(new FieldChar { FieldCharType = FieldCharValues.End }));

    private static Table Matrix(RoundSummary summary)
    {
        var bodies = summary.Bodies.Where(b => b.Included).Select(b => b.Code).ToList();
        var table = NewTable(bodies.Count + 1);
        table.Append(Row(header: true, ["Focus area", .. bodies]));
        foreach (var area in summary.FocusAreas)
        {
            var row = new TableRow(Cell(area.Name, bold: true));
            foreach (var body in bodies)
            {
                var entries = area.Cells.FirstOrDefault(c => c.BodyCode == body)?.Entries ?? [];
                var lines = entries.Select(e => $"{e.ObjectiveCode} {e.CompletionLabel ?? "Not rated"}").ToList();
                row.Append(Cell(lines.Count == 0 ? "—" : string.Join("\n", lines), fill: PaperColours.CellLevel(entries)));
            }

            table.Append(row);
        }

        return table;
    }

    private static Table Distribution(RoundSummary summary)
    {
        var table = NewTable(Ratings.CompletionDisplayOrder.Count + 3);
        table.Append(Row(header: true, ["Focus area", .. Ratings.CompletionDisplayOrder.Select(l => l.Label()), "Not rated", "High completion"]));
        foreach (var area in summary.FocusAreas.Append(null))
        {
            var d = area?.Distribution ?? summary.Distribution;
            table.Append(Row(header: false, [area?.Name ?? "All focus areas", .. d.Levels.Select(l => l.Count.ToString(CultureInfo.InvariantCulture)),
                d.Unrated.ToString(CultureInfo.InvariantCulture), $"{d.HighCompletion} of {d.Counted} ({Charts.Percent(d.HighCompletionShare)})"]));
        }

        return table;
    }

    // The text width of an A4 page with 2 cm margins, in twentieths of a point.
    private const int TextWidth = 11906 - (2 * 1134);

    private static Table NewTable(int columns)
    {
        BorderType Border<T>()
            where T : BorderType, new() => new T { Val = BorderValues.Single, Size = 4, Color = "8A8A8A" };
        return new Table(new TableProperties(
            new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
            new TableBorders(Border<TopBorder>(), Border<LeftBorder>(), Border<BottomBorder>(), Border<RightBorder>(),
                Border<InsideHorizontalBorder>(), Border<InsideVerticalBorder>())),
            new TableGrid(Enumerable.Range(0, columns).Select(_ => new GridColumn { Width = (TextWidth / columns).ToString(CultureInfo.InvariantCulture) })));
    }

    private static TableRow Row(bool header, IEnumerable<string> cells)
    {
        var row = new TableRow(cells.Select(c => Cell(c, bold: header)));
        if (header)
        {
            row.PrependChild(new TableRowProperties(new TableHeader()));
        }

        return row;
    }

    private static TableCell Cell(string text, bool bold = false, Completion? fill = null)
    {
        var properties = new TableCellProperties();
        string? color = null;
        if (fill is { } level)
        {
            var (background, foreground) = PaperColours.Of(level);
            properties.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = background });
            color = foreground;
        }

        var cell = new TableCell(properties);
        foreach (var line in text.Split('\n'))
        {
            var run = new Run(new Text(line) { Space = SpaceProcessingModeValues.Preserve });
            var runProperties = new RunProperties();
            if (bold)
            {
                runProperties.Append(new Bold());
            }

            if (color is not null)
            {
                runProperties.Append(new Color { Val = color });
            }

            run.PrependChild(runProperties);
            cell.Append(new Paragraph(new ParagraphProperties(new SpacingBetweenLines { After = "0" }), run));
        }

        return cell;
    }

}
