using Scorecards.Domain.Scorecards;

namespace Scorecards.Domain.Members;

/// <summary>What a proposal of the membership review would change.</summary>
public enum ProposalKind
{
    /// <summary>Give a member a seat on a body.</summary>
    JoinBody,

    /// <summary>End a member's seat on a body.</summary>
    LeaveBody,

    /// <summary>Make a member an observer, a member again, or withdrawn.</summary>
    ChangeStatus,
}

public enum ProposalStatus
{
    Proposed,
    Tabled,
    Agreed,
    Deferred,
    Declined,
    Applied,
    Withdrawn,
}

/// <summary>A step on a proposal: what it becomes, and what that step needs.</summary>
public sealed record ProposalStep(ProposalStatus? Status, int? MeetingId = null, int? DecisionId = null, DateOnly? EffectiveDate = null, string? Note = null);

/// <summary>
/// A proposal of the membership review: a change to who belongs or who sits where, with its rationale, tabled at a meeting,
/// decided there (agreed, deferred or declined, with the decision), and once agreed applied to the register on the day it takes
/// effect. Every step is kept on its timeline.
/// </summary>
public sealed class MembershipProposal
{
    public const int MaxRationale = 4000;

    private readonly List<ProposalEvent> _events = [];

    private MembershipProposal()
    {
        Rationale = "";
    }

    public int Id { get; private set; }
    public ProposalKind Kind { get; private set; }
    public int MemberId { get; private set; }

    /// <summary>The body, for a seat joined or left.</summary>
    public int? BodyId { get; private set; }

    /// <summary>The status proposed, for a change of status.</summary>
    public MemberStatus? NewStatus { get; private set; }
    public string Rationale { get; private set; }
    public ProposalStatus Status { get; private set; }

    /// <summary>The meeting it was last tabled at.</summary>
    public int? MeetingId { get; private set; }

    /// <summary>The decision that agreed, deferred or declined it.</summary>
    public int? DecisionId { get; private set; }

    /// <summary>The day the agreed change took effect on the register.</summary>
    public DateOnly? EffectiveDate { get; private set; }
    public DateTime ProposedUtc { get; private set; }

    /// <summary>Counts the steps taken, so that two people taking a step at once cannot both succeed.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<ProposalEvent> Events => [.. _events.OrderBy(e => e.Utc).ThenBy(e => e.Id == 0 ? int.MaxValue : e.Id)];

    public bool IsOpen => Status is ProposalStatus.Proposed or ProposalStatus.Tabled or ProposalStatus.Agreed or ProposalStatus.Deferred;

    public static string Label(ProposalKind kind) => kind switch
    {
        ProposalKind.JoinBody => "Join a body",
        ProposalKind.LeaveBody => "Leave a body",
        _ => "Change of status",
    };

    /// <summary>A new proposal, or the fields at fault: a body for a seat, a status for a change of status, and a rationale.</summary>
    public static Result<MembershipProposal> Propose(ProposalKind? kind, int memberId, int? bodyId, MemberStatus? newStatus, string? rationale, string by, DateTime nowUtc)
    {
        var errors = new List<FieldError>();
        if (kind is not { } known || !Enum.IsDefined(known))
        {
            errors.Add(new FieldError(nameof(Kind), "Choose what the proposal would change: join a body, leave a body, or a change of status."));
        }
        else if (kind is ProposalKind.JoinBody or ProposalKind.LeaveBody && bodyId is null)
        {
            errors.Add(new FieldError(nameof(BodyId), "Choose the body."));
        }
        else if (kind == ProposalKind.ChangeStatus && (newStatus is not { } status || !Enum.IsDefined(status)))
        {
            errors.Add(new FieldError(nameof(NewStatus), "Choose the status proposed: member, observer or withdrawn."));
        }

        if (string.IsNullOrWhiteSpace(rationale))
        {
            errors.Add(new FieldError(nameof(Rationale), "Give the rationale the meeting will read."));
        }
        else if (rationale.Trim().Length > MaxRationale)
        {
            errors.Add(new FieldError(nameof(Rationale), $"The rationale is {rationale.Trim().Length} characters long; at most {MaxRationale} are allowed."));
        }

        if (errors.Count > 0)
        {
            return Result.Invalid("proposal.invalid", errors);
        }

        var proposal = new MembershipProposal
        {
            Kind = kind!.Value,
            MemberId = memberId,
            BodyId = kind == ProposalKind.ChangeStatus ? null : bodyId,
            NewStatus = kind == ProposalKind.ChangeStatus ? newStatus : null,
            Rationale = rationale!.Trim(),
            Status = ProposalStatus.Proposed,
            ProposedUtc = nowUtc,
        };
        proposal._events.Add(new ProposalEvent(ProposalStatus.Proposed, by, nowUtc, null));
        return proposal;
    }

    /// <summary>The steps open from a status: tabled, then decided, then (once agreed) applied; withdrawn while undecided.</summary>
    public static IReadOnlyList<ProposalStatus> Next(ProposalStatus status) => status switch
    {
        ProposalStatus.Proposed => [ProposalStatus.Tabled, ProposalStatus.Withdrawn],
        ProposalStatus.Tabled => [ProposalStatus.Agreed, ProposalStatus.Deferred, ProposalStatus.Declined, ProposalStatus.Withdrawn],
        ProposalStatus.Deferred => [ProposalStatus.Tabled, ProposalStatus.Withdrawn],
        ProposalStatus.Agreed => [ProposalStatus.Applied],
        _ => [],
    };

    public static string Label(ProposalStatus status) => status.ToString();

    /// <summary>
    /// Takes a step: tabling names the meeting; agreeing or declining names the decision (deferring may); applying names the
    /// day it takes effect, and the register's change is made by the caller in the same save; withdrawing needs a reason.
    /// </summary>
    public Result Move(ProposalStep step, string by, DateTime nowUtc)
    {
        if (step.Status is not { } to || !Enum.IsDefined(to))
        {
            return Result.Invalid("proposal.invalid", [new FieldError("Status", "Choose the step to take.")]);
        }

        if (!Next(Status).Contains(to))
        {
            return Result.Fail("proposal.step", Next(Status).Count == 0
                ? $"This proposal is {Label(Status).ToLowerInvariant()}; it takes no further steps."
                : $"It is {Label(Status).ToLowerInvariant()}; from there it can be {string.Join(" or ", Next(Status).Select(s => Label(s).ToLowerInvariant()))}.");
        }

        var errors = new List<FieldError>();
        if (to == ProposalStatus.Tabled && step.MeetingId is null)
        {
            errors.Add(new FieldError("MeetingId", "Choose the meeting it is tabled at."));
        }

        if (to is ProposalStatus.Agreed or ProposalStatus.Declined && step.DecisionId is null)
        {
            errors.Add(new FieldError("DecisionId", $"Choose the decision by which the meeting {Label(to).ToLowerInvariant()} it."));
        }

        if (to == ProposalStatus.Applied && step.EffectiveDate is null)
        {
            errors.Add(new FieldError(nameof(EffectiveDate), "Give the day the change takes effect (YYYY-MM-DD)."));
        }

        if (to == ProposalStatus.Withdrawn && string.IsNullOrWhiteSpace(step.Note))
        {
            errors.Add(new FieldError("Note", "Say why the proposal is withdrawn."));
        }

        if (step.Note?.Length > MaxRationale)
        {
            errors.Add(new FieldError("Note", $"The note is {step.Note.Length} characters long; at most {MaxRationale} are allowed."));
        }

        if (errors.Count > 0)
        {
            return Result.Invalid("proposal.invalid", errors);
        }

        switch (to)
        {
            case ProposalStatus.Tabled:
                MeetingId = step.MeetingId;
                DecisionId = null;
                break;
            case ProposalStatus.Agreed or ProposalStatus.Deferred or ProposalStatus.Declined:
                DecisionId = step.DecisionId;
                break;
            case ProposalStatus.Applied:
                EffectiveDate = step.EffectiveDate;
                break;
        }

        Status = to;
        Version++;
        _events.Add(new ProposalEvent(to, by, nowUtc, string.IsNullOrWhiteSpace(step.Note) ? null : step.Note.Trim()));
        return Result.Ok();
    }
}

/// <summary>One step on a proposal's timeline.</summary>
public sealed class ProposalEvent
{
    private ProposalEvent()
    {
        By = "";
    }

    public ProposalEvent(ProposalStatus status, string by, DateTime utc, string? note)
    {
        Status = status;
        By = by;
        Utc = utc;
        Note = note;
    }

    public int Id { get; private set; }
    public int ProposalId { get; private set; }
    public ProposalStatus Status { get; private set; }
    public string By { get; private set; }
    public DateTime Utc { get; private set; }
    public string? Note { get; private set; }
}
