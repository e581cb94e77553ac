using System.Globalization;
using System.Text;
using Scorecards.Domain.Activities;
using Scorecards.Domain.Scorecards;

namespace Scorecards.Domain.Statements;

public sealed record StatementBody(string Code, string Name, bool Approved, IReadOnlyList<StatementActivity> Activities,
    IReadOnlyList<StatementEntry> Entries);

public sealed record StatementActivity(string Title, ActivityKind Kind, ActivityStatus Status, DateOnly Start, DateOnly End, string? City,
    string? Member, string? Outputs, DatePrecision Precision = DatePrecision.Days);

public sealed record StatementEntry(string ObjectiveCode, Completion? Completion);

public sealed record StatementInput(string Round, IReadOnlyList<StatementBody> Bodies, string? OverallAssessment,
    IReadOnlyList<(string Area, string Text)> AreaAssessments);

/// <summary>
/// Drafts the "Working Group Updates" and "Progress to implement the Adelaide Strategy for Cooperation" sections of a
/// Co-Chairs' statement from the data alone, in the register of the statements: "D-WG held its annual meeting from
/// 16–18 July 2024 in Hanoi, Viet Nam." Every sentence comes from an activity, an approved entry or the Co-Chairs'
/// own assessment; nothing is added that the data does not hold.
/// </summary>
public static class StatementWriter
{
    public static string Draft(StatementInput input)
    {
        var text = new StringBuilder();
        text.Append("## Working Group Updates\n");
        foreach (var body in input.Bodies.Where(b => b.Activities.Any(a => a.Status != ActivityStatus.Cancelled) || b.Approved))
        {
            text.Append(CultureInfo.InvariantCulture, $"\n### {body.Name} ({body.Code})\n\n");
            var sentences = body.Activities.Where(a => a.Status != ActivityStatus.Cancelled).OrderBy(a => a.Start).ThenBy(a => a.Title, StringComparer.Ordinal)
                .Select(a => Sentence(body.Code, a)).ToList();
            if (body.Approved && Progress(body) is { } progress)
            {
                sentences.Add(progress);
            }

            text.Append(sentences.Count == 0 ? $"{body.Code} recorded no activities for this period." : string.Join(" ", sentences)).Append('\n');
        }

        text.Append("\n## Progress to implement the Adelaide Strategy for Cooperation\n\n");
        var points = new List<string>();
        if (!string.IsNullOrWhiteSpace(input.OverallAssessment))
        {
            points.AddRange(Paragraphs(input.OverallAssessment));
        }

        var approved = input.Bodies.Where(b => b.Approved).ToList();
        if (approved.Count > 0)
        {
            var rated = approved.SelectMany(b => b.Entries).Where(e => e.Completion is { } c && c != Completion.NotApplicable).ToList();
            var high = rated.Count(e => e.Completion is Completion.Substantial or Completion.Complete);
            points.Add($"{Capitalised(Count(approved.Count, "reporting body", "reporting bodies"))} completed the scorecard for {input.Round} "
                + $"({string.Join(", ", approved.Select(b => b.Code))}): {high} of {rated.Count} objectives reported on show substantial or complete progress.");
        }

        points.AddRange(input.AreaAssessments.SelectMany(a => Paragraphs(a.Text).Select(p => $"{a.Area}: {p}")));
        if (points.Count == 0)
        {
            points.Add("No scorecard of this round has been approved by both Co-Chairs yet.");
        }

        foreach (var point in points)
        {
            text.Append("- ").Append(point).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>"D-WG held its annual meeting from 16–18 July 2024 in Hanoi, Viet Nam."</summary>
    public static string Sentence(string bodyCode, StatementActivity activity)
    {
        var planned = activity.Status == ActivityStatus.Planned;
        var verb = (activity.Kind, planned) switch
        {
            (ActivityKind.Research, false) => "carried out",
            (ActivityKind.Research, true) => "will carry out",
            (ActivityKind.Campaign, false) => "ran",
            (ActivityKind.Campaign, true) => "will run",
            (ActivityKind.Secondment, false) => "supported",
            (ActivityKind.Secondment, true) => "will support",
            (_, false) => "held",
            (_, true) => "will hold",
        };
        var place = Place(activity.City, activity.Member);
        var when = ActivityDates.Phrase(activity.Precision, activity.Start, activity.End);
        var sentence = $"{bodyCode} {verb} {What(bodyCode, activity)}{(when is null ? "" : " " + when)}{(place is null ? "" : " in " + place)}.";
        if (!string.IsNullOrWhiteSpace(activity.Outputs))
        {
            var outputs = activity.Outputs.Trim();
            sentence += " " + outputs + (outputs.EndsWith('.') ? "" : ".");
        }

        return sentence;
    }

    /// <summary>The activity as the object of the sentence: "its annual meeting" when the title starts with the body's code.</summary>
    public static string What(string bodyCode, StatementActivity activity)
    {
        var title = activity.Title.Trim();
        if (title.StartsWith(bodyCode + " ", StringComparison.OrdinalIgnoreCase))
        {
            return "its " + title[(bodyCode.Length + 1)..];
        }

        // A title in sentence case reads mid-sentence in lower case ("research on forced marriage…", "the collaborative
        // workshop…"); a title in title case ("the Regional Meeting on Countering People Smuggling") is a name and stays.
        var words = title.Split(' ', 3);
        if (words.Length > 1 && words[1].Length > 0 && char.IsLower(words[1][0]) && words[0].Length > 1 && char.IsLower(words[0][1]))
        {
            title = char.ToLowerInvariant(title[0]) + title[1..];
        }

        return activity.Kind is ActivityKind.Research or ActivityKind.Secondment || title.StartsWith("The ", StringComparison.Ordinal) ? title : "the " + title;
    }

    public static string? Place(string? city, string? member) => (city, member) switch
    {
        (null or "", null or "") => null,
        (null or "", _) => member,
        (_, null or "") => city,
        _ when string.Equals(city, member, StringComparison.OrdinalIgnoreCase) => city,
        _ => $"{city}, {member}",
    };

    private static string? Progress(StatementBody body)
    {
        var rated = body.Entries.Where(e => e.Completion is { } c && c != Completion.NotApplicable).ToList();
        if (rated.Count == 0)
        {
            return null;
        }

        var levels = Ratings.CompletionDisplayOrder.Where(l => l != Completion.NotApplicable)
            .Select(l => (Level: l, Codes: rated.Where(e => e.Completion == l).Select(e => e.ObjectiveCode).Order(StringComparer.Ordinal).ToList()))
            .Where(x => x.Codes.Count > 0)
            .Select(x => $"{x.Level.Label().ToLowerInvariant()} on {string.Join(", ", x.Codes)}");
        return $"In its scorecard, {body.Code} reported progress on {Count(rated.Count, "objective", "objectives")} of the Strategy: {string.Join("; ", levels)}.";
    }

    private static IEnumerable<string> Paragraphs(string text) =>
        text.ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Replace('\n', ' '));

    private static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    private static string Count(int n, string one, string many) => n == 1 ? $"one {one}" : $"{n} {many}";
}
