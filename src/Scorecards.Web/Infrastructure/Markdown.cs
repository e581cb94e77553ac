using System.Net;
using Ganss.Xss;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Logging.Abstractions;

namespace Scorecards.Web.Infrastructure;

/// <summary>
/// Renders narratives written in Markdown. Raw HTML in the text is shown as text, and the output is
/// sanitised as well, so script in a narrative never runs. A narrative is checked when it is saved
/// (<see cref="Check"/>), and rendered defensively when it is read: text that cannot be rendered is shown as
/// plain text, never as an error page.
/// </summary>
public static class Markdown
{
    /// <summary>How deeply quotes, lists and emphasis may nest in a narrative; real reports use two or three levels.</summary>
    public const int MaxNesting = 16;

    /// <summary>The Markdown the narratives are written in, read the same way on the pages and in the papers.</summary>
    public static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UseListExtras()
        .UsePipeTables()
        .Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    /// <summary>Where a narrative that could not be rendered is reported; the application sets it at start.</summary>
    public static ILogger Log { get; set; } = NullLogger.Instance;

    /// <summary>The reason a narrative cannot be saved as written, or null when it can.</summary>
    public static string? Check(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return Nesting(Markdig.Markdown.Parse(text, Pipeline)) > MaxNesting ? TooDeep : null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return TooDeep;
        }
    }

    public static IHtmlContent ToHtml(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return HtmlString.Empty;
        }

        try
        {
            var document = Markdig.Markdown.Parse(text, Pipeline);
            if (Nesting(document) <= MaxNesting)
            {
                return new HtmlString(Sanitizer.Sanitize(document.ToHtml(Pipeline)));
            }

            Log.LogWarning("A narrative of {Length} characters nests more than {MaxNesting} deep; it is shown as plain text.", text.Length, MaxNesting);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Log.LogWarning(e, "A narrative of {Length} characters could not be rendered; it is shown as plain text.", text.Length);
        }

        return PlainText(text);
    }

    private static readonly string TooDeep =
        $"The text nests quotes, lists or emphasis more than {MaxNesting} levels deep; write it with fewer levels.";

    /// <summary>Paragraphs of the text as written, encoded, line breaks kept.</summary>
    private static HtmlString PlainText(string text) => new(string.Concat(
        text.ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => $"<p>{WebUtility.HtmlEncode(p).Replace("\n", "<br>", StringComparison.Ordinal)}</p>")));

    /// <summary>The deepest nesting of blocks and inlines, walked without recursion so that no text can exhaust the stack.</summary>
    internal static int Nesting(MarkdownDocument document)
    {
        var deepest = 0;
        var pending = new Stack<(object Node, int Depth)>();
        pending.Push((document, 0));
        while (pending.Count > 0)
        {
            var (node, depth) = pending.Pop();
            deepest = Math.Max(deepest, depth);
            switch (node)
            {
                case ContainerBlock container:
                    foreach (var child in container)
                    {
                        pending.Push((child, depth + 1));
                    }

                    break;
                case LeafBlock { Inline: { } inline }:
                    pending.Push((inline, depth));
                    break;
                case ContainerInline inlines:
                    for (var child = inlines.FirstChild; child is not null; child = child.NextSibling)
                    {
                        pending.Push((child, depth + 1));
                    }

                    break;
            }
        }

        return deepest;
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedTags.Remove("img");
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Html.Dom.IHtmlAnchorElement anchor)
            {
                anchor.SetAttribute("rel", "noopener noreferrer nofollow");
            }
        };
        return sanitizer;
    }
}
