using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;

namespace Scorecards.Web.Infrastructure.Localization;

/// <summary>
/// Messages in the reader's language. The rules and services write their messages in English, as the API and the audit
/// log keep them ("The text is 8001 characters long; at most 8000 are allowed."); a page says each in the reader's
/// language by finding, among the resources' texts, the one the message is made from ("The text is {0} characters long;
/// at most {1} are allowed.") and writing its translation with the message's own values. A value that is itself a text of
/// the resources (a rating, a state) is translated too, and a date is written as the language writes dates.
/// </summary>
public static partial class Phrases
{
    // A template must carry enough fixed words that it cannot match a message it was not made for.
    private const int MinimumFixedCharacters = 10;

    /// <summary>
    /// The temp-data key of a message already in the reader's language (one made of several, said where it was made);
    /// <c>"Message"</c> holds one in English, said when it is shown.
    /// </summary>
    public const string SaidMessage = "SaidMessage";

    private static readonly ConcurrentDictionary<string, IReadOnlyList<Template>> Templates = new(StringComparer.Ordinal);

    /// <summary>The message in the current UI culture's language; unchanged in English, or where no text matches it (then reported).</summary>
    public static string Say(IStringLocalizer t, string? message)
    {
        if (string.IsNullOrEmpty(message) || Languages.IsEnglish(CultureInfo.CurrentUICulture))
        {
            return message ?? "";
        }

        var whole = t[message];
        if (!whole.ResourceNotFound)
        {
            return whole.Value;
        }

        foreach (var template in TemplatesFor(t))
        {
            Match match;
            try
            {
                match = template.Pattern.Match(message);
            }
            catch (RegexMatchTimeoutException)
            {
                continue;
            }

            if (match.Success)
            {
                var values = Enumerable.Range(0, template.Count)
                    .Select(i => (object)Value(t, match.Groups[$"v{i}"].Value))
                    .ToArray();
                return string.Format(CultureInfo.CurrentCulture, template.Translation, values);
            }
        }

        // Asked once more by its own name, so that the reporting localizer records the message as untranslated.
        return t[message].Value;
    }

    private static string Value(IStringLocalizer t, string value)
    {
        if (DateOnly.TryParseExact(value, ["d MMMM yyyy", "d MMM yyyy"], Languages.English, DateTimeStyles.None, out var date))
        {
            return date.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);
        }

        var text = t[value];
        return text.ResourceNotFound ? value : text.Value;
    }

    private static IReadOnlyList<Template> TemplatesFor(IStringLocalizer t) =>
        Templates.GetOrAdd(CultureInfo.CurrentUICulture.Name, _ => t.GetAllStrings(includeParentCultures: true)
            .Where(s => s.Name.Contains('{', StringComparison.Ordinal))
            .Select(s => Template.From(s.Name, s.Value))
            .OfType<Template>()
            .OrderByDescending(x => x.Fixed)
            .ToList());

    private sealed record Template(Regex Pattern, string Translation, int Count, int Fixed)
    {
        public static Template? From(string english, string translation)
        {
            var pattern = new StringBuilder("^");
            var seen = new HashSet<int>();
            var last = 0;
            var fixedCharacters = 0;
            foreach (Match hole in Placeholder().Matches(english))
            {
                var literal = english[last..hole.Index];
                fixedCharacters += literal.Length;
                pattern.Append(Regex.Escape(literal));
                var index = int.Parse(hole.Groups[1].Value, CultureInfo.InvariantCulture);
                pattern.Append(seen.Add(index) ? $"(?<v{index}>.+?)" : $"\\k<v{index}>");
                last = hole.Index + hole.Length;
            }

            fixedCharacters += english.Length - last;
            pattern.Append(Regex.Escape(english[last..])).Append('$');
            return fixedCharacters < MinimumFixedCharacters || seen.Count == 0 || seen.Max() + 1 != seen.Count
                ? null
                : new Template(new Regex(pattern.ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50)),
                    translation, seen.Count, fixedCharacters);
        }
    }

    [GeneratedRegex(@"\{(\d+)(?::[^}]*)?\}")]
    private static partial Regex Placeholder();
}
