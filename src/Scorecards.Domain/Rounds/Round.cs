namespace Scorecards.Domain.Rounds;

public enum RoundStatus
{
    Planned,
    Open,
    InReview,
    Published,
    Archived,
}

/// <summary>One reporting cycle, tied to a meeting of the Process.</summary>
public sealed class Round
{
    private Round()
    {
        Name = "";
    }

    public Round(string name, string? meeting, DateOnly periodStart, DateOnly periodEnd, DateOnly opensOn, DateOnly dueOn)
    {
        Name = name;
        Meeting = meeting;
        PeriodStart = periodStart;
        PeriodEnd = periodEnd;
        OpensOn = opensOn;
        DueOn = dueOn;
    }

    public int Id { get; private set; }
    public string Name { get; set; }

    /// <summary>The meeting the round reports to, such as "19th Ad Hoc Group Senior Officials' Meeting"; from its record when linked.</summary>
    public string? Meeting { get; set; }

    /// <summary>The record of the meeting the round reports to, once it is recorded.</summary>
    public int? MeetingId { get; private set; }

    /// <summary>The day of that meeting, if known: the statement draft writes what falls after it as still to come.</summary>
    public DateOnly? MeetingOn { get; set; }
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }
    public DateOnly OpensOn { get; set; }
    public DateOnly DueOn { get; set; }

    /// <summary>The IANA time zone the round's days are counted in: a due date ends at midnight there.</summary>
    public string TimeZone { get; set; } = DefaultTimeZone;

    /// <summary>How many days before the due date bodies are reminded; 0 for no early reminder.</summary>
    public int RemindDaysBefore { get; set; } = 7;

    /// <summary>After how many days overdue the secretariat is told of a scorecard; 0 never.</summary>
    public int EscalateAfterDays { get; set; } = 7;

    public RoundStatus Status { get; private set; } = RoundStatus.Planned;
    public DateTime? PublishedUtc { get; private set; }

    /// <summary>Where the Regional Support Office sits, and the zone of the Process's deadlines unless a round says otherwise.</summary>
    public const string DefaultTimeZone = "Asia/Bangkok";

    public const int MaxReminderDays = 60;

    public static string Label(RoundStatus status) => status switch
    {
        RoundStatus.Planned => "Planned",
        RoundStatus.Open => "Open",
        RoundStatus.InReview => "In review",
        RoundStatus.Published => "Published",
        RoundStatus.Archived => "Archived",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static Result ValidateDates(DateOnly periodStart, DateOnly periodEnd, DateOnly opensOn, DateOnly dueOn)
    {
        if (periodEnd < periodStart)
        {
            return Result.Fail("round.period", "The period covered must end on or after the day it starts.");
        }

        if (dueOn < opensOn)
        {
            return Result.Fail("round.due", "The due date must be on or after the opening date.");
        }

        return Result.Ok();
    }

    /// <summary>
    /// Ties the round to the record of the meeting it reports to: its name and day are the record's from then on. A published round
    /// keeps the words it was published with.
    /// </summary>
    public Result ReportTo(int meetingId, string description, DateOnly meetingOn)
    {
        if (Status is RoundStatus.Published or RoundStatus.Archived)
        {
            return Result.Fail("round.state", $"The round is {Label(Status).ToLowerInvariant()}; the meeting it reported to is part of what was published.");
        }

        if (meetingOn < PeriodStart)
        {
            return Result.Fail("round.meeting", $"That meeting ({meetingOn:d MMMM yyyy}) is before the period the round covers starts ({PeriodStart:d MMMM yyyy}).");
        }

        MeetingId = meetingId;
        Meeting = description;
        MeetingOn = meetingOn;
        return Result.Ok();
    }

    /// <summary>Days from <paramref name="today"/> to the due date: negative when overdue.</summary>
    public int DaysUntilDue(DateOnly today) => DueOn.DayNumber - today.DayNumber;

    public Result Open() => Move(RoundStatus.Planned, RoundStatus.Open, "opened");

    public Result StartReview() => Move(RoundStatus.Open, RoundStatus.InReview, "moved to review");

    /// <summary>A round in review goes back to Open when reporters need more time.</summary>
    public Result Reopen() => Move(RoundStatus.InReview, RoundStatus.Open, "reopened");

    public Result Publish(DateTime nowUtc)
    {
        var result = Move(RoundStatus.InReview, RoundStatus.Published, "published");
        if (result.Succeeded)
        {
            PublishedUtc = nowUtc;
        }

        return result;
    }

    public Result Archive() => Move(RoundStatus.Published, RoundStatus.Archived, "archived");

    private Result Move(RoundStatus from, RoundStatus to, string verb)
    {
        if (Status != from)
        {
            return Result.Fail("round.state", $"A round can be {verb} only when it is {Label(from).ToLowerInvariant()}; this one is {Label(Status).ToLowerInvariant()}.");
        }

        Status = to;
        return Result.Ok();
    }
}
