using System.Globalization;
using System.Text;
using Scorecards.Domain.Activities;
using Scorecards.Domain.Scorecards;

namespace Scorecards.Domain.Statements;

/// <summary>
/// A body's part in the statement: its activities around the period, its approved entries, its work plans and the
/// decisions that meetings of the period left with it.
/// </summary>
public sealed record StatementBody(string Code, string Name, bool Approved, IReadOnlyList<StatementActivity> Activities,
    IReadOnlyList<StatementEntry> Entries, IReadOnlyList<StatementWorkPlan>? WorkPlans = null, IReadOnlyList<StatementDecision>? Decisions = null);

public sealed record StatementActivity(string Title, ActivityKind Kind, ActivityStatus Status, DateOnly Start, DateOnly End, string? City,
    string? Member, string? Outputs, DatePrecision Precision = DatePrecision.Days, string? Partners = null, IReadOnlyList<string>? PartnerMembers = null);

public sealed record StatementEntry(string ObjectiveCode, Completion? Completion);

/// <summary>A work plan with how many of its items are delivered and under way.</summary>
public sealed record StatementWorkPlan(string Title, DateOnly Start, DateOnly End, int Items, int Delivered, int UnderWay);

/// <summary>A decision a meeting of the period took, with the body it falls to.</summary>
public sealed record StatementDecision(string Meeting, string Text, string Status, string? Note);

/// <summary>
/// What the draft is written from. <see cref="MeetingOn"/> is the day of the meeting the round reports to: what comes
/// after it is written as still to come, whatever today's date.
/// </summary>
public sealed record StatementInput(string Round, IReadOnlyList<StatementBody> Bodies, string? OverallAssessment,
    IReadOnlyList<(string Area, string Text)> AreaAssessments, DateOnly PeriodStart = default, DateOnly MeetingOn = default);

/// <summary>
/// Drafts the "Working Group Updates" and "Progress to implement the Adelaide Strategy for Cooperation" sections of a
/// Co-Chairs' statement from the data alone, in the register of the statements: a body's events in one place and month
/// make one sentence ("The WG-TIP held the 10th Anniversary Commemorative Dialogue, its 10th Annual Meeting and the
/// Regional Event … in November 2024 in Bangkok, Thailand."), dates are as precise as the data holds them, and what lies
/// after the meeting is written as still to come. Every sentence comes from an activity, a work plan, a decision, an
/// approved entry or the Co-Chairs' own assessment; nothing is added that the data does not hold.
/// </summary>
public static class StatementWriter
{
    public static string Draft(StatementInput input)
    {
        var text = new StringBuilder();
        text.Append("## Working Group Updates\n");
        foreach (var body in input.Bodies)
        {
            var paragraphs = Paragraphs(body, input.MeetingOn).Where(p => p.Length > 0).ToList();
            if (paragraphs.Count == 0)
            {
                continue;
            }

            text.Append(CultureInfo.InvariantCulture, $"\n### {body.Name} ({body.Code})\n\n").Append(string.Join("\n\n", paragraphs)).Append('\n');
        }

        text.Append("\n## Progress to implement the Adelaide Strategy for Cooperation\n\n");
        var points = new List<string>();
        if (!string.IsNullOrWhiteSpace(input.OverallAssessment))
        {
            points.AddRange(Paragraphs(input.OverallAssessment));
        }

        var adopted = input.Bodies.SelectMany(b => (b.WorkPlans ?? []).Where(p => p.Start >= input.PeriodStart && p.Start <= input.MeetingOn)
            .Select(p => $"the {b.Code}'s {p.Title}")).ToList();
        if (adopted.Count > 0)
        {
            points.Add($"New work plans adopted in the period: {List(adopted)}.");
        }

        var approved = input.Bodies.Where(b => b.Approved).ToList();
        if (approved.Count > 0)
        {
            var rated = approved.SelectMany(b => b.Entries).Where(e => e.Completion is { } c && c != Completion.NotApplicable).ToList();
            var high = rated.Count(e => e.Completion is Completion.Substantial or Completion.Complete);
            points.Add($"{Capitalised(Count(approved.Count, "reporting body", "reporting bodies"))} completed the scorecard for {input.Round} "
                + $"({List(approved.Select(b => "the " + b.Code).ToList())}): {high} of {rated.Count} objectives reported on show substantial or complete progress.");
        }

        points.AddRange(input.AreaAssessments.SelectMany(a => Paragraphs(a.Text).Select(p => $"{a.Area}: {p}")));
        if (points.Count == 0)
        {
            points.Add("No scorecard of this round has been approved by the Co-Chairs yet.");
        }

        foreach (var point in points)
        {
            text.Append("- ").Append(point).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>A body's update: what it did in the period, its plans and the decisions left with it, then what is to come.</summary>
    private static IEnumerable<string> Paragraphs(StatementBody body, DateOnly meetingOn)
    {
        var live = body.Activities.Where(a => a.Status != ActivityStatus.Cancelled).ToList();
        var done = live.Where(a => a.Status == ActivityStatus.Delivered && a.Start <= meetingOn).ToList();
        // Still to come from the meeting's day: what starts after it, and what was planned and may still happen.
        var ahead = live.Where(a => a.Start > meetingOn || (a.Status == ActivityStatus.Planned && a.End >= meetingOn)).ToList();

        var past = new List<string>();
        foreach (var group in Groups(done))
        {
            past.Add(Sentence(body.Code, past.Count == 0 ? Subject(body.Code) : "It", group, future: false, also: past.Count > 0));
        }

        if (body.Approved && Progress(body) is { } progress)
        {
            past.Add(progress);
        }

        yield return string.Join(" ", past);

        var plans = new List<string>();
        foreach (var plan in body.WorkPlans ?? [])
        {
            plans.Add($"{Possessive(body.Code)} {plan.Title} sets out {Number(plan.Items)} item{(plan.Items == 1 ? "" : "s")}"
                + (plan.Delivered + plan.UnderWay == 0
                    ? ", none of them under way yet."
                    : $": {(plan.Delivered == 0 ? "none" : Number(plan.Delivered))} delivered and {(plan.UnderWay == 0 ? "none" : Number(plan.UnderWay))} under way."));
        }

        foreach (var decision in body.Decisions ?? [])
        {
            var text = decision.Text.Trim().TrimEnd('.');
            var note = string.IsNullOrWhiteSpace(decision.Note) ? "" : "; " + MidSentence(decision.Note.Trim().TrimEnd('.'));
            plans.Add($"Decided at the {decision.Meeting}: {MidSentence(text)} ({decision.Status.ToLowerInvariant()}{note}).");
        }

        yield return string.Join(" ", plans);

        var forward = new List<string>();
        foreach (var group in Groups(ahead))
        {
            forward.Add(forward.Count == 0
                ? "Looking ahead, " + char.ToLowerInvariant(Subject(body.Code)[0]) + Subject(body.Code)[1..] + " " + Predicate(body.Code, group, future: true)
                : Sentence(body.Code, "It", group, future: true, also: true));
        }

        foreach (var plan in (body.WorkPlans ?? []).Where(p => p.End > meetingOn))
        {
            forward.Add($"{(forward.Count == 0 ? Subject(body.Code) : "It")} will {(forward.Count == 0 ? "" : "also ")}continue to implement its {plan.Title}.");
        }

        yield return string.Join(" ", forward);
    }

    /// <summary>A body's activities in one place in one month, together; undated ones and those without a place, each on its own.</summary>
    private static IEnumerable<IReadOnlyList<StatementActivity>> Groups(IEnumerable<StatementActivity> activities)
    {
        var ordered = activities.OrderBy(a => a.Precision == DatePrecision.Undated).ThenBy(a => a.Start).ThenBy(a => a.Title, StringComparer.Ordinal).ToList();
        var used = new HashSet<StatementActivity>();
        foreach (var activity in ordered)
        {
            if (!used.Add(activity))
            {
                continue;
            }

            var month = ActivityDates.MonthOf(activity.Precision, activity.Start);
            var place = Place(activity.City, activity.Member);
            var group = new List<StatementActivity> { activity };
            if (month is not null && place is not null)
            {
                foreach (var other in ordered.Where(o => !used.Contains(o) && ActivityDates.MonthOf(o.Precision, o.Start) == month && Place(o.City, o.Member) == place))
                {
                    used.Add(other);
                    group.Add(other);
                }
            }

            yield return group;
        }
    }

    /// <summary>"The D-WG held its annual meeting from 16–18 July 2024 in Hanoi, Viet Nam."</summary>
    public static string Sentence(string bodyCode, string subject, IReadOnlyList<StatementActivity> group, bool future, bool also = false) =>
        $"{subject} {(also && !future ? "also " : "")}{Predicate(bodyCode, group, future, also && future)}";

    private static string Predicate(string bodyCode, IReadOnlyList<StatementActivity> group, bool future, bool also = false)
    {
        var first = group[0];
        var verb = group.Select(a => Verb(a.Kind)).Distinct().Count() == 1 ? Verb(first.Kind) : (Past: "held", Future: "hold");
        // One activity's partners close its sentence; in a group, each activity's stand beside it.
        var objects = group.Count == 1
            ? What(bodyCode, first)
            : List(group.OrderBy(a => a.Title.StartsWith(bodyCode + " ", StringComparison.OrdinalIgnoreCase) ? 0 : 1)
                .Select(a => What(bodyCode, a) + (With(a) is { Length: > 0 } with ? $" ({with})" : "")).ToList());
        var when = group.Count == 1
            ? ActivityDates.Phrase(first.Precision, first.Start, first.End)
            : ActivityDates.Phrase(DatePrecision.Month, first.Start, first.End);
        var place = Place(first.City, first.Member);
        var partners = group.Count == 1 && With(first) is { Length: > 0 } together ? $"{(when is null && place is null ? " " : ", ")}{together}" : "";
        var sentence = $"{(future ? "will " + (also ? "also " : "") + verb.Future : verb.Past)} {objects}{(when is null ? "" : " " + when)}{(place is null ? "" : " in " + place)}{partners}.";
        foreach (var outputs in group.Select(a => a.Outputs?.Trim()).Where(o => !string.IsNullOrEmpty(o)))
        {
            sentence += " " + outputs + (outputs!.EndsWith('.') ? "" : ".");
        }

        return sentence;
    }

    private static (string Past, string Future) Verb(ActivityKind kind) => kind switch
    {
        ActivityKind.Research => ("carried out", "carry out"),
        ActivityKind.Campaign => ("ran", "run"),
        ActivityKind.Secondment => ("hosted", "host"),
        ActivityKind.Other => ("carried out", "carry out"),
        _ => ("held", "hold"),
    };

    /// <summary>Who it was done with: the partner organisations as written, then the partner members.</summary>
    private static string With(StatementActivity activity)
    {
        var partners = (activity.Partners ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Concat(activity.PartnerMembers ?? []).Distinct().ToList();
        return partners.Count == 0 ? "" : "with " + List(partners.Select(p => p.Length > 1 && p == p.ToUpperInvariant() ? "the " + p : p).ToList());
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
        title = MidSentence(title);

        return activity.Kind is ActivityKind.Research or ActivityKind.Secondment or ActivityKind.Other || title.StartsWith("The ", StringComparison.Ordinal)
            ? title
            : "the " + title;
    }

    public static string? Place(string? city, string? member) => (city, member) switch
    {
        (null or "", null or "") => null,
        (null or "", _) => member,
        (_, null or "") => city,
        _ when string.Equals(city, member, StringComparison.OrdinalIgnoreCase) => city,
        _ => $"{city}, {member}",
    };

    /// <summary>
    /// A sentence-case phrase read mid-sentence: "Develop a scorecard" becomes "develop a scorecard", while a name such as
    /// "Steering Group Senior Officials" keeps its capitals.
    /// </summary>
    private static string MidSentence(string text)
    {
        var words = text.Split(' ', 3);
        return words.Length > 1 && words[1].Length > 0 && char.IsLower(words[1][0]) && words[0].Length > 1 && char.IsLower(words[0][1])
            ? char.ToLowerInvariant(text[0]) + text[1..]
            : text;
    }

    /// <summary>A body named in running text, as the statements write it: "The RSO", "The D-WG".</summary>
    public static string Subject(string code) => "The " + code;

    private static string Possessive(string code) => $"The {code}'s";

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
        return $"In its scorecard, the {body.Code} reported progress on {Count(rated.Count, "objective", "objectives")} of the Strategy: {string.Join("; ", levels)}.";
    }

    /// <summary>"a, b and c"; with more than two, a comma before the "and" when one of them has commas of its own.</summary>
    private static string List(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        2 => $"{items[0]} and {items[1]}",
        _ => string.Join(", ", items.Take(items.Count - 1)) + (items.Any(i => i.Contains(',', StringComparison.Ordinal)) ? ", and " : " and ") + items[^1],
    };

    private static IEnumerable<string> Paragraphs(string text) =>
        text.ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Replace('\n', ' '));

    private static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    private static readonly string[] Words = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

    /// <summary>Numbers up to ten in words, as the statements write them ("seven programme initiatives").</summary>
    private static string Number(int n) => n >= 0 && n < Words.Length ? Words[n] : n.ToString(CultureInfo.InvariantCulture);

    private static string Count(int n, string one, string many) => $"{Number(n)} {(n == 1 ? one : many)}";
}
