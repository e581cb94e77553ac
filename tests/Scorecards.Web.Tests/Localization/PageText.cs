using System.Text;
using System.Text.RegularExpressions;

namespace Scorecards.Web.Tests.Localization;

/// <summary>
/// Reads a Razor page for words a reader would see that do not go through the localizer: text between tags and the
/// attributes people read (labels, titles, confirmations), once the Razor code, comments and localized texts are taken out.
/// </summary>
internal static partial class PageText
{
    private static readonly string[] ReadAttributes = ["aria-label", "title", "placeholder", "alt", "data-confirm", "data-label"];

    /// <summary>The page's lines with comments and <c>@{ … }</c> blocks blanked, so line numbers stay those of the file.</summary>
    public static IReadOnlyList<string> Lines(string page)
    {
        page = RazorComment().Replace(page, m => new string('\n', m.Value.Count(c => c == '\n')));
        page = HtmlComment().Replace(page, m => new string('\n', m.Value.Count(c => c == '\n')));
        var text = new StringBuilder();
        for (var i = 0; i < page.Length;)
        {
            if (string.CompareOrdinal(page, i, "@{", 0, 2) == 0)
            {
                var end = Balanced(page, i + 1);
                text.Append('\n', page.AsSpan(i, end - i).Count('\n'));
                i = end;
                continue;
            }

            text.Append(page[i++]);
        }

        return text.ToString().Split('\n');
    }

    /// <summary>The words on one line that a reader would see in English whatever their language.</summary>
    public static IReadOnlyList<string> Untranslated(string line)
    {
        var trimmed = line.Trim();
        if (Directive().IsMatch(trimmed) || Statement().IsMatch(trimmed))
        {
            return [];
        }

        var markup = WithoutRazor(line);
        var found = new List<string>();
        foreach (Match attribute in Attribute().Matches(markup))
        {
            if (ReadAttributes.Contains(attribute.Groups["name"].Value) && Words().IsMatch(attribute.Groups["value"].Value))
            {
                found.Add($"{attribute.Groups["name"].Value}={attribute.Groups["value"].Value}");
            }
        }

        var text = Code().Replace(Tag().Replace(OpenTag().Replace(Declaration().Replace(markup, " "), " "), " "), " ");
        // A line of C# that continues an expression or a tag from the line before is not text.
        if (Words().IsMatch(text) && !ContinuedCode().IsMatch(markup))
        {
            found.Add(Space().Replace(text, " ").Trim());
        }

        return found;
    }

    // Razor expressions, blocks and keywords, with the strings inside them.
    private static string WithoutRazor(string line)
    {
        var text = new StringBuilder();
        for (var i = 0; i < line.Length;)
        {
            if (line[i] != '@')
            {
                text.Append(line[i++]);
                continue;
            }

            if (i + 1 < line.Length && line[i + 1] == '@')
            {
                text.Append('@');
                i += 2;
                continue;
            }

            var j = i + 1;
            if (j < line.Length && line[j] is '(' or '{')
            {
                i = Balanced(line, j);
                continue;
            }

            if (Keyword().Match(line, j) is { Success: true } keyword && keyword.Index == j)
            {
                j += keyword.Length;
                if (!keyword.Value.StartsWith("await", StringComparison.Ordinal))
                {
                    i = j < line.Length && line[j] == '(' ? Balanced(line, j) : j;
                    continue;
                }
            }

            while (j < line.Length && (char.IsLetterOrDigit(line[j]) || line[j] is '_' or '.' or '?' or '!'))
            {
                j++;
                if (j < line.Length && line[j] is '(' or '[')
                {
                    j = Balanced(line, j);
                }
            }

            while (j > i + 1 && line[j - 1] is '.' or '?' or '!')
            {
                j--;
            }

            i = j;
        }

        return ElseKeyword().Replace(text.ToString(), " ");
    }

    /// <summary>The index after the bracket that closes the one at <paramref name="start"/>, skipping strings.</summary>
    public static int Balanced(string text, int start)
    {
        var depth = 0;
        for (var i = start; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '"':
                    for (i++; i < text.Length && text[i] != '"'; i++)
                    {
                        if (text[i] == '\\')
                        {
                            i++;
                        }
                    }

                    break;
                case '(' or '[' or '{':
                    depth++;
                    break;
                case ')' or ']' or '}':
                    if (--depth == 0)
                    {
                        return i + 1;
                    }

                    break;
            }
        }

        return text.Length;
    }

    [GeneratedRegex(@"@\*.*?\*@", RegexOptions.Singleline)]
    private static partial Regex RazorComment();

    [GeneratedRegex("<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex HtmlComment();

    [GeneratedRegex(@"^@(model|page|using|inject|addTagHelper|namespace|attribute|layout)\b")]
    private static partial Regex Directive();

    // A line of C# inside a block of markup: a declaration or a statement.
    [GeneratedRegex(@"^(var|if|else|foreach|for|while|switch|return|case|break|default)\b")]
    private static partial Regex Statement();

    [GeneratedRegex(@"(if|foreach|for|while|switch|using)\b\s*|await\s+")]
    private static partial Regex Keyword();

    [GeneratedRegex(@"\belse(\s+if\s*\([^)]*\))?\b")]
    private static partial Regex ElseKeyword();

    [GeneratedRegex(@"(?<name>[a-z-]+)=""(?<value>[^""]*)""")]
    private static partial Regex Attribute();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    // A tag whose attributes go on to the next line.
    [GeneratedRegex("<[a-zA-Z][^>]*$")]
    private static partial Regex OpenTag();

    // A C# declaration inside a Razor loop on one line: "{ var round = Model.Rounds[i]; … }".
    [GeneratedRegex(@"\bvar\s+\w+\s*=[^;]*;")]
    private static partial Regex Declaration();

    [GeneratedRegex(@"[{}();]")]
    private static partial Regex Code();

    [GeneratedRegex(@"^\s*(\|\||&&|=>|[a-z-]+=""|_ =>|[A-Za-z.]+ => |is\s)|=>|\|\||&&")]
    private static partial Regex ContinuedCode();

    [GeneratedRegex("[A-Za-z]{2,}")]
    private static partial Regex Words();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();
}
