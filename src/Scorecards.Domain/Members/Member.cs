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
}

/// <summary>A participant of the Process: a state, territory, special administrative region or organisation.</summary>
public sealed class Member
{
    private Member()
    {
        Name = "";
    }

    public Member(string name, MemberKind kind, MemberStatus status)
    {
        Name = name.Trim();
        Kind = kind;
        Status = status;
    }

    public const int MaxName = 200;

    public int Id { get; private set; }
    public string Name { get; private set; }
    public MemberKind Kind { get; private set; }
    public MemberStatus Status { get; private set; }

    /// <summary>
    /// What is wrong with a member's name, kind and status, by field: a name as the Process writes it, a kind and a status it knows.
    /// Whether the name is already taken is the register's to say.
    /// </summary>
    private static List<FieldError> Check(string? name, MemberKind kind, MemberStatus status)
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

        if (!Enum.IsDefined(status))
        {
            errors.Add(new FieldError(nameof(Status), "Choose member or observer."));
        }

        return errors;
    }

    /// <summary>A new member of the register, or the fields at fault.</summary>
    public static Result<Member> Create(string? name, MemberKind kind, MemberStatus status)
    {
        var errors = Check(name, kind, status);
        return errors.Count > 0 ? Result.Invalid("member.invalid", errors) : new Member(name!, kind, status);
    }

    /// <summary>Renames or reclassifies the member; a Co-Chair government stays a member state until it steps down.</summary>
    public Result Change(string? name, MemberKind kind, MemberStatus status)
    {
        var errors = Check(name, kind, status);
        if (errors.Count == 0 && IsCoChairGovernment && CanCoChair(kind, status) is { Succeeded: false } unfit)
        {
            errors.Add(new FieldError(nameof(Status), $"{unfit.Message} Remove it from the Co-Chair governments first."));
        }

        if (errors.Count > 0)
        {
            return Result.Invalid("member.invalid", errors);
        }

        Name = name!.Trim();
        Kind = kind;
        Status = status;
        return Result.Ok();
    }

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
                ? Result.Fail("co-chair.observer", $"{Name} is an observer; only a member state can be a Co-Chair government of the Process.")
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
}
