using Scorecards.Domain.Scorecards;

namespace Scorecards.Domain.Members;

public enum MemberKind
{
    State,
    Territory,
    SpecialAdministrativeRegion,
    Organisation,
}

public enum MemberStatus
{
    Member,
    Observer,

    /// <summary>No longer takes part; its record and history stay.</summary>
    Withdrawn,
}

/// <summary>
/// A participant of the Process: a state, territory, special administrative region or organisation, with every change of
/// its status (joined, became an observer, withdrew) dated and tied to the meeting decision behind it.
/// </summary>
public sealed class Member
{
    public const int MaxName = 200;
    public const int MaxNote = 2000;

    private readonly List<MemberStatusChange> _history = [];

    private Member()
    {
        Name = "";
    }

    /// <summary>A member on record since before the register began: its first status carries no date.</summary>
    public Member(string name, MemberKind kind, MemberStatus status)
    {
        Name = name.Trim();
        Kind = kind;
        Status = status;
        _history.Add(new MemberStatusChange(null, status, null, null));
    }

    public int Id { get; private set; }
    public string Name { get; private set; }
    public MemberKind Kind { get; private set; }

    /// <summary>The status the latest change on record gave it.</summary>
    public MemberStatus Status { get; private set; }

    /// <summary>Its changes of status, oldest first; the first may be undated (on record since before the register began).</summary>
    public IReadOnlyList<MemberStatusChange> History => Sorted();

    /// <summary>Whether the member takes part today, as a member or an observer.</summary>
    public bool IsCurrent => Status != MemberStatus.Withdrawn;

    /// <summary>
    /// What is wrong with a member's name and kind, by field: a name as the Process writes it, a kind it knows.
    /// Whether the name is already taken is the register's to say.
    /// </summary>
    private static List<FieldError> Check(string? name, MemberKind kind)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > MaxName)
        {
            errors.Add(new FieldError(nameof(Name), $"Give the member's name as the Process writes it (at most {MaxName} characters)."));
        }

        if (!Enum.IsDefined(kind))
        {
            errors.Add(new FieldError(nameof(Kind), "Choose a kind."));
        }

        return errors;
    }

    /// <summary>A new member on record since before the register began, or the fields at fault.</summary>
    public static Result<Member> Create(string? name, MemberKind kind, MemberStatus status) => Create(name, kind, status, null, null, null);

    /// <summary>
    /// A new member of the register, or the fields at fault. <paramref name="since"/> is the day it joined, when known
    /// (not after <paramref name="today"/>); without it, it is on record since before the register began. <paramref name="note"/>
    /// says where the record came from.
    /// </summary>
    public static Result<Member> Create(string? name, MemberKind kind, MemberStatus status, DateOnly? since, int? decisionId, DateOnly? today, string? note = null)
    {
        var errors = Check(name, kind);
        if (note?.Length > MaxNote)
        {
            errors.Add(new FieldError("Note", $"The note is {note.Length} characters long; at most {MaxNote} are allowed."));
        }

        if (status is not (MemberStatus.Member or MemberStatus.Observer))
        {
            errors.Add(new FieldError(nameof(Status), "Choose member or observer."));
        }

        if (since is { } joined && today is { } now && joined > now)
        {
            errors.Add(new FieldError("Since", $"It joins on {joined:yyyy-MM-dd}, which is after today; add it on the day it joins."));
        }

        if (errors.Count > 0)
        {
            return Result.Invalid("member.invalid", errors);
        }

        var member = new Member(name!, kind, status);
        member._history[0] = new MemberStatusChange(since, status, decisionId, string.IsNullOrWhiteSpace(note) ? null : note.Trim());
        return member;
    }

    /// <summary>Renames or reclassifies the member; a Co-Chair government stays a member state until it steps down.</summary>
    public Result Change(string? name, MemberKind kind)
    {
        var errors = Check(name, kind);
        if (errors.Count == 0 && IsCoChairGovernment && CanCoChair(kind, Status) is { Succeeded: false } unfit)
        {
            errors.Add(new FieldError(nameof(Kind), $"{unfit.Message} Remove it from the Co-Chair governments first."));
        }

        if (errors.Count > 0)
        {
            return Result.Invalid("member.invalid", errors);
        }

        Name = name!.Trim();
        Kind = kind;
        return Result.Ok();
    }

    /// <summary>
    /// Records a change of status that took effect on <paramref name="on"/> (not after <paramref name="today"/>, nor before the
    /// latest change on record), with the meeting decision behind it. A Co-Chair government stays a member until it steps down.
    /// Whether the member still holds seats on bodies is the register's to say.
    /// </summary>
    public Result RecordStatus(MemberStatus status, DateOnly? on, int? decisionId, string? note, DateOnly today)
    {
        var errors = new List<FieldError>();
        if (!Enum.IsDefined(status))
        {
            errors.Add(new FieldError(nameof(Status), "Choose member, observer or withdrawn."));
        }
        else if (status == Status)
        {
            errors.Add(new FieldError(nameof(Status), $"{Name} is already {Describe(status)}."));
        }
        else if (IsCoChairGovernment && status != MemberStatus.Member)
        {
            errors.Add(new FieldError(nameof(Status), $"{Name} is a Co-Chair government of the Process, which only a member state can be. Remove it from the Co-Chair governments first."));
        }

        if (on is not { } date)
        {
            errors.Add(new FieldError("On", "Give the day the change took effect (YYYY-MM-DD)."));
        }
        else if (date > today)
        {
            errors.Add(new FieldError("On", $"The change takes effect on {date:yyyy-MM-dd}, which is after today; record it on the day it takes effect."));
        }
        else if (LatestDate is { } latest && date < latest)
        {
            errors.Add(new FieldError("On", $"The latest change on record took effect on {latest:yyyy-MM-dd}; a new one cannot come before it."));
        }

        if (note?.Length > MaxNote)
        {
            errors.Add(new FieldError("Note", $"The note is {note.Length} characters long; at most {MaxNote} are allowed."));
        }

        if (errors.Count > 0)
        {
            return Result.Invalid("member.status-invalid", errors);
        }

        _history.Add(new MemberStatusChange(on, status, decisionId, string.IsNullOrWhiteSpace(note) ? null : note.Trim()));
        Status = status;
        return Result.Ok();
    }

    /// <summary>Takes back the latest change of status, recorded in error; the first, by which it joined, stays.</summary>
    public Result UndoLatestChange()
    {
        if (_history.Count < 2)
        {
            return Result.Fail("member.nothing-to-undo", $"{Name} has no change of status after joining to take back.");
        }

        var sorted = Sorted();
        var previous = sorted[^2].Status;
        if (IsCoChairGovernment && previous != MemberStatus.Member)
        {
            return Result.Fail("member.co-chair", $"{Name} is a Co-Chair government of the Process, which only a member state can be. Remove it from the Co-Chair governments first.");
        }

        _history.Remove(sorted[^1]);
        Status = previous;
        return Result.Ok();
    }

    /// <summary>The member's status on a day: the latest change on or before it; null before it joined.</summary>
    public MemberStatus? StatusOn(DateOnly day) => Sorted().LastOrDefault(c => c.EffectiveDate is null || c.EffectiveDate <= day)?.Status;

    /// <summary>Whether the member took part on a day, as a member or an observer.</summary>
    public bool TookPartOn(DateOnly day) => StatusOn(day) is MemberStatus.Member or MemberStatus.Observer;

    private DateOnly? LatestDate => Sorted().LastOrDefault(c => c.EffectiveDate is not null)?.EffectiveDate;

    /// <summary>Oldest first, whatever order the rows were read in: undated first, then by day, then in the order recorded.</summary>
    private List<MemberStatusChange> Sorted() =>
        [.. _history.OrderBy(c => c.EffectiveDate ?? DateOnly.MinValue).ThenBy(c => c.Id == 0 ? int.MaxValue : c.Id)];

    public static string Describe(MemberStatus status) => status switch
    {
        MemberStatus.Member => "a member",
        MemberStatus.Observer => "an observer",
        _ => "withdrawn",
    };

    /// <summary>The heading the Process lists a participant under: member states and territories, observer organisations, …</summary>
    public static string Group(MemberKind kind, MemberStatus status) => (kind, status) switch
    {
        (_, MemberStatus.Withdrawn) => "Withdrawn",
        (MemberKind.Organisation, MemberStatus.Member) => "Member organisations",
        (MemberKind.Organisation, _) => "Observer organisations",
        (_, MemberStatus.Member) => "Member states and territories",
        _ => "Observer states",
    };

    /// <summary>The headings in the order the Process lists them.</summary>
    public static readonly IReadOnlyList<string> Groups =
        ["Member states and territories", "Member organisations", "Observer states", "Observer organisations", "Withdrawn"];

    /// <summary>One of the Process's Co-Chair governments, whose Co-Chair reviewers approve scorecards.</summary>
    public bool IsCoChairGovernment { get; private set; }

    /// <summary>Only a member state can co-chair the Process.</summary>
    public Result BecomeCoChairGovernment()
    {
        if (IsCoChairGovernment)
        {
            return Result.Fail("co-chair.already", $"{Name} is already a Co-Chair government.");
        }

        var fit = CanCoChair(Kind, Status);
        if (!fit.Succeeded)
        {
            return fit;
        }

        IsCoChairGovernment = true;
        return Result.Ok();
    }

    public Result StepDownAsCoChairGovernment()
    {
        if (!IsCoChairGovernment)
        {
            return Result.Fail("co-chair.not", $"{Name} is not a Co-Chair government.");
        }

        IsCoChairGovernment = false;
        return Result.Ok();
    }

    /// <summary>Whether a member of this kind and status may co-chair; a Co-Chair government's kind and status are held to it.</summary>
    public Result CanCoChair(MemberKind kind, MemberStatus status) =>
        kind != MemberKind.State
            ? Result.Fail("co-chair.not-a-state", $"{Name} is not a state; only a member state can be a Co-Chair government of the Process.")
            : status != MemberStatus.Member
                ? Result.Fail("co-chair.observer", $"{Name} is {Describe(status)}; only a member state can be a Co-Chair government of the Process.")
                : Result.Ok();

    public static bool TryParseKind(string text, out MemberKind kind)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "state":
                kind = MemberKind.State;
                return true;
            case "territory":
                kind = MemberKind.Territory;
                return true;
            case "special administrative region":
            case "sar":
                kind = MemberKind.SpecialAdministrativeRegion;
                return true;
            case "organisation":
            case "organization":
                kind = MemberKind.Organisation;
                return true;
            default:
                kind = default;
                return false;
        }
    }

    public static bool TryParseStatus(string text, out MemberStatus status)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "member":
                status = MemberStatus.Member;
                return true;
            case "observer":
                status = MemberStatus.Observer;
                return true;
            case "withdrawn":
                status = MemberStatus.Withdrawn;
                return true;
            default:
                status = default;
                return false;
        }
    }
}

/// <summary>
/// A change of a member's status: the day it took effect (none for the status it held when the register began), the status
/// it gave, and the meeting decision behind it.
/// </summary>
public sealed class MemberStatusChange
{
    private MemberStatusChange()
    {
    }

    public MemberStatusChange(DateOnly? effectiveDate, MemberStatus status, int? decisionId, string? note)
    {
        EffectiveDate = effectiveDate;
        Status = status;
        DecisionId = decisionId;
        Note = note;
    }

    public int Id { get; private set; }
    public int MemberId { get; private set; }
    public DateOnly? EffectiveDate { get; private set; }
    public MemberStatus Status { get; private set; }
    public int? DecisionId { get; private set; }
    public string? Note { get; private set; }

    /// <summary>What happened, read against the status before: "Joined as a member", "Became an observer", "Withdrew".</summary>
    public static string Label(MemberStatus? before, MemberStatus after) => (before, after) switch
    {
        (_, MemberStatus.Withdrawn) => "Withdrew",
        (null, _) => $"Joined as {Member.Describe(after)}",
        (MemberStatus.Withdrawn, _) => $"Rejoined as {Member.Describe(after)}",
        (_, MemberStatus.Observer) => "Became an observer",
        _ => "Became a member",
    };
}
