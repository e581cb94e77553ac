using Scorecards.Domain.Scorecards;

namespace Scorecards.Domain.Meetings;

public enum DecisionStatus
{
    Open,
    InProgress,
    Done,
    Dropped,
}

/// <summary>What a person sets on a decision in one save.</summary>
public sealed record DecisionValues(string? Text, int? OwnerBodyId, int? DueMeetingId, DateOnly? DueDate, DecisionStatus? Status, string? StatusNote)
{
    public const int MaxTextLength = 2000;

    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(Text))
        {
            errors.Add(new FieldError(nameof(Text), "Write what the meeting decided."));
        }
        else if (Text.Length > MaxTextLength)
        {
            errors.Add(new FieldError(nameof(Text), $"The decision is {Text.Length} characters long; at most {MaxTextLength} are allowed."));
        }

        if (OwnerBodyId is null)
        {
            errors.Add(new FieldError(nameof(OwnerBodyId), "Choose the body that owns the follow-up."));
        }

        errors.AddRange(Decision.CheckStatus(Status, StatusNote));
        return errors;
    }
}

/// <summary>
/// Something a meeting decided, owned by a body and due by a meeting or a date, tracked until it is done
/// or dropped. Dropping one needs a reason, so the next meeting can read why.
/// </summary>
public sealed class Decision
{
    private Decision()
    {
        Text = "";
    }

    public Decision(int meetingId, int number)
    {
        MeetingId = meetingId;
        Number = number;
        Text = "";
    }

    public int Id { get; private set; }
    public int MeetingId { get; private set; }

    /// <summary>Its place in the meeting's list: 1, 2, 3…</summary>
    public int Number { get; private set; }
    public string Text { get; private set; }
    public int OwnerBodyId { get; private set; }
    public int? DueMeetingId { get; private set; }
    public DateOnly? DueDate { get; private set; }
    public DecisionStatus Status { get; private set; }
    public string? StatusNote { get; private set; }
    public DateTime? UpdatedUtc { get; private set; }

    public bool IsOpen => Status is DecisionStatus.Open or DecisionStatus.InProgress;

    public static string Label(DecisionStatus status) => status switch
    {
        DecisionStatus.InProgress => "In progress",
        _ => status.ToString(),
    };

    public static IEnumerable<FieldError> CheckStatus(DecisionStatus? status, string? note)
    {
        if (status is null)
        {
            yield return new FieldError("Status", "Choose open, in progress, done or dropped.");
        }
        else if (status == DecisionStatus.Dropped && string.IsNullOrWhiteSpace(note))
        {
            yield return new FieldError("StatusNote", "Say why the decision was dropped.");
        }

        if (note?.Length > DecisionValues.MaxTextLength)
        {
            yield return new FieldError("StatusNote", $"The note is longer than {DecisionValues.MaxTextLength} characters.");
        }
    }

    public Result Apply(DecisionValues values, DateTime nowUtc)
    {
        var errors = values.Validate();
        if (errors.Count > 0)
        {
            return Result.Invalid("decision.invalid", errors);
        }

        Text = values.Text!.Trim();
        OwnerBodyId = values.OwnerBodyId!.Value;
        DueMeetingId = values.DueMeetingId;
        DueDate = values.DueDate;
        Status = values.Status!.Value;
        StatusNote = string.IsNullOrWhiteSpace(values.StatusNote) ? null : values.StatusNote.Trim();
        UpdatedUtc = nowUtc;
        return Result.Ok();
    }

    /// <summary>The follow-up the owner reports: a new status and, for dropping, why.</summary>
    public Result SetStatus(DecisionStatus? status, string? note, DateTime nowUtc)
    {
        var errors = CheckStatus(status, note).ToList();
        if (errors.Count > 0)
        {
            return Result.Invalid("decision.invalid", errors);
        }

        Status = status!.Value;
        StatusNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        UpdatedUtc = nowUtc;
        return Result.Ok();
    }

    /// <summary>An open decision past its due date (the due meeting's date when it has one).</summary>
    public bool IsOverdue(DateOnly today, DateOnly? dueMeetingDate) => IsOpen && (DueDate ?? dueMeetingDate) is { } due && due < today;
}
