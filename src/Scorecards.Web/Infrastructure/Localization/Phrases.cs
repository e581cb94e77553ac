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

    // The ways dates are written into messages.
    private static readonly string[] DateFormats = ["d MMMM yyyy", "dddd d MMMM yyyy", "d MMM yyyy"];

    private static readonly ConcurrentDictionary<string, IReadOnlyList<Template>> Templates = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, string>> Texts = new(StringComparer.Ordinal);

    // Longer than any message the code writes: a text this long is someone's own writing, and is not matched.
    private const int MaxMessageLength = 2000;

    /// <summary>The message in the current UI culture's language; unchanged in English, or where no text matches it (then reported).</summary>
    public static string Say(IStringLocalizer t, string? message) => Say(t, message, depth: 0, report: true);

    /// <summary>
    /// A paragraph of a notice in the current UI culture's language: the notice's own words are said, and what someone
    /// wrote into it (a reason, a decision's text) is kept as written, and not reported as untranslated.
    /// </summary>
    public static string SayOrKeep(IStringLocalizer t, string? paragraph) => Say(t, paragraph, depth: 0, report: false);

    private static string Say(IStringLocalizer t, string? message, int depth, bool report)
    {
        if (string.IsNullOrEmpty(message) || Languages.IsEnglish(CultureInfo.CurrentUICulture))
        {
            return message ?? "";
        }

        if (Exact(t, message) is { } whole)
        {
            return whole;
        }

        // A value inside a message is matched too, to a depth of three, when it is long enough to be a message itself.
        var matched = message.Length <= MaxMessageLength && depth <= 2 && (depth == 0 || message.Length >= MinimumFixedCharacters);
        foreach (var template in matched ? TemplatesFor(t) : [])
        {
            if (Matches(template, message) is { } match)
            {
                var values = Enumerable.Range(0, template.Count)
                    .Select(i => (object)Value(t, match.Groups[$"v{i}"].Value, depth))
                    .ToArray();
                return string.Format(CultureInfo.CurrentCulture, template.Translation, values);
            }
        }

        // Asked once more by its own name, so that the reporting localizer records the message as untranslated.
        return report ? t[message].Value : message;
    }

    /// <summary>
    /// Dates written in English inside a text kept in English (an activity's "16–18 July 2024", a citation), with the
    /// months named as the current culture names them: "16–18 Juli 2024".
    /// </summary>
    public static string Months(IStringLocalizer t, string? text)
    {
        if (string.IsNullOrEmpty(text) || Languages.IsEnglish(CultureInfo.CurrentUICulture))
        {
            return text ?? "";
        }

        var names = CultureInfo.CurrentCulture.DateTimeFormat;
        var said = MonthName().Replace(text, m =>
        {
            var full = Array.IndexOf(Languages.English.DateTimeFormat.MonthNames, m.Value);
            return full >= 0 ? names.MonthNames[full] : names.AbbreviatedMonthNames[Array.IndexOf(Languages.English.DateTimeFormat.AbbreviatedMonthNames, m.Value)];
        });
        return said.Replace("date not recorded", t["date not recorded"], StringComparison.Ordinal);
    }

    /// <summary>The text with its first letter small, as it goes on a sentence in the current culture ("…, effect: Marginal").</summary>
    public static string Uncapitalise(string text) =>
        text.Length == 0 ? text : char.ToLower(text[0], CultureInfo.CurrentCulture) + text[1..];

    /// <summary>The text with its first letter a capital, as a sentence begins in the current culture.</summary>
    public static string Capitalise(string text) =>
        text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.CurrentCulture) + text[1..];

    // A value of a message: a date in the language's way, or the value said as a message is, without reporting it (a
    // notice says "{0} is due today" of "WG-TIP's scorecard for …").
    private static string Value(IStringLocalizer t, string value, int depth)
    {
        foreach (var format in DateFormats)
        {
            if (DateOnly.TryParseExact(value, format, Languages.English, DateTimeStyles.None, out var date))
            {
                return date.ToString(format, CultureInfo.CurrentCulture);
            }
        }

        return Say(t, value, depth + 1, report: false);
    }

    // The text as the resources hold it; one that begins a sentence mid-sentence ("withdrawn") is found by its capital
    // ("Withdrawn"), as resources cannot hold two texts that differ only in case.
    // Read from the culture's whole table rather than asked one by one, so that a text tried and not found is not reported
    // as missing when a template says it.
    private static string? Exact(IStringLocalizer t, string text)
    {
        var texts = TextsFor(t);
        if (texts.TryGetValue(text, out var found))
        {
            return found;
        }

        if (text.Length > 1 && char.IsLower(text[0]) && texts.TryGetValue(char.ToUpperInvariant(text[0]) + text[1..], out var capital))
        {
            return char.ToLower(capital[0], CultureInfo.CurrentCulture) + capital[1..];
        }

        return null;
    }

    private static IReadOnlyDictionary<string, string> TextsFor(IStringLocalizer t) =>
        Texts.GetOrAdd(CultureInfo.CurrentUICulture.Name, _ => t.GetAllStrings(includeParentCultures: true)
            .GroupBy(s => s.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal));

    private static Match? Matches(Template template, string message)
    {
        try
        {
            var match = template.Pattern.Match(message);
            return match.Success ? match : null;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
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
            // "{0}: {1}" (a heading and what follows it) is the one short template: it is tried last, and says both sides.
            return (fixedCharacters < MinimumFixedCharacters && english != "{0}: {1}") || seen.Count == 0 || seen.Max() + 1 != seen.Count
                ? null
                : new Template(new Regex(pattern.ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50)),
                    translation, seen.Count, fixedCharacters);
        }
    }

    [GeneratedRegex(@"\b(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b")]
    private static partial Regex MonthName();

    [GeneratedRegex(@"\{(\d+)(?::[^}]*)?\}")]
    private static partial Regex Placeholder();
}
