using Scorecards.Domain.Scorecards;

namespace Scorecards.Domain.Secondments;

/// <summary>Where an expression of interest in the RSO secondment programme stands.</summary>
public enum SecondmentStatus
{
    Received,
    UnderDiscussion,
    Agreed,
    Placed,
    Completed,
    Withdrawn,
    Declined,
}

/// <summary>What a member's focal point tells the RSO: the agency, its area of work, when, and the focus areas it serves.</summary>
public sealed record InterestValues(
    string? Agency,
    string? AreaOfWork,
    DateOnly? PreferredStart,
    DateOnly? PreferredEnd,
    IReadOnlyList<int> FocusAreaIds,
    string? NomineeName,
    string? NomineePosition)
{
    public const int MaxName = 200;
    public const int MaxText = 2000;

    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        Text(errors, nameof(Agency), Agency, MaxName, "Name the agency that would second an officer, such as \"Department of Immigration and Emigration\".");
        Text(errors, nameof(AreaOfWork), AreaOfWork, MaxText, "Say what the officer works on and what the secondment would be for.");
        if (PreferredStart is { } start && PreferredEnd is { } end && end < start)
        {
            errors.Add(new FieldError(nameof(PreferredEnd), $"The preferred period ends ({end:yyyy-MM-dd}) before it begins ({start:yyyy-MM-dd})."));
        }

        if (FocusAreaIds.Count == 0)
        {
            errors.Add(new FieldError("FocusAreas", "Choose at least one of the Strategy's areas of cooperation the secondment would serve."));
        }

        Optional(errors, nameof(NomineeName), NomineeName, MaxName);
        Optional(errors, nameof(NomineePosition), NomineePosition, MaxName);
        return errors;
    }

    internal static void Text(List<FieldError> errors, string field, string? value, int max, string missing)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new FieldError(field, missing));
        }
        else
        {
            Optional(errors, field, value, max);
        }
    }

    internal static void Optional(List<FieldError> errors, string field, string? value, int max)
    {
        if (value?.Trim().Length > max)
        {
            errors.Add(new FieldError(field, $"This is {value.Trim().Length} characters long; at most {max} are allowed."));
        }
    }
}

/// <summary>A step the RSO (or the member, to withdraw) takes, with what that step needs.</summary>
public sealed record SecondmentStep(
    SecondmentStatus? Status,
    string? Note,
    string? HostUnit = null,
    DateOnly? StartDate = null,
    DateOnly? EndDate = null,
    string? Funder = null,
    string? Outcomes = null,
    IReadOnlyList<int>? ActivityIds = null);

/// <summary>
/// A member's expression of interest in the RSO secondment programme, followed from receipt to placement and completion,
/// or to its withdrawal or decline with a reason. The nominee's name and position are the only personal data it holds.
/// </summary>
public sealed class Secondment
{
    private readonly List<SecondmentFocusArea> _focusAreas = [];
    private readonly List<SecondmentActivity> _activities = [];
    private readonly List<SecondmentEvent> _events = [];

    private Secondment()
    {
        Agency = "";
        AreaOfWork = "";
    }

    private Secondment(int memberId)
    {
        MemberId = memberId;
        Agency = "";
        AreaOfWork = "";
    }

    public int Id { get; private set; }
    public int MemberId { get; private set; }
    public string Agency { get; private set; }
    public string AreaOfWork { get; private set; }
    public DateOnly? PreferredStart { get; private set; }
    public DateOnly? PreferredEnd { get; private set; }
    public string? NomineeName { get; private set; }
    public string? NomineePosition { get; private set; }
    public SecondmentStatus Status { get; private set; }
    public DateTime ReceivedUtc { get; private set; }
    public DateTime UpdatedUtc { get; private set; }

    /// <summary>The RSO unit that hosts the officer.</summary>
    public string? HostUnit { get; private set; }
    public DateOnly? StartDate { get; private set; }
    public DateOnly? EndDate { get; private set; }

    /// <summary>Who pays for the placement, such as "Government of New Zealand".</summary>
    public string? Funder { get; private set; }
    public string? Outcomes { get; private set; }

    /// <summary>Why it was withdrawn or declined.</summary>
    public string? Reason { get; private set; }

    /// <summary>Counts the steps taken, so that two people taking a step at once cannot both succeed.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<SecondmentFocusArea> FocusAreas => _focusAreas;
    public IReadOnlyList<SecondmentActivity> Activities => _activities;

    /// <summary>Every step it went through, oldest first.</summary>
    public IReadOnlyList<SecondmentEvent> Events => [.. _events.OrderBy(e => e.Utc).ThenBy(e => e.Id == 0 ? int.MaxValue : e.Id)];

    public bool IsClosed => Status is SecondmentStatus.Completed or SecondmentStatus.Withdrawn or SecondmentStatus.Declined;

    public static string Label(SecondmentStatus status) => status switch
    {
        SecondmentStatus.UnderDiscussion => "Under discussion",
        _ => status.ToString(),
    };

    /// <summary>A new expression of interest, received now, or the fields at fault.</summary>
    public static Result<Secondment> Submit(int memberId, InterestValues values, string by, DateTime nowUtc)
    {
        var secondment = new Secondment(memberId) { ReceivedUtc = nowUtc, Status = SecondmentStatus.Received };
        var changed = secondment.Change(values, nowUtc);
        if (!changed.Succeeded)
        {
            return changed;
        }

        secondment._events.Add(new SecondmentEvent(SecondmentStatus.Received, by, nowUtc, null));
        return secondment;
    }

    /// <summary>Corrects what the member said; only while the RSO has not yet taken it up.</summary>
    public Result Change(InterestValues values, DateTime nowUtc)
    {
        if (Status != SecondmentStatus.Received)
        {
            return Result.Fail("secondment.taken-up", $"The RSO has taken this expression of interest up ({Label(Status).ToLowerInvariant()}); ask the RSO to change it.");
        }

        var errors = values.Validate();
        if (errors.Count > 0)
        {
            return Result.Invalid("secondment.invalid", errors);
        }

        Agency = values.Agency!.Trim();
        AreaOfWork = values.AreaOfWork!.Trim();
        PreferredStart = values.PreferredStart;
        PreferredEnd = values.PreferredEnd;
        NomineeName = Trimmed(values.NomineeName);
        NomineePosition = Trimmed(values.NomineePosition);
        _focusAreas.RemoveAll(f => !values.FocusAreaIds.Contains(f.FocusAreaId));
        _focusAreas.AddRange(values.FocusAreaIds.Distinct().Where(id => _focusAreas.TrueForAll(f => f.FocusAreaId != id)).Select(id => new SecondmentFocusArea(id)));
        UpdatedUtc = nowUtc;
        return Result.Ok();
    }

    /// <summary>The steps open from a status: forward one at a time, or out with a reason while not yet complete.</summary>
    public static IReadOnlyList<SecondmentStatus> Next(SecondmentStatus status) => status switch
    {
        SecondmentStatus.Received => [SecondmentStatus.UnderDiscussion, SecondmentStatus.Withdrawn, SecondmentStatus.Declined],
        SecondmentStatus.UnderDiscussion => [SecondmentStatus.Agreed, SecondmentStatus.Withdrawn, SecondmentStatus.Declined],
        SecondmentStatus.Agreed => [SecondmentStatus.Placed, SecondmentStatus.Withdrawn, SecondmentStatus.Declined],
        SecondmentStatus.Placed => [SecondmentStatus.Completed, SecondmentStatus.Withdrawn],
        _ => [],
    };

    /// <summary>
    /// Moves it along: a placement names its host unit, start and end and funder; a completion its outcomes (and the activities
    /// it led to); a withdrawal or decline its reason.
    /// </summary>
    public Result Move(SecondmentStep step, string by, DateTime nowUtc)
    {
        if (step.Status is not { } to || !Enum.IsDefined(to))
        {
            return Result.Invalid("secondment.invalid", [new FieldError("Status", "Choose the step to take.")]);
        }

        if (!Next(Status).Contains(to))
        {
            return Result.Fail("secondment.step", IsClosed
                ? $"This expression of interest is {Label(Status).ToLowerInvariant()}; it takes no further steps."
                : $"It is {Label(Status).ToLowerInvariant()}; from there it can become {string.Join(" or ", Next(Status).Select(s => Label(s).ToLowerInvariant()))}.");
        }

        var errors = new List<FieldError>();
        switch (to)
        {
            case SecondmentStatus.Placed:
                InterestValues.Text(errors, nameof(HostUnit), step.HostUnit, InterestValues.MaxName, "Name the RSO unit that hosts the officer.");
                InterestValues.Text(errors, nameof(Funder), step.Funder, InterestValues.MaxName, "Name who funds the placement, such as \"Government of New Zealand\".");
                if (step.StartDate is null)
                {
                    errors.Add(new FieldError(nameof(StartDate), "Give the first day of the placement (YYYY-MM-DD)."));
                }

                if (step.EndDate is null)
                {
                    errors.Add(new FieldError(nameof(EndDate), "Give the last day of the placement (YYYY-MM-DD)."));
                }
                else if (step.StartDate is { } start && step.EndDate < start)
                {
                    errors.Add(new FieldError(nameof(EndDate), $"The placement ends ({step.EndDate:yyyy-MM-dd}) before it begins ({start:yyyy-MM-dd})."));
                }

                break;
            case SecondmentStatus.Completed:
                InterestValues.Text(errors, nameof(Outcomes), step.Outcomes, InterestValues.MaxText, "Say what the secondment achieved, for the RSO's reports.");
                break;
            case SecondmentStatus.Withdrawn or SecondmentStatus.Declined:
                InterestValues.Text(errors, "Note", step.Note, InterestValues.MaxText, $"Say why it was {Label(to).ToLowerInvariant()}.");
                break;
        }

        InterestValues.Optional(errors, "Note", step.Note, InterestValues.MaxText);
        if (errors.Count > 0)
        {
            return Result.Invalid("secondment.invalid", errors);
        }

        switch (to)
        {
            case SecondmentStatus.Placed:
                HostUnit = step.HostUnit!.Trim();
                Funder = step.Funder!.Trim();
                StartDate = step.StartDate;
                EndDate = step.EndDate;
                break;
            case SecondmentStatus.Completed:
                Outcomes = step.Outcomes!.Trim();
                _activities.Clear();
                _activities.AddRange((step.ActivityIds ?? []).Distinct().Select(id => new SecondmentActivity(id)));
                break;
            case SecondmentStatus.Withdrawn or SecondmentStatus.Declined:
                Reason = step.Note!.Trim();
                break;
        }

        Status = to;
        UpdatedUtc = nowUtc;
        Version++;
        _events.Add(new SecondmentEvent(to, by, nowUtc, Trimmed(step.Note)));
        return Result.Ok();
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

public sealed class SecondmentFocusArea
{
    private SecondmentFocusArea()
    {
    }

    public SecondmentFocusArea(int focusAreaId) => FocusAreaId = focusAreaId;

    public int SecondmentId { get; private set; }
    public int FocusAreaId { get; private set; }
}

/// <summary>An activity the secondment led to or took part in, linked when it completes.</summary>
public sealed class SecondmentActivity
{
    private SecondmentActivity()
    {
    }

    public SecondmentActivity(int activityId) => ActivityId = activityId;

    public int SecondmentId { get; private set; }
    public int ActivityId { get; private set; }
}

/// <summary>One step on the timeline: what it became, who took the step, when, and any note.</summary>
public sealed class SecondmentEvent
{
    private SecondmentEvent()
    {
        By = "";
    }

    public SecondmentEvent(SecondmentStatus status, string by, DateTime utc, string? note)
    {
        Status = status;
        By = by;
        Utc = utc;
        Note = note;
    }

    public int Id { get; private set; }
    public int SecondmentId { get; private set; }
    public SecondmentStatus Status { get; private set; }
    public string By { get; private set; }
    public DateTime Utc { get; private set; }
    public string? Note { get; private set; }
}
