using Scorecards.Domain.Scorecards;

namespace Scorecards.Domain.Scoring;

public enum Trend
{
    /// <summary>Nothing to compare: no entry in scope has a level this round.</summary>
    None,
    New,
    Improved,
    Unchanged,
    Declined,
}

/// <summary>One entry as the roll-ups see it: whose, on what, at which level now and in the previous round.</summary>
public sealed record ScoredEntry(int BodyId, int ObjectiveId, int FocusAreaId, Completion? Completion, Completion? Previous, bool HasNarrative);

/// <summary>How many entries sit at each completion level, and what share of the counted ones are Substantial or Complete.</summary>
public sealed record Distribution(IReadOnlyDictionary<Completion, int> Counts, int Unrated)
{
    /// <summary>Entries with a level: every level except Not applicable and No evidence available.</summary>
    public int Counted => Counts.Where(c => Scores.IsLevel(c.Key)).Sum(c => c.Value);

    public int HighCompletion => Counts[Completion.Substantial] + Counts[Completion.Complete];

    /// <summary>High completion as a share of the counted entries; null when none is counted.</summary>
    public decimal? HighCompletionShare => Counted == 0 ? null : (decimal)HighCompletion / Counted;

    public int Total => Counts.Values.Sum() + Unrated;

    public int this[Completion level] => Counts[level];
}

/// <summary>A trend and the entry movements it was decided from.</summary>
public sealed record TrendResult(Trend Trend, int Rose, int Fell, int Same, int New);

/// <summary>
/// The roll-up rules, in one place, with no I/O: distributions over completion levels, the
/// "high completion" share, and trends against the previous round. The Method page explains them.
/// </summary>
public static class Scores
{
    /// <summary>Completion levels that are a level of progress; Not applicable and No evidence available are not.</summary>
    public static bool IsLevel(Completion completion) =>
        completion is Completion.NotStarted or Completion.Limited or Completion.Substantial or Completion.Complete;

    public static Distribution Distribute(IEnumerable<ScoredEntry> entries)
    {
        var counts = Enum.GetValues<Completion>().ToDictionary(c => c, _ => 0);
        var unrated = 0;
        foreach (var entry in entries)
        {
            if (entry.Completion is { } completion)
            {
                counts[completion]++;
            }
            else
            {
                unrated++;
            }
        }

        return new Distribution(counts, unrated);
    }

    /// <summary>
    /// Compares each entry with the same body's entry on the same objective in the previous round.
    /// An entry rose or fell when both rounds have a level and it differs; it is new when this round has a
    /// level and the previous had none. The scope improved when more entries rose than fell, declined when
    /// more fell than rose, is unchanged when as many rose as fell (including none), and is new when every
    /// entry with a level is new. Entries without a level this round are left out.
    /// </summary>
    public static TrendResult TrendOf(IEnumerable<ScoredEntry> entries)
    {
        int rose = 0, fell = 0, same = 0, fresh = 0;
        foreach (var entry in entries)
        {
            if (entry.Completion is not { } now || !IsLevel(now))
            {
                continue;
            }

            if (entry.Previous is not { } before || !IsLevel(before))
            {
                fresh++;
            }
            else if (now > before)
            {
                rose++;
            }
            else if (now < before)
            {
                fell++;
            }
            else
            {
                same++;
            }
        }

        var trend = (rose + fell + same + fresh) switch
        {
            0 => Trend.None,
            _ when rose + fell + same == 0 => Trend.New,
            _ when rose > fell => Trend.Improved,
            _ when fell > rose => Trend.Declined,
            _ => Trend.Unchanged,
        };
        return new TrendResult(trend, rose, fell, same, fresh);
    }

    /// <summary>The trend of one entry on its own.</summary>
    public static Trend TrendOf(Completion? now, Completion? before) =>
        TrendOf([new ScoredEntry(0, 0, 0, now, before, true)]).Trend;

    public static string Label(this Trend trend) => trend switch
    {
        Trend.None => "No trend",
        Trend.New => "New",
        Trend.Improved => "Improved",
        Trend.Unchanged => "Unchanged",
        Trend.Declined => "Declined",
        _ => throw new ArgumentOutOfRangeException(nameof(trend), trend, null),
    };

    public static string Symbol(this Trend trend) => trend switch
    {
        Trend.None => "–",
        Trend.New => "✦",
        Trend.Improved => "↑",
        Trend.Unchanged => "→",
        Trend.Declined => "↓",
        _ => throw new ArgumentOutOfRangeException(nameof(trend), trend, null),
    };
}
