using System.Globalization;

namespace Scorecards.Domain.Activities;

/// <summary>
/// How precisely an activity's dates are known. "November 2024" is a month, never 1–30 November; an activity
/// known only to have happened between two dates is <see cref="Undated"/>, and its bounds are never shown as its dates.
/// </summary>
public enum DatePrecision
{
    Day,
    Days,
    Month,
    Quarter,
    Year,
    Undated,
}

/// <summary>The rules and the wording of an activity's dates, as precise as their source and no more.</summary>
public static class ActivityDates
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static string Label(DatePrecision precision) => precision switch
    {
        DatePrecision.Day => "One day",
        DatePrecision.Days => "Several days",
        DatePrecision.Month => "A month",
        DatePrecision.Quarter => "A quarter",
        DatePrecision.Year => "A year",
        DatePrecision.Undated => "No date, only the time it falls in",
        _ => precision.ToString(),
    };

    public static bool TryParse(string? text, out DatePrecision precision)
    {
        var word = text?.Trim().ToLowerInvariant();
        precision = word switch
        {
            "day" => DatePrecision.Day,
            "days" => DatePrecision.Days,
            "month" => DatePrecision.Month,
            "quarter" => DatePrecision.Quarter,
            "year" => DatePrecision.Year,
            "undated" => DatePrecision.Undated,
            _ => (DatePrecision)(-1),
        };
        return Enum.IsDefined(precision);
    }

    public static string Slug(DatePrecision precision) => precision.ToString().ToLowerInvariant();

    /// <summary>
    /// The first and last day an activity of this precision covers. A month, quarter or year runs from its first day to its
    /// last whatever day of it is given; a single day ends when it starts; a span and an undated activity keep both dates.
    /// </summary>
    public static (DateOnly Start, DateOnly End) Bounds(DatePrecision precision, DateOnly start, DateOnly? end) => precision switch
    {
        DatePrecision.Day => (start, start),
        DatePrecision.Month => (new DateOnly(start.Year, start.Month, 1), new DateOnly(start.Year, start.Month, DateTime.DaysInMonth(start.Year, start.Month))),
        DatePrecision.Quarter => Quarter(start),
        DatePrecision.Year => (new DateOnly(start.Year, 1, 1), new DateOnly(start.Year, 12, 31)),
        _ => (start, end ?? start),
    };

    /// <summary>Whether the last day follows from the first at this precision (a day, month, quarter or year), so none is given.</summary>
    public static bool EndFollows(DatePrecision precision) =>
        precision is DatePrecision.Day or DatePrecision.Month or DatePrecision.Quarter or DatePrecision.Year;

    /// <summary>What is wrong with these dates at this precision, or null when nothing is.</summary>
    public static string? Problem(DatePrecision precision, DateOnly start, DateOnly? end)
    {
        if (end is { } last && last < start)
        {
            return $"The activity ends ({last:yyyy-MM-dd}) before it starts ({start:yyyy-MM-dd}).";
        }

        switch (precision)
        {
            case DatePrecision.Days when end is null || end <= start:
                return "An activity of several days needs a last day after its first; for one day, choose \"One day\".";
            case DatePrecision.Undated when end is null:
                return "Give the first and last day of the time the activity is known to fall in.";
            case var _ when EndFollows(precision) && end is { } given && given != Bounds(precision, start, end).End:
                return $"{Label(precision)} ends on {Bounds(precision, start, end).End:yyyy-MM-dd}; leave the last day empty, or choose another precision.";
            default:
                return null;
        }
    }

    /// <summary>The precision a plain pair of dates says: one day, or several.</summary>
    public static DatePrecision Infer(DateOnly start, DateOnly? end) => end is { } e && e > start ? DatePrecision.Days : DatePrecision.Day;

    /// <summary>The dates as pages and papers show them: "16–18 July 2024", "November 2024", "Q4 2025", "date not recorded".</summary>
    public static string Describe(DatePrecision precision, DateOnly start, DateOnly end) => precision switch
    {
        DatePrecision.Day => Day(start),
        DatePrecision.Days => Span(start, end),
        DatePrecision.Month => start.ToString("MMMM yyyy", English),
        DatePrecision.Quarter => $"Q{((start.Month - 1) / 3) + 1} {start.Year}",
        DatePrecision.Year => start.Year.ToString(CultureInfo.InvariantCulture),
        _ => "date not recorded",
    };

    /// <summary>The dates as a statement writes them after a verb: "on 21 May 2025", "from 16–18 July 2024", "in November 2024"; none when undated.</summary>
    public static string? Phrase(DatePrecision precision, DateOnly start, DateOnly end) => precision switch
    {
        DatePrecision.Day => "on " + Day(start),
        DatePrecision.Days when start.Year == end.Year && start.Month == end.Month => "from " + Span(start, end),
        DatePrecision.Days => start.Year == end.Year ? $"from {start.ToString("d MMMM", English)} to {Day(end)}" : $"from {Day(start)} to {Day(end)}",
        DatePrecision.Month or DatePrecision.Quarter or DatePrecision.Year => "in " + Describe(precision, start, end),
        _ => null,
    };

    /// <summary>
    /// The month, quarter or year the activity falls in, for grouping what a body did in one place at one time; an
    /// activity of several days falls in the month it starts in; an undated one falls in none.
    /// </summary>
    public static (int Year, int Month)? MonthOf(DatePrecision precision, DateOnly start) =>
        precision is DatePrecision.Day or DatePrecision.Days or DatePrecision.Month ? (start.Year, start.Month) : null;

    private static string Day(DateOnly d) => d.ToString("d MMMM yyyy", English);

    private static string Span(DateOnly start, DateOnly end)
    {
        if (start.Year != end.Year)
        {
            return $"{Day(start)} – {Day(end)}";
        }

        return start.Month == end.Month
            ? $"{start.Day}–{Day(end)}"
            : $"{start.ToString("d MMMM", English)} – {Day(end)}";
    }

    private static (DateOnly, DateOnly) Quarter(DateOnly day)
    {
        var first = new DateOnly(day.Year, (((day.Month - 1) / 3) * 3) + 1, 1);
        return (first, first.AddMonths(3).AddDays(-1));
    }
}
