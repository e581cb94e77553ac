using System.Text;
using System.Text.RegularExpressions;

namespace Scorecards.Web.Tests.Localization;

/// <summary>
/// The messages the code writes for people, as templates: each string given to a place where a message goes (a refusal,
/// a field's problem, a page's note after a redirect) with every interpolated value as {0}, {1}, …, and strings joined by
/// + read as one. These are the texts <see cref="Scorecards.Web.Infrastructure.Localization.Phrases"/> finds a message by.
/// </summary>
internal static partial class MessageTemplates
{
    public static IEnumerable<(string Template, string Where)> In(string file, string source)
    {
        foreach (Match sink in Sink().Matches(source))
        {
            var line = source.AsSpan(0, sink.Index).Count('\n') + 1;
            // A notice's text is said paragraph by paragraph: each is a template of its own, its values numbered from {0}.
            foreach (var paragraph in Literals(source, sink.Index + sink.Length, sink.Value.EndsWith('(') || sink.Value.EndsWith(','))
                .SelectMany(t => t.Split("\n\n")).Select(Renumbered))
            {
                if (Words().IsMatch(paragraph) && !Code().IsMatch(paragraph) && !paragraph.StartsWith('/'))
                {
                    yield return (paragraph, $"{file}:{line}");
                }
            }
        }
    }

    private static string Renumbered(string template)
    {
        var order = new Dictionary<string, int>();
        return Hole().Replace(template, m => $"{{{(order.TryGetValue(m.Value, out var n) ? n : order[m.Value] = order.Count)}}}");
    }

    // The strings of the expression that starts at start, up to the end of the statement or of the call it is in.
    private static List<string> Literals(string s, int start, bool inCall)
    {
        var found = new List<string>();
        StringBuilder? current = null;
        var holes = 0;
        var depth = inCall ? 1 : 0;
        var joined = false;
        for (var i = start; i < s.Length;)
        {
            var c = s[i];
            if (c == '"' || (c is '$' or '@' && i + 1 < s.Length && s[i + 1] is '"' or '$' or '@'))
            {
                var (text, end, count) = Literal(s, i, holes: joined && current is not null ? holes : 0);
                if (joined && current is not null)
                {
                    current.Append(text);
                    holes += count;
                }
                else
                {
                    if (current is not null)
                    {
                        found.Add(current.ToString());
                    }

                    current = new StringBuilder(text);
                    holes = count;
                }

                joined = false;
                i = end;
                continue;
            }

            if (c == '\'')
            {
                i += s[i + 1] == '\\' ? 4 : 3;
                continue;
            }

            if (c == '+')
            {
                joined = true;
            }
            else if (!char.IsWhiteSpace(c))
            {
                joined = false;
            }

            if (c is '(' or '[' or '{')
            {
                depth++;
            }
            else if (c is ')' or ']' or '}')
            {
                if (--depth < (inCall ? 1 : 0))
                {
                    break;
                }
            }
            else if (c == ';' && depth <= (inCall ? 1 : 0))
            {
                break;
            }

            i++;
        }

        if (current is not null)
        {
            found.Add(current.ToString());
        }

        return found;
    }

    // One string literal from s[i]: its text with each interpolated value numbered from holes, the index after it, and how many values it had.
    private static (string Text, int End, int Holes) Literal(string s, int i, int holes)
    {
        var interpolated = false;
        var verbatim = false;
        while (s[i] is '$' or '@')
        {
            interpolated |= s[i] == '$';
            verbatim |= s[i] == '@';
            i++;
        }

        i++;
        var text = new StringBuilder();
        var count = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (c == '\\' && !verbatim)
            {
                text.Append(s[i + 1] switch { 'n' => '\n', 't' => '\t', var other => other });
                i += 2;
            }
            else if (c == '"')
            {
                if (verbatim && i + 1 < s.Length && s[i + 1] == '"')
                {
                    text.Append('"');
                    i += 2;
                    continue;
                }

                return (text.ToString(), i + 1, count);
            }
            else if (interpolated && c == '{' && s[i + 1] == '{')
            {
                text.Append('{');
                i += 2;
            }
            else if (interpolated && c == '}' && i + 1 < s.Length && s[i + 1] == '}')
            {
                text.Append('}');
                i += 2;
            }
            else if (interpolated && c == '{')
            {
                i = PageText.Balanced(s, i);
                text.Append('{').Append(holes + count++).Append('}');
            }
            else
            {
                text.Append(c);
                i++;
            }
        }

        return (text.ToString(), i, count);
    }

    [GeneratedRegex("""TempData\["Message"\]\s*=|Result\.Fail\(\s*(?:"[^"]*"|[A-Za-z.]+)\s*,|Result\.Invalid\(\s*(?:nameof\([^)]*\)|"[^"]*"|[A-Za-z.]+)\s*,|new FieldError\(\s*(?:nameof\([^)]*\)|"[^"]*"|[A-Za-z.]+)\s*,|AddModelError\(\s*(?:nameof\([^)]*\)|"[^"]*"|[A-Za-z."\[\]+ ]+?)\s*,|\bProblem\s*=|\bError\s*=|Problems\.Add\(|Result\.NotFound\(|new NoticeDraft\(\s*NoticeKind\.[A-Za-z]+\s*,|new\(NoticeKind\.[A-Za-z]+\s*,|var what =|var due =|var \(subject, text\) =|\bReject\(\s*[A-Za-z.]+\s*,|\bRefused\(|return \(null,""")]
    private static partial Regex Sink();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Hole();

    [GeneratedRegex("[A-Za-z]{2,}")]
    private static partial Regex Words();

    // Codes ("round.state"), field names and other strings that are not sentences.
    [GeneratedRegex(@"^([a-z]+([.-][a-z]+)*|[A-Z][A-Za-z]+Id|[A-Za-z.]+\[\d+\])$")]
    private static partial Regex Code();
}
