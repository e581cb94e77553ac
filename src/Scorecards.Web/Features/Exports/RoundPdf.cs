using System.Globalization;
using Microsoft.Extensions.Localization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.UniversalAccessibility;
using Scorecards.Domain.Scorecards;
using Scorecards.Web.Features.Rounds;
using Scorecards.Web.Infrastructure;

using Scorecards.Web.Infrastructure.Localization;

namespace Scorecards.Web.Features.Exports;

/// <summary>
/// The round as a print-ready, tagged A4 PDF: a header and page numbers on every page, a title block that says what the
/// paper holds, the Co-Chairs' assessment, the focus area × body matrix with each entry in its level's colour and words,
/// a completion bar per focus area, then the narratives with their Markdown as formatting. Every text wraps, nothing is
/// cut; a heading never ends a page; the document carries its structure, language and title for screen readers.
/// </summary>
public static class RoundPdf
{
    private const double Margin = 50;
    private const double Top = Margin + 10;
    private const double Bottom = 842 - Margin - 12;
    private const double Width = 595 - (2 * Margin);

    private static readonly XColor Ink = XColor.FromArgb(27, 31, 36);
    private static readonly XColor Muted = XColor.FromArgb(74, 82, 92);
    private static readonly XColor Brand = XColor.FromArgb(18, 53, 91);
    private static readonly XColor Danger = XColor.FromArgb(155, 28, 28);
    private static readonly XColor Rule = XColor.FromArgb(138, 138, 138);
    private static readonly XColor LinkColour = XColor.FromArgb(11, 79, 138);

    public static Task WriteAsync(RoundExport export, IStringLocalizer t, DateTime generatedUtc, Stream output, CancellationToken ct) =>
        PackageOutput.WriteAsync(stream => Write(export, t, generatedUtc, stream), output, ct);

    private static void Write(RoundExport export, IStringLocalizer t, DateTime generatedUtc, Stream stream)
    {
        PaperFonts.EnsureResolver();
        var title = t["Scorecard: {0}", export.Round].Value;
        var blocks = Blocks(export, generatedUtc, title, t);
        var pages = Paginate(blocks);

        using var document = new PdfDocument();
        document.Info.Title = title;
        document.Info.Subject = string.Join(" ", export.Contents(t));
        document.Info.Creator = "Scorecards";
        var ua = UAManager.ForDocument(document);
        ua.SetDocumentLanguage(Languages.Tag(CultureInfo.CurrentUICulture));
        var header = export.IncludesUnapproved ? $"{title} — {t["includes content not approved by the Co-Chairs"]}" : title;
        for (var i = 0; i < pages.Count; i++)
        {
            var page = document.AddPage();
            page.Size = PdfSharp.PageSize.A4;
            using var gfx = XGraphics.FromPdfPage(page);
            var canvas = new Canvas(document, page, gfx, ua.StructureBuilder);
            canvas.Artifact(() =>
            {
                gfx.DrawString(header, PaperFonts.Font(8, bold: export.IncludesUnapproved), new XSolidBrush(export.IncludesUnapproved ? Danger : Muted),
                    new XRect(Margin, 24, Width, 12), XStringFormats.TopLeft);
                gfx.DrawString(t["Page {0} of {1}", i + 1, pages.Count], PaperFonts.Font(8), new XSolidBrush(Muted), new XRect(Margin, 842 - 36, Width, 12), XStringFormats.TopRight);
            });
            foreach (var placed in pages[i])
            {
                placed.Block.Render(canvas, placed);
            }
        }

        var identifier = RepeatablePdf.Stamp(document, generatedUtc, Languages.Tag(CultureInfo.CurrentUICulture));
        document.Save(stream, closeStream: false);
        RepeatablePdf.SettleRandomParts(stream, identifier);
    }

    private static List<Block> Blocks(RoundExport export, DateTime generatedUtc, string title, IStringLocalizer t)
    {
        var summary = export.Summary;
        var blocks = new List<Block>
        {
            Text.Heading(title, 20, Tag.Heading1, outline: false),
        };
        if (export.Meeting is not null)
        {
            blocks.Add(Text.Plain(export.Meeting, 12, Muted));
        }

        blocks.Add(Text.Plain(t["Period covered: {0} – {1}. Round {2}. Generated {3} UTC.", export.PeriodStart.ToString("d MMMM yyyy", CultureInfo.CurrentCulture),
            export.PeriodEnd.ToString("d MMMM yyyy", CultureInfo.CurrentCulture), t[summary.StatusLabel].Value.ToLower(CultureInfo.CurrentCulture),
            generatedUtc.ToString("d MMMM yyyy, HH:mm", CultureInfo.CurrentCulture)], 9, Muted));
        var notice = export.UnapprovedNotice(t);
        foreach (var line in export.Contents(t))
        {
            var draft = line == notice;
            blocks.Add(Text.Plain(line, 9, draft ? Danger : Ink, bold: draft));
        }

        blocks.Add(new Space(6));
        blocks.Add(Text.Heading(t["Co-Chairs' assessment"], 14, Tag.Heading1));
        blocks.AddRange(summary.OverallAssessment is { } overall ? Text.Narrative(overall.Text, 10) : [Text.Plain(t["Not written yet."], 10, Ink)]);

        blocks.Add(Text.Heading(t["Focus areas by body"], 14, Tag.Heading1));
        blocks.Add(Matrix(export, t));
        blocks.Add(Text.Plain(t["Each entry carries its own completion level, in words and colour."]
            + (export.IncludesUnapproved ? " " + t["Bodies marked \"{0}\" have not been approved.", t[RoundExport.DraftMark]] : ""), 8, Muted));

        blocks.Add(Text.Heading(t["Completion by focus area"], 14, Tag.Heading1));
        blocks.Add(Text.Plain(Charts.Describe(summary.Distribution, t), 9, Ink));
        blocks.AddRange(summary.FocusAreas.Select(area => new Bar(area.Name, area.Distribution, t)));
        blocks.Add(new Legend(t));

        foreach (var area in summary.FocusAreas)
        {
            blocks.Add(new Space(6));
            blocks.Add(Text.Heading($"{area.Code} · {area.Name}", 14, Tag.Heading1));
            if (summary.AssessmentOf(area.Code) is { } assessment)
            {
                blocks.Add(Text.Heading(t["Co-Chairs' assessment"], 10, Tag.Heading3, outline: false));
                blocks.AddRange(Text.Narrative(assessment.Text, 10));
            }

            foreach (var objective in area.Objectives)
            {
                blocks.Add(Text.Heading($"{objective.Code} · {objective.Title}", 11, Tag.Heading2));
                var rows = export.Rows.Where(r => r.Objective == objective.Code).ToList();
                if (rows.Count == 0)
                {
                    blocks.Add(Text.Plain(t["No entries."], 10, Muted));
                }

                foreach (var row in rows)
                {
                    var ratings = string.Join(", ", new[] { t[row.CompletionLabel ?? "Not rated"].Value, row.TrajectoryLabel is null ? null : t[row.TrajectoryLabel].Value, row.EffectLabel is null ? null : Phrases.Uncapitalise(t["Effect: {0}", t[row.EffectLabel]]) }
                        .Where(x => x is not null));
                    blocks.Add(export.IsDraft(row.Body)
                        ? Text.Heading([new Run(row.Body, Bold: true), new Run($" — {t[RoundExport.DraftMark]}", Bold: true, Colour: Danger), new Run($": {ratings}", Bold: true)], 10, Tag.Heading3)
                        : Text.Heading($"{row.Body}: {ratings}", 10, Tag.Heading3, outline: false));
                    if (row.NotApplicableReason is not null)
                    {
                        blocks.Add(Text.Plain(t["Not applicable: {0}", row.NotApplicableReason], 10, Ink));
                    }

                    var narrative = Text.Narrative(row.Progress, 10);
                    blocks.AddRange(narrative.Count > 0 ? narrative : [Text.Plain(t["No narrative."], 10, Muted)]);
                    if (row.Activities.Length > 0)
                    {
                        blocks.Add(new Text([new Run(t["Evidence:"] + " ", Bold: true), new Run(Phrases.Months(t, row.Activities))], 9, Tag.Paragraph, 0, null));
                    }
                }
            }
        }

        return blocks;
    }

    private static Table Matrix(RoundExport export, IStringLocalizer t)
    {
        var summary = export.Summary;
        var bodies = summary.Bodies.Where(b => b.Included).Select(b => b.Code).ToList();
        var first = Math.Min(110, Width / 3);
        var widths = new[] { first }.Concat(bodies.Select(_ => (Width - first) / Math.Max(1, bodies.Count))).ToArray();
        var header = new List<Cell> { new([new Chip([new Run(t["Focus area"], Bold: true)], null)]) };
        header.AddRange(bodies.Select(b => new Cell(export.IsDraft(b)
            ? [new Chip([new Run(b, Bold: true)], null), new Chip([new Run(t["Draft — not approved"], Italic: true, Colour: Danger)], null)]
            : [new Chip([new Run(b, Bold: true)], null)])));
        var rows = summary.FocusAreas.Select(area =>
        {
            var cells = new List<Cell> { new([new Chip([new Run(area.Name, Bold: true)], null)]) };
            cells.AddRange(bodies.Select(body =>
            {
                var entries = area.Cells.FirstOrDefault(c => c.BodyCode == body)?.Entries ?? [];
                return new Cell(entries.Count == 0
                    ? [new Chip([new Run("—")], null)]
                    : entries.Select(e => new Chip([new Run(e.ObjectiveCode, Bold: true), new Run(" " + t[e.CompletionLabel ?? "Not rated"])], e.Completion, Rated: true)).ToList());
            }));
            return cells;
        }).ToList();
        return new Table(widths, header, rows, 7.5);
    }

    /// <summary>Blocks laid onto pages: each page a list of what it holds, and from where to where.</summary>
    private static List<List<Placed>> Paginate(List<Block> blocks)
    {
        var pages = new List<List<Placed>> { new() };
        var y = Top;
        void NewPage()
        {
            pages.Add([]);
            y = Top;
        }

        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            // A heading goes to the next page unless the start of what follows it fits under it.
            if (block.KeepWithNext && y > Top && y + block.Lead(blocks, i) > Bottom)
            {
                NewPage();
            }

            foreach (var part in block.Parts())
            {
                var before = y > Top ? part.Before : 0;
                if (y + before + part.Height > Bottom && y > Top)
                {
                    NewPage();
                    before = 0;
                    if (part.RepeatHeader)
                    {
                        // A table continued on a new page repeats its header row first.
                        pages[^1].Add(new Placed(block, block.HeaderPart!, y));
                        y += block.HeaderPart!.Height;
                    }
                }

                y += before;
                pages[^1].Add(new Placed(block, part, y));
                y += part.Height + part.After;
            }
        }

        return pages.Where(p => p.Count > 0).ToList() is { Count: > 0 } filled ? filled : [[]];
    }

    private enum Tag
    {
        Paragraph,
        Heading1,
        Heading2,
        Heading3,
        ListItem,
    }

    /// <summary>A run of text in one style; <see cref="Link"/> makes it a link to a web address.</summary>
    private sealed record Run(string Text, bool Bold = false, bool Italic = false, XColor? Colour = null, string? Link = null);

    /// <summary>A piece of a laid-out line: its run's style, its text and where it starts.</summary>
    private sealed record Piece(string Text, XFont Font, XColor Colour, string? Link, double X, double Width);

    /// <summary>One line of wrapped text.</summary>
    private sealed record Line(IReadOnlyList<Piece> Pieces);

    /// <summary>A part of a block that goes on one page: a few lines, a table row, a bar.</summary>
    private sealed record Part(double Height, double Before, double After, int From, int To, bool RepeatHeader = false);

    private sealed record Placed(Block Block, Part Part, double Y);

    private abstract class Block
    {
        public virtual bool KeepWithNext => false;

        public virtual Part? HeaderPart => null;

        public abstract IEnumerable<Part> Parts();

        public abstract void Render(Canvas canvas, Placed placed);

        /// <summary>The height this block needs at the foot of a page before its first break: for a heading, with the start of what follows.</summary>
        public virtual double Lead(List<Block> blocks, int index)
        {
            var first = Parts().FirstOrDefault();
            var own = first is null ? 0 : first.Before + first.Height;
            return KeepWithNext && index + 1 < blocks.Count ? own + blocks[index + 1].Lead(blocks, index + 1) : own;
        }
    }

    private sealed class Space(double points) : Block
    {
        public override IEnumerable<Part> Parts() => [new Part(points, 0, 0, 0, 0)];

        public override void Render(Canvas canvas, Placed placed)
        {
        }
    }

    /// <summary>A paragraph, heading or list item, wrapped to the page; it may break between lines, never within one.</summary>
    private sealed class Text : Block
    {
        private readonly List<Line> _lines;
        private readonly double _lineHeight;
        private readonly Tag _tag;
        private readonly double _indent;
        private readonly string? _marker;
        private readonly bool _heading;
        private readonly bool _outline;
        private readonly double _size;

        public Text(IReadOnlyList<Run> runs, double size, Tag tag, double indent, string? marker, bool heading = false, bool outline = false)
        {
            _size = size;
            _tag = tag;
            _indent = indent;
            _marker = marker;
            _heading = heading;
            _outline = outline;
            _lineHeight = size * 1.35;
            _lines = Wrap(runs, size, Width - indent);
        }

        public override bool KeepWithNext => _heading;

        private string Words => string.Join(" ", _lines.SelectMany(l => l.Pieces).Select(p => p.Text));

        public static Text Plain(string text, double size, XColor colour, bool bold = false) => new([new Run(text, Bold: bold, Colour: colour)], size, Tag.Paragraph, 0, null);

        public static Text Heading(string text, double size, Tag tag, bool outline = true) =>
            new([new Run(text, Bold: true, Colour: tag == Tag.Heading3 ? Ink : Brand)], size, tag, 0, null, heading: true, outline: outline);

        public static Text Heading(IReadOnlyList<Run> runs, double size, Tag tag) => new(runs, size, tag, 0, null, heading: true);

        /// <summary>A narrative's Markdown as paragraphs and list items, with bold, italic and links.</summary>
        public static List<Block> Narrative(string? markdown, double size) =>
            Exports.Narrative.Parse(markdown).Select(b => (Block)new Text(
                b.Spans.Select(s => new Run(s.Text, s.Bold, s.Italic,
                    s.Link is null ? null : LinkColour, s.Link)).ToList(),
                size, b.Marker is null ? Tag.Paragraph : Tag.ListItem, 14 * b.Depth, b.Marker)).ToList();

        public override IEnumerable<Part> Parts()
        {
            var before = _heading ? _size * 0.6 : 0;
            var after = _size * 0.45;
            if (_heading)
            {
                // A heading is never split.
                yield return new Part(_lines.Count * _lineHeight, before, after, 0, _lines.Count);
                yield break;
            }

            // A page never ends on a paragraph's first line alone, nor starts with its last line alone; a short paragraph is never split.
            if (_lines.Count <= 3)
            {
                yield return new Part(_lines.Count * _lineHeight, before, after, 0, _lines.Count);
                yield break;
            }

            for (var i = 0; i < _lines.Count;)
            {
                var take = i == 0 || i == _lines.Count - 2 ? 2 : 1;
                var last = i + take >= _lines.Count;
                yield return new Part(take * _lineHeight, i == 0 ? before : 0, last ? after : 0, i, i + take);
                i += take;
            }
        }

        public override void Render(Canvas canvas, Placed placed)
        {
            canvas.Begin(_tag, placed.Part.From == 0 && _outline ? Words : null, placed.Y);
            for (var i = placed.Part.From; i < placed.Part.To && i < _lines.Count; i++)
            {
                var y = placed.Y + ((i - placed.Part.From) * _lineHeight);
                if (i == 0 && _marker is not null)
                {
                    canvas.Draw(new Piece(_marker, PaperFonts.Font(_size), Ink, null, Margin + _indent - 12, 10), y, _lineHeight);
                }

                foreach (var piece in _lines[i].Pieces)
                {
                    canvas.Draw(piece with { X = piece.X + Margin + _indent }, y, _lineHeight);
                }
            }

            canvas.End();
        }
    }

    /// <summary>Words laid into lines no wider than the width; a word wider than a whole line is broken, never cut.</summary>
    private static List<Line> Wrap(IReadOnlyList<Run> runs, double size, double width)
    {
        var lines = new List<Line>();
        var pieces = new List<Piece>();
        var x = 0.0;
        void Break()
        {
            lines.Add(new Line(pieces.ToList()));
            pieces.Clear();
            x = 0;
        }

        foreach (var run in runs)
        {
            var font = PaperFonts.Font(size, run.Bold, run.Italic);
            var colour = run.Colour ?? Ink;
            var space = PaperFonts.Width(" ", font);
            var first = true;
            foreach (var segment in run.Text.Split('\n'))
            {
                if (!first)
                {
                    Break();
                }

                first = false;
                var leadingSpace = segment.StartsWith(' ');
                var words = segment.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                for (var w = 0; w < words.Length; w++)
                {
                    var word = words[w];
                    var gap = x > 0 && (w > 0 || leadingSpace) ? space : 0;
                    var wordWidth = PaperFonts.Width(word, font);
                    if (x + gap + wordWidth > width && x > 0)
                    {
                        Break();
                        gap = 0;
                    }

                    while (wordWidth > width)
                    {
                        // Longer than a line (a long web address): as much as fits, then the rest on the next line.
                        var fit = 1;
                        while (fit < word.Length && PaperFonts.Width(word[..(fit + 1)], font) <= width)
                        {
                            fit++;
                        }

                        pieces.Add(new Piece(word[..fit], font, colour, run.Link, x, PaperFonts.Width(word[..fit], font)));
                        Break();
                        word = word[fit..];
                        wordWidth = PaperFonts.Width(word, font);
                    }

                    pieces.Add(new Piece(word, font, colour, run.Link, x + gap, wordWidth));
                    x += gap + wordWidth;
                }

                if (segment.EndsWith(' ') && x > 0)
                {
                    x += space;
                }
            }
        }

        if (pieces.Count > 0 || lines.Count == 0)
        {
            Break();
        }

        return lines;
    }

    /// <summary>A cell's content: chips stacked, each a level's colour behind its own words, or plain text.</summary>
    private sealed record Chip(IReadOnlyList<Run> Runs, Completion? Level, bool Rated = false);

    private sealed record Cell(IReadOnlyList<Chip> Chips);

    /// <summary>A table whose rows never split across pages and whose header row repeats on each page it continues on.</summary>
    private sealed class Table : Block
    {
        private const double Pad = 3;
        private readonly double[] _widths;
        private readonly List<List<Cell>> _rows;
        private readonly List<List<List<List<Line>>>> _laid;
        private readonly double[] _heights;
        private readonly double _size;

        public Table(double[] widths, List<Cell> header, List<List<Cell>> rows, double size)
        {
            _widths = widths;
            _size = size;
            _rows = [header, .. rows];
            _laid = _rows.Select(r => r.Select((cell, c) => cell.Chips.Select(chip => Wrap(chip.Runs, size, widths[c] - (2 * Pad) - (chip.Rated ? 4 : 0))).ToList()).ToList()).ToList();
            _heights = _laid.Select(r => r.Max(cell => cell.Sum(chip => (chip.Count * LineHeight) + 3) + (2 * Pad) - 3)).ToArray();
        }

        private double LineHeight => _size * 1.3;

        public override Part HeaderPart => new(_heights[0], 0, 0, 0, 1);

        public override IEnumerable<Part> Parts()
        {
            // The header row never stands alone at the foot of a page: it goes with the first row.
            var first = Math.Min(2, _rows.Count);
            yield return new Part(_heights.Take(first).Sum(), 4, first == _rows.Count ? 6 : 0, 0, first);
            for (var r = first; r < _rows.Count; r++)
            {
                yield return new Part(_heights[r], 0, r == _rows.Count - 1 ? 6 : 0, r, r + 1, RepeatHeader: true);
            }
        }

        public override void Render(Canvas canvas, Placed placed)
        {
            var top = placed.Y;
            for (var r = placed.Part.From; r < placed.Part.To; r++)
            {
                RenderRow(canvas, r, top);
                top += _heights[r];
            }
        }

        private void RenderRow(Canvas canvas, int r, double top)
        {
            var header = r == 0;
            var height = _heights[r];
            canvas.Artifact(() =>
            {
                var x = Margin;
                var pen = new XPen(Rule, 0.5);
                foreach (var w in _widths)
                {
                    canvas.Graphics.DrawRectangle(pen, header ? new XSolidBrush(XColor.FromArgb(243, 245, 248)) : XBrushes.White, x, top, w, height);
                    x += w;
                }
            });
            canvas.BeginTable(header);
            var left = Margin;
            for (var c = 0; c < _rows[r].Count; c++)
            {
                canvas.BeginCell(header || c == 0);
                var y = top + Pad;
                for (var k = 0; k < _rows[r][c].Chips.Count; k++)
                {
                    var chip = _rows[r][c].Chips[k];
                    var lines = _laid[r][c][k];
                    var chipHeight = lines.Count * LineHeight;
                    var textColour = (XColor?)null;
                    if (chip.Rated)
                    {
                        var (fill, text) = Colours(chip.Level);
                        textColour = text;
                        canvas.Artifact(() => canvas.Graphics.DrawRectangle(new XPen(chip.Level is null or Completion.NoEvidence ? Muted : fill, 0.5) { DashStyle = chip.Level is null or Completion.NoEvidence ? XDashStyle.Dash : XDashStyle.Solid },
                            new XSolidBrush(fill), left + Pad, y - 0.5, _widths[c] - (2 * Pad), chipHeight + 1));
                    }

                    foreach (var (line, i) in lines.Select((l, i) => (l, i)))
                    {
                        foreach (var piece in line.Pieces)
                        {
                            canvas.Draw(piece with { X = piece.X + left + Pad + (chip.Rated ? 2 : 0), Colour = textColour ?? piece.Colour }, y + (i * LineHeight), LineHeight);
                        }
                    }

                    y += chipHeight + 3;
                }

                canvas.End();
                left += _widths[c];
            }

            canvas.EndTable();
        }
    }

    /// <summary>One focus area's completion as a stacked bar, with its name and the counts in words beside it; each wraps in its own column.</summary>
    private sealed class Bar : Block
    {
        private const double LabelWidth = 130;
        private const double BarWidth = 190;
        private const double Gap = 8;
        private readonly DistributionDto _distribution;
        private readonly List<Line> _label;
        private readonly List<Line> _counts;
        private readonly string _alt;

        public Bar(string name, DistributionDto distribution, IStringLocalizer t)
        {
            _distribution = distribution;
            var counts = t["{0} of {1} substantial or complete ({2})", distribution.HighCompletion, distribution.Counted, Charts.Percent(distribution.HighCompletionShare, t)].Value;
            _label = Wrap([new Run(name)], 8, LabelWidth - Gap);
            _counts = Wrap([new Run(counts)], 8, Width - LabelWidth - BarWidth - Gap);
            _alt = $"{name}: {string.Join(", ", distribution.Levels.Where(l => l.Count > 0).Select(l => $"{l.Count} {t[l.Label].Value.ToLower(CultureInfo.CurrentCulture)}"))}"
                + (distribution.Unrated > 0 ? t[", not rated {0}", distribution.Unrated].Value : "") + $"; {counts}.";
        }

        private double Height => Math.Max(14, Math.Max(_label.Count, _counts.Count) * 8 * 1.3) + 3;

        public override IEnumerable<Part> Parts() => [new Part(Height, 0, 0, 0, 1)];

        public override void Render(Canvas canvas, Placed placed)
        {
            var top = placed.Y;
            canvas.Figure(_alt, new XRect(Margin, top, Width, Height), () =>
            {
                var gfx = canvas.Graphics;
                foreach (var (line, i) in _label.Select((l, i) => (l, i)))
                {
                    foreach (var piece in line.Pieces)
                    {
                        gfx.DrawString(piece.Text, piece.Font, new XSolidBrush(piece.Colour), Margin + piece.X, top + (i * 8 * 1.3), XStringFormats.TopLeft);
                    }
                }

                var x = Margin + LabelWidth;
                var pen = new XPen(XColor.FromArgb(118, 118, 118), 0.5);
                gfx.DrawRectangle(pen, x, top + 1, BarWidth, 10);
                foreach (var level in _distribution.Levels.Where(l => l.Count > 0))
                {
                    var w = BarWidth * level.Count / Math.Max(1, _distribution.Total);
                    gfx.DrawRectangle(pen, new XSolidBrush(Colours(level.Level).Fill), x, top + 1, w, 10);
                    x += w;
                }

                foreach (var (line, i) in _counts.Select((l, i) => (l, i)))
                {
                    foreach (var piece in line.Pieces)
                    {
                        gfx.DrawString(piece.Text, piece.Font, new XSolidBrush(piece.Colour), Margin + LabelWidth + BarWidth + Gap + piece.X, top + (i * 8 * 1.3), XStringFormats.TopLeft);
                    }
                }
            });
        }
    }

    /// <summary>The levels' colours with their names, wrapping onto as many rows as the page needs.</summary>
    private sealed class Legend : Block
    {
        private readonly List<(Completion Level, double X, int Row)> _items = [];

        private readonly IStringLocalizer _t;

        public Legend(IStringLocalizer t)
        {
            _t = t;
            var font = PaperFonts.Font(7.5);
            var x = 0.0;
            var row = 0;
            foreach (var level in Ratings.CompletionDisplayOrder)
            {
                var width = 14 + PaperFonts.Width(t[level.Label()], font) + 10;
                if (x + width > Width && x > 0)
                {
                    row++;
                    x = 0;
                }

                _items.Add((level, x, row));
                x += width;
            }
        }

        private double Height => ((_items.Max(i => i.Row) + 1) * 14) + 4;

        public override IEnumerable<Part> Parts() => [new Part(Height, 2, 4, 0, 1)];

        public override void Render(Canvas canvas, Placed placed)
        {
            var alt = _t["Legend:"] + " " + string.Join(", ", Ratings.CompletionDisplayOrder.Select(l => _t[l.Label()].Value));
            canvas.Figure(alt, new XRect(Margin, placed.Y, Width, Height), () =>
            {
                foreach (var (level, x, row) in _items)
                {
                    var y = placed.Y + (row * 14);
                    canvas.Graphics.DrawRectangle(new XPen(XColor.FromArgb(118, 118, 118), 0.5), new XSolidBrush(Colours(level).Fill), Margin + x, y + 2, 9, 9);
                    canvas.Graphics.DrawString(_t[level.Label()], PaperFonts.Font(7.5), new XSolidBrush(Ink), Margin + x + 13, y + 1, XStringFormats.TopLeft);
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

    /// <summary>Draws on one page and tags what it draws: headings, paragraphs, list items, tables, figures, links; the rest is artifact.</summary>
    private sealed class Canvas(PdfDocument document, PdfPage page, XGraphics graphics, StructureBuilder structure)
    {
        public XGraphics Graphics => graphics;

        public void Begin(Tag tag, string? outline, double y)
        {
            structure.BeginElement(tag switch
            {
                Tag.Heading1 => PdfBlockLevelElementTag.Heading1,
                Tag.Heading2 => PdfBlockLevelElementTag.Heading2,
                Tag.Heading3 => PdfBlockLevelElementTag.Heading3,
                Tag.ListItem => PdfBlockLevelElementTag.ListItem,
                _ => PdfBlockLevelElementTag.Paragraph,
            });
            if (outline is not null)
            {
                // Headings are bookmarks too, so a reader can jump to a focus area or objective.
                var parent = tag == Tag.Heading2 && document.Outlines.Count > 0 ? document.Outlines[^1].Outlines : document.Outlines;
                parent.Add(outline, page, false);
            }
        }

        public void End() => structure.End();

        public void BeginTable(bool header)
        {
            structure.BeginElement(PdfBlockLevelElementTag.Table);
            structure.BeginElement(PdfBlockLevelElementTag.TableRow);
            _header = header;
        }

        public void BeginCell(bool header) => structure.BeginElement(_header || header ? PdfBlockLevelElementTag.TableHeaderCell : PdfBlockLevelElementTag.TableDataCell);

        public void EndTable()
        {
            structure.End();
            structure.End();
        }

        public void Artifact(Action draw)
        {
            structure.BeginArtifact();
            draw();
            structure.End();
        }

        public void Figure(string alt, XRect box, Action draw)
        {
            structure.BeginElement(PdfIllustrationElementTag.Figure, alt, box);
            draw();
            structure.End();
        }

        public void Draw(Piece piece, double y, double lineHeight)
        {
            var brush = new XSolidBrush(piece.Colour);
            if (piece.Link is { } link)
            {
                var rect = new XRect(piece.X, y, piece.Width, lineHeight);
                var height = page.Height.Point;
                // The structure builder adds the link to the page, with its place in the structure.
                var annotation = PdfSharp.Pdf.Annotations.PdfLinkAnnotation.CreateWebLink(
                    new PdfRectangle(new XPoint(rect.Left, height - rect.Bottom), new XPoint(rect.Right, height - rect.Top)), link);
                structure.BeginElement(annotation, piece.Text);
                graphics.DrawString(piece.Text, piece.Font, brush, piece.X, y + ((lineHeight - piece.Font.Size) / 2) - 1, XStringFormats.TopLeft);
                graphics.DrawLine(new XPen(piece.Colour, 0.4), piece.X, y + lineHeight - 2, piece.X + piece.Width, y + lineHeight - 2);
                structure.End();
                return;
            }

            graphics.DrawString(piece.Text, piece.Font, brush, piece.X, y + ((lineHeight - piece.Font.Size) / 2) - 1, XStringFormats.TopLeft);
        }

        private bool _header;
    }
}
