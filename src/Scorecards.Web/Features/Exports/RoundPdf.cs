using System.Reflection;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;
using Scorecards.Domain.Scorecards;
using Scorecards.Web.Features.Rounds;
using Scorecards.Web.Features.Shared;
using Scorecards.Web.Infrastructure;

namespace Scorecards.Web.Features.Exports;

/// <summary>
/// The round as a print-ready A4 PDF: a header and page numbers on every page, the Co-Chairs' assessment, the focus
/// area × body matrix with coloured cells and text labels, a completion bar per focus area, then the narratives. It
/// uses the DejaVu Sans fonts shipped inside the program, so it looks the same on every server.
/// </summary>
public static class RoundPdf
{
    private const double Margin = 50;
    private static readonly Lock FontsLock = new();

    public static Task WriteAsync(RoundExport export, DateTime generatedUtc, Stream output, CancellationToken ct) =>
        PackageOutput.WriteAsync(stream => Write(export, generatedUtc, stream), output, ct);

    private static void Write(RoundExport export, DateTime generatedUtc, Stream stream)
    {
        EnsureFonts();
        using var document = new PdfDocument();
        document.Info.Title = $"Scorecard: {export.Round}";
        document.Info.Creator = "Scorecards";
        var page = new Layout(document, $"Scorecard: {export.Round}");
        var summary = export.Summary;

        page.Text($"Scorecard: {export.Round}", 20, bold: true);
        if (export.Meeting is not null)
        {
            page.Text(export.Meeting, 12);
        }

        page.Text($"Period covered: {export.PeriodStart:d MMMM yyyy} – {export.PeriodEnd:d MMMM yyyy}. Round {summary.StatusLabel.ToLowerInvariant()}; "
            + $"{summary.ScorecardsIncluded} of {summary.Scorecards} scorecards included. Generated {generatedUtc:d MMMM yyyy, HH:mm} UTC.", 9);
        page.Space(8);

        page.Text("Co-Chairs' assessment", 14, bold: true);
        page.Text(summary.OverallAssessment is { } overall ? Plain(overall.Text) : "Not written yet.", 10);
        page.Space(8);

        page.Text("Focus areas by body", 14, bold: true);
        Matrix(page, summary);
        page.Space(8);
        page.Text("Completion by focus area", 14, bold: true);
        page.Text(Charts.Describe(summary.Distribution), 9);
        foreach (var area in summary.FocusAreas)
        {
            page.Bar(area.Name, area.Distribution);
        }

        page.Legend();

        foreach (var area in summary.FocusAreas)
        {
            page.Space(10);
            page.Text($"{area.Code} · {area.Name}", 14, bold: true, keepWithNext: 60);
            if (summary.AssessmentOf(area.Code) is { } assessment)
            {
                page.Text("Co-Chairs' assessment: " + Plain(assessment.Text), 10);
            }

            foreach (var objective in area.Objectives)
            {
                page.Text($"{objective.Code} · {objective.Title}", 11, bold: true, keepWithNext: 40);
                foreach (var row in export.Rows.Where(r => r.Objective == objective.Code))
                {
                    page.Text($"{row.Body}: {row.CompletionLabel ?? "Not rated"}{(row.TrajectoryLabel is null ? "" : ", " + row.TrajectoryLabel)}", 10, bold: true, keepWithNext: 24);
                    page.Text(Plain(row.Progress ?? "No narrative."), 10);
                    if (row.Activities.Length > 0)
                    {
                        page.Text("Evidence: " + row.Activities, 9);
                    }
                }
            }
        }

        page.Finish();
        document.Save(stream, closeStream: false);
    }

    private static void Matrix(Layout page, RoundSummary summary)
    {
        var bodies = summary.Bodies.Where(b => b.Included).Select(b => b.Code).ToList();
        var first = 120.0;
        var width = (page.Width - first) / Math.Max(1, bodies.Count);
        page.Row(18, (gfx, top) =>
        {
            var font = Layout.Font(8, bold: true);
            gfx.DrawString("Focus area", font, XBrushes.Black, new XRect(Margin + 2, top, first, 18), XStringFormats.CenterLeft);
            for (var i = 0; i < bodies.Count; i++)
            {
                gfx.DrawString(bodies[i], font, XBrushes.Black, new XRect(Margin + first + (i * width), top, width, 18), XStringFormats.Center);
            }
        });
        foreach (var area in summary.FocusAreas)
        {
            var lines = bodies.Select(b => area.Cells.FirstOrDefault(c => c.BodyCode == b)?.Entries ?? []).ToList();
            var height = Math.Max(18, (lines.Max(l => l.Count) * 10) + 6);
            page.Row(height, (gfx, top) =>
            {
                var font = Layout.Font(7.5);
                var pen = new XPen(XColor.FromArgb(138, 138, 138), 0.5);
                gfx.DrawRectangle(pen, Margin, top, first, height);
                gfx.DrawString(area.Name, Layout.Font(8, bold: true), XBrushes.Black, new XRect(Margin + 2, top, first - 4, height), XStringFormats.CenterLeft);
                for (var i = 0; i < bodies.Count; i++)
                {
                    var x = Margin + first + (i * width);
                    var entries = lines[i];
                    var (fill, text) = Colours(PaperColours.CellLevel(entries));
                    gfx.DrawRectangle(pen, new XSolidBrush(fill), x, top, width, height);
                    var y = top + 3;
                    foreach (var e in entries)
                    {
                        gfx.DrawString($"{e.ObjectiveCode} {e.CompletionLabel ?? "Not rated"}", font, new XSolidBrush(text), new XRect(x + 2, y, width - 4, 10), XStringFormats.TopLeft);
                        y += 10;
                    }

                    if (entries.Count == 0)
                    {
                        gfx.DrawString("—", font, XBrushes.Black, new XRect(x, top, width, height), XStringFormats.Center);
                    }
                }
            });
        }
    }

    private static (XColor Fill, XColor Text) Colours(Completion? level)
    {
        var (background, foreground) = PaperColours.Of(level);
        return (Hex(background), Hex(foreground));
    }

    private static XColor Hex(string rgb) => XColor.FromArgb(Convert.ToInt32(rgb[..2], 16), Convert.ToInt32(rgb[2..4], 16), Convert.ToInt32(rgb[4..], 16));

    /// <summary>Markdown read as plain text: emphasis markers dropped, paragraphs kept apart.</summary>
    private static string Plain(string markdown) => markdown.Replace("**", "", StringComparison.Ordinal).ReplaceLineEndings("\n");

    private static void EnsureFonts()
    {
        lock (FontsLock)
        {
            GlobalFontSettings.FontResolver ??= new EmbeddedFonts();
        }
    }

    /// <summary>DejaVu Sans, regular and bold, from the program's resources (licence beside the font files).</summary>
    private sealed class EmbeddedFonts : IFontResolver
    {
        public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) => new(bold ? "DejaVuSans-Bold" : "DejaVuSans");

        public byte[] GetFont(string faceName)
        {
            var assembly = Assembly.GetExecutingAssembly();
            var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith($".{faceName}.ttf", StringComparison.Ordinal));
            using var resource = assembly.GetManifestResourceStream(name)!;
            using var copy = new MemoryStream();
            resource.CopyTo(copy);
            return copy.ToArray();
        }
    }

    /// <summary>Writes top to bottom, starting a new page when the next block does not fit; numbers the pages at the end.</summary>
    private sealed class Layout(PdfDocument document, string header)
    {
        private PdfPage? _page;
        private XGraphics? _gfx;
        private double _y;

        public double Width => (_page?.Width.Point ?? XUnit.FromMillimeter(210).Point) - (2 * Margin);

        private double Bottom => _page!.Height.Point - Margin - 20;

        public static XFont Font(double size, bool bold = false) => new("DejaVu Sans", size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);

        public void Space(double points) => _y += points;

        public void Text(string text, double size, bool bold = false, double keepWithNext = 0)
        {
            var font = Font(size, bold);
            var lineHeight = size * 1.35;
            Ensure(lineHeight + keepWithNext);
            foreach (var paragraph in text.Split('\n', StringSplitOptions.TrimEntries))
            {
                foreach (var line in Wrap(paragraph, font))
                {
                    Ensure(lineHeight);
                    _gfx!.DrawString(line, font, XBrushes.Black, new XRect(Margin, _y, Width, lineHeight), XStringFormats.TopLeft);
                    _y += lineHeight;
                }
            }

            _y += size * 0.4;
        }

        public void Row(double height, Action<XGraphics, double> draw)
        {
            Ensure(height);
            draw(_gfx!, _y);
            _y += height;
        }

        /// <summary>One focus area's completion as a stacked bar, with the counts in words beside it.</summary>
        public void Bar(string label, DistributionDto distribution)
        {
            Row(16, (gfx, top) =>
            {
                gfx.DrawString(label, Font(8), XBrushes.Black, new XRect(Margin, top, 130, 14), XStringFormats.CenterLeft);
                var x = Margin + 132;
                var width = 200.0;
                var total = distribution.Total;
                var pen = new XPen(XColor.FromArgb(118, 118, 118), 0.5);
                gfx.DrawRectangle(pen, x, top + 2, width, 10);
                foreach (var level in distribution.Levels.Where(l => l.Count > 0))
                {
                    var w = width * level.Count / Math.Max(1, total);
                    gfx.DrawRectangle(pen, new XSolidBrush(Colours(level.Level).Fill), x, top + 2, w, 10);
                    x += w;
                }

                gfx.DrawString($"{distribution.HighCompletion} of {distribution.Counted} substantial or complete ({Charts.Percent(distribution.HighCompletionShare)})",
                    Font(8), XBrushes.Black, new XRect(Margin + 340, top, Width - 340, 14), XStringFormats.CenterLeft);
            });
        }

        public void Legend() => Row(16, (gfx, top) =>
        {
            var x = Margin;
            foreach (var level in Ratings.CompletionDisplayOrder)
            {
                var pen = new XPen(XColor.FromArgb(118, 118, 118), 0.5);
                gfx.DrawRectangle(pen, new XSolidBrush(Colours(level).Fill), x, top + 3, 9, 9);
                gfx.DrawString(level.Label(), Font(7.5), XBrushes.Black, new XRect(x + 12, top, 80, 14), XStringFormats.CenterLeft);
                x += 16 + gfx.MeasureString(level.Label(), Font(7.5)).Width;
            }
        });

        public void Finish()
        {
            _gfx?.Dispose();
            for (var i = 0; i < document.PageCount; i++)
            {
                using var gfx = XGraphics.FromPdfPage(document.Pages[i], XGraphicsPdfPageOptions.Append);
                var p = document.Pages[i];
                gfx.DrawString(header, Font(8), XBrushes.Gray, new XRect(Margin, 20, p.Width.Point - (2 * Margin), 12), XStringFormats.TopLeft);
                gfx.DrawString($"Page {i + 1} of {document.PageCount}", Font(8), XBrushes.Gray,
                    new XRect(Margin, p.Height.Point - 30, p.Width.Point - (2 * Margin), 12), XStringFormats.TopRight);
            }
        }

        private void Ensure(double height)
        {
            if (_page is not null && _y + height <= Bottom)
            {
                return;
            }

            _gfx?.Dispose();
            _page = document.AddPage();
            _page.Size = PdfSharp.PageSize.A4;
            _gfx = XGraphics.FromPdfPage(_page);
            _y = Margin;
        }

        private IEnumerable<string> Wrap(string paragraph, XFont font)
        {
            Ensure(0);
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (line.Length > 0 && _gfx!.MeasureString(candidate, font).Width > Width)
                {
                    yield return line;
                    line = word;
                }
                else
                {
                    line = candidate;
                }
            }

            if (line.Length > 0)
            {
                yield return line;
            }
        }
    }
}
