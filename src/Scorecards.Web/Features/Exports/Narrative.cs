using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Scorecards.Web.Features.Exports;

public enum NarrativeBlockKind
{
    Paragraph,
    Heading,
    ListItem,
    Quote,
}

/// <summary>A run of text in one style; <see cref="Link"/> is a web address when the run links somewhere.</summary>
public sealed record NarrativeSpan(string Text, bool Bold = false, bool Italic = false, string? Link = null);

/// <summary>
/// One paragraph of a narrative as the papers lay it out: <see cref="Depth"/> is how far it is indented (list and quote
/// nesting), <see cref="Marker"/> the bullet or number that starts a list item.
/// </summary>
public sealed record NarrativeBlock(NarrativeBlockKind Kind, int Depth, string? Marker, IReadOnlyList<NarrativeSpan> Spans)
{
    public string Text => string.Concat(Spans.Select(s => s.Text));
}

/// <summary>
/// The narratives' Markdown read once, into paragraphs and styled runs that the Word paper and the PDF both lay out:
/// emphasis becomes bold and italic, headings are bold and quotes italic, lists keep their bullets and numbers, links
/// keep their addresses; no asterisk reaches a paper. Nesting deeper than a reader can follow is flattened, so no text, however it is nested, is lost.
/// </summary>
public static class Narrative
{
    /// <summary>Lists and quotes deeper than this are laid out at this depth.</summary>
    public const int MaxDepth = 4;

    // Containers and emphasis nested deeper than this are read as their plain text.
    private const int MaxNesting = 32;

    public static IReadOnlyList<NarrativeBlock> Parse(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return [];
        }

        MarkdownDocument document;
        try
        {
            document = Markdig.Markdown.Parse(markdown, Infrastructure.Markdown.Pipeline);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IndexOutOfRangeException)
        {
            // A text the parser cannot read is still the reporter's text: keep it as plain paragraphs.
            return Plain(markdown);
        }

        var blocks = new List<NarrativeBlock>();
        foreach (var block in document)
        {
            Read(block, 0, 0, null, blocks);
        }

        return blocks;
    }

    /// <summary>The narrative as plain text: what a reader sees, without the Markdown.</summary>
    public static string PlainText(string? markdown) =>
        string.Join("\n", Parse(markdown).Select(b => (b.Marker is null ? "" : b.Marker + " ") + b.Text));

    private static IReadOnlyList<NarrativeBlock> Plain(string text) =>
        text.ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => new NarrativeBlock(NarrativeBlockKind.Paragraph, 0, null, [new NarrativeSpan(p.Replace('\n', ' '))])).ToList();

    private static void Read(Block block, int depth, int nesting, string? marker, List<NarrativeBlock> blocks)
    {
        var kind = depth == 0 ? NarrativeBlockKind.Paragraph : NarrativeBlockKind.ListItem;
        switch (block)
        {
            case HeadingBlock heading:
                Add(blocks, NarrativeBlockKind.Heading, depth, marker, Inlines(heading.Inline, nesting, bold: true));
                break;
            case ParagraphBlock paragraph:
                Add(blocks, kind, depth, marker, Inlines(paragraph.Inline, nesting));
                break;
            case CodeBlock code:
                Add(blocks, kind, depth, marker, [new NarrativeSpan(string.Join("\n", code.Lines.Lines.Take(code.Lines.Count).Select(l => l.ToString())))]);
                break;
            case Table table:
                foreach (var row in table.OfType<TableRow>())
                {
                    var cells = row.OfType<TableCell>().Select(c => string.Concat(Inlines((c.FirstOrDefault() as ParagraphBlock)?.Inline, nesting).Select(s => s.Text)));
                    Add(blocks, kind, depth, null, [new NarrativeSpan(string.Join(" | ", cells), Bold: row.IsHeader)]);
                }

                break;
            case ListBlock list when nesting < MaxNesting:
                var number = int.TryParse(list.OrderedStart, out var start) ? start : 1;
                foreach (var item in list.OfType<ListItemBlock>())
                {
                    var itemMarker = list.IsOrdered ? $"{number++}." : "•";
                    var first = true;
                    foreach (var child in item)
                    {
                        Read(child, Math.Min(depth + 1, MaxDepth), nesting + 1, first ? itemMarker : null, blocks);
                        first = false;
                    }
                }

                break;
            case QuoteBlock quote when nesting < MaxNesting:
                var before = blocks.Count;
                foreach (var child in quote)
                {
                    Read(child, Math.Min(depth + 1, MaxDepth), nesting + 1, marker, blocks);
                    marker = null;
                }

                for (var i = before; i < blocks.Count; i++)
                {
                    blocks[i] = blocks[i] with { Kind = NarrativeBlockKind.Quote, Spans = blocks[i].Spans.Select(s => s with { Italic = true }).ToList() };
                }

                break;
            case ContainerBlock container:
                // Too deep to lay out: every word of it, as one paragraph.
                Add(blocks, kind, depth, marker, [new NarrativeSpan(string.Join(" ", container.Descendants<LiteralInline>().Select(l => l.Content.ToString())))]);
                break;
            default:
                break;
        }
    }

    private static void Add(List<NarrativeBlock> blocks, NarrativeBlockKind kind, int depth, string? marker, List<NarrativeSpan> spans)
    {
        // Adjacent runs of one style are one run.
        var merged = new List<NarrativeSpan>();
        foreach (var span in spans.Where(s => s.Text.Length > 0))
        {
            if (merged.Count > 0 && merged[^1] is var last && last.Bold == span.Bold && last.Italic == span.Italic && last.Link == span.Link)
            {
                merged[^1] = last with { Text = last.Text + span.Text };
            }
            else
            {
                merged.Add(span);
            }
        }

        if (merged.Count > 0 || marker is not null)
        {
            blocks.Add(new NarrativeBlock(kind, depth, marker, merged));
        }
    }

    private static List<NarrativeSpan> Inlines(ContainerInline? container, int nesting, bool bold = false, bool italic = false, string? link = null)
    {
        var spans = new List<NarrativeSpan>();
        if (container is null)
        {
            return spans;
        }

        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    spans.Add(new NarrativeSpan(literal.Content.ToString(), bold, italic, link));
                    break;
                case CodeInline code:
                    spans.Add(new NarrativeSpan(code.Content, bold, italic, link));
                    break;
                case LineBreakInline lineBreak:
                    spans.Add(new NarrativeSpan(lineBreak.IsHard ? "\n" : " ", bold, italic, link));
                    break;
                case HtmlEntityInline entity:
                    spans.Add(new NarrativeSpan(entity.Transcoded.ToString(), bold, italic, link));
                    break;
                case AutolinkInline auto:
                    spans.Add(new NarrativeSpan(auto.Url, bold, italic, SafeLink(auto.IsEmail ? "mailto:" + auto.Url : auto.Url)));
                    break;
                case EmphasisInline emphasis when nesting < MaxNesting:
                    var strong = emphasis.DelimiterChar is '*' or '_' && emphasis.DelimiterCount >= 2;
                    var slanted = emphasis.DelimiterChar is '*' or '_' && emphasis.DelimiterCount % 2 == 1;
                    spans.AddRange(Inlines(emphasis, nesting + 1, bold || strong, italic || slanted, link));
                    break;
                case LinkInline linked when !linked.IsImage && nesting < MaxNesting:
                    var target = SafeLink(linked.GetDynamicUrl?.Invoke() ?? linked.Url);
                    var text = Inlines(linked, nesting + 1, bold, italic, target ?? link);
                    spans.AddRange(text.Count > 0 ? text : [new NarrativeSpan(linked.Url ?? "", bold, italic, target)]);
                    break;
                case ContainerInline deep:
                    spans.Add(new NarrativeSpan(string.Concat(deep.Descendants<LiteralInline>().Select(l => l.Content.ToString())), bold, italic, link));
                    break;
                default:
                    break;
            }
        }

        return spans;
    }

    // Only web and mail addresses become links in a paper; anything else stays as its text.
    private static string? SafeLink(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "mailto" ? uri.AbsoluteUri : null;
}
