namespace Scorecards.Domain.Notices;

/// <summary>The reminders of one scorecard's due date, in the order they fall.</summary>
public enum ReminderStage
{
    DueSoon,
    DueToday,
    Overdue,
}

/// <summary>
/// When a body is reminded of its scorecard's due date. Days are the round's: a due date ends at the end of that day
/// in the round's time zone, and each reminder falls at the start of its day there: <c>daysBefore</c> days before the
/// due date, on it, and the day after. A server that was down when a reminder fell sends only the latest one due,
/// never a "due in a week" after the due date has passed.
/// </summary>
public static class Reminders
{
    /// <summary>The first moment of <paramref name="day"/> in <paramref name="zone"/>, in UTC (a day that starts in a
    /// daylight-saving gap starts when the clocks have moved on).</summary>
    public static DateTime StartOfDayUtc(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    /// <summary>The moment a scorecard due on <paramref name="dueOn"/> becomes overdue: the end of that day in the round's zone.</summary>
    public static DateTime DueEndsUtc(DateOnly dueOn, TimeZoneInfo zone) => StartOfDayUtc(dueOn.AddDays(1), zone);

    /// <summary>Today in <paramref name="zone"/>.</summary>
    public static DateOnly Today(DateTime nowUtc, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(nowUtc, zone));

    /// <summary>The latest reminder that has fallen by <paramref name="nowUtc"/>, or null before the first.</summary>
    public static ReminderStage? Latest(DateOnly dueOn, int daysBefore, TimeZoneInfo zone, DateTime nowUtc)
    {
        if (nowUtc >= DueEndsUtc(dueOn, zone))
        {
            return ReminderStage.Overdue;
        }

        if (nowUtc >= StartOfDayUtc(dueOn, zone))
        {
            return ReminderStage.DueToday;
        }

        return daysBefore > 0 && nowUtc >= StartOfDayUtc(dueOn.AddDays(-daysBefore), zone) ? ReminderStage.DueSoon : null;
    }

    /// <summary>
    /// Whether the secretariat is to hear of it: the scorecard is <paramref name="afterDays"/> days overdue, counted as
    /// the home page counts them (the day after the due date is one day overdue).
    /// </summary>
    public static bool Escalates(DateOnly dueOn, int afterDays, TimeZoneInfo zone, DateTime nowUtc) =>
        afterDays > 0 && nowUtc >= StartOfDayUtc(dueOn.AddDays(afterDays), zone);

    /// <summary>The zone named by an IANA id (such as Asia/Bangkok), or null when the name is unknown here.</summary>
    public static TimeZoneInfo? Zone(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;
}
