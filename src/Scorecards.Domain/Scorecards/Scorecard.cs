using Scorecards.Domain.Rounds;

namespace Scorecards.Domain.Scorecards;

public enum ScorecardStatus
{
    NotStarted,
    Draft,
    Submitted,
    Returned,
    ApprovedByOne,
    Approved,
}

public enum ReviewAction
{
    Submitted,
    Returned,
    Approved,
    Unapproved,
}

/// <summary>
/// One item of the submit checklist: an objective and what its entry lacks. <see cref="CarriedOver"/> marks an
/// entry copied from the last round that nobody has reviewed yet: it needs an edit or a confirmation, not more input.
/// </summary>
public sealed record ChecklistItem(int ObjectiveId, string ObjectiveCode, string Missing, bool CarriedOver = false);

/// <summary>One body's report for one round, with an entry per objective assigned to the body.</summary>
public sealed class Scorecard
{
    public const int MaxReasonLength = 2000;

    private readonly List<Entry> _entries = [];
    private readonly List<Approval> _approvals = [];
    private readonly List<ReviewEvent> _reviewEvents = [];

    private Scorecard()
    {
    }

    public Scorecard(int roundId, int bodyId)
    {
        RoundId = roundId;
        BodyId = bodyId;
    }

    public int Id { get; private set; }
    public int RoundId { get; private set; }
    public int BodyId { get; private set; }
    public ScorecardStatus Status { get; private set; } = ScorecardStatus.NotStarted;
    public DateTime? SubmittedUtc { get; private set; }

    /// <summary>Why it was last returned or reopened, shown to the reporters until they submit again.</summary>
    public string? ReopenReason { get; private set; }

    /// <summary>The round whose approved entries this scorecard started from, if any.</summary>
    public string? CarriedOverFrom { get; private set; }

    /// <summary>Counts state changes, so that two reviewers acting at once cannot both land.</summary>
    public int Version { get; private set; } = 1;
    public IReadOnlyList<Entry> Entries => _entries;
    public IReadOnlyList<Approval> Approvals => _approvals;
    public IReadOnlyList<ReviewEvent> ReviewEvents => _reviewEvents;

    public static string Label(ScorecardStatus status) => status switch
    {
        ScorecardStatus.NotStarted => "Not started",
        ScorecardStatus.Draft => "Draft",
        ScorecardStatus.Submitted => "Submitted",
        ScorecardStatus.Returned => "Returned",
        ScorecardStatus.ApprovedByOne => "Approved by one Co-Chair",
        ScorecardStatus.Approved => "Approved",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>Adds an entry for each assigned objective that has none, so a body assigned mid-round can report.</summary>
    public IReadOnlyList<Entry> EnsureEntries(IEnumerable<int> objectiveIds)
    {
        var added = new List<Entry>();
        foreach (var objectiveId in objectiveIds)
        {
            if (_entries.TrueForAll(e => e.ObjectiveId != objectiveId))
            {
                var entry = new Entry(objectiveId);
                _entries.Add(entry);
                added.Add(entry);
            }
        }

        return added;
    }

    /// <summary>Whether reporters may change entries now; when not, the message says why, for the read-only form.</summary>
    public Result CanEdit(RoundStatus roundStatus)
    {
        if (roundStatus != RoundStatus.Open)
        {
            return Result.Fail("round.closed", roundStatus switch
            {
                RoundStatus.Planned => "This round has not opened yet, so its scorecards cannot be edited.",
                RoundStatus.InReview => "This round is in review: reporting has closed, so entries cannot be edited.",
                _ => "This round is closed and published, so its scorecards cannot be edited.",
            });
        }

        return Status switch
        {
            ScorecardStatus.Submitted => Result.Fail("scorecard.submitted", "This scorecard has been submitted and is with the Co-Chairs for review. It can be edited again if they return it."),
            ScorecardStatus.ApprovedByOne => Result.Fail("scorecard.approved", "One Co-Chair has approved this scorecard; it is locked while the other reviews it."),
            ScorecardStatus.Approved => Result.Fail("scorecard.approved", "Both Co-Chairs have approved this scorecard, so it is locked. A Co-Chair can reopen it with a reason."),
            _ => Result.Ok(),
        };
    }

    /// <summary>
    /// Starts an entry from the body's approved entry of an earlier round. The scorecard then holds rated
    /// entries, so it is a draft rather than "not started", though none of them counts as rated this round yet.
    /// </summary>
    public void CarryOver(Entry entry, Entry previous, string fromRound)
    {
        entry.CarryOverFrom(previous);
        CarriedOverFrom = fromRound;
        if (Status == ScorecardStatus.NotStarted)
        {
            Status = ScorecardStatus.Draft;
        }
    }

    /// <summary>
    /// A reporter confirms carried-over entries as still accurate: each becomes this round's entry unchanged.
    /// With no objective given, every carried-over entry among <paramref name="objectiveIds"/> is confirmed.
    /// </summary>
    public Result ConfirmCarriedOver(RoundStatus roundStatus, IReadOnlyCollection<int> objectiveIds, string by, DateTime nowUtc)
    {
        var editable = CanEdit(roundStatus);
        if (!editable.Succeeded)
        {
            return editable;
        }

        var entries = _entries.Where(e => objectiveIds.Contains(e.ObjectiveId) && e.IsCarriedOver).ToList();
        if (entries.Count == 0)
        {
            return Result.Fail("entry.not-carried-over", "There is no carried-over entry left to confirm: each has been edited or confirmed this round.");
        }

        foreach (var entry in entries)
        {
            entry.ConfirmCarriedOver(by, nowUtc);
        }

        Touch();
        return Result.Ok();
    }

    /// <summary>Records that a reporter saved an entry: a scorecard not started becomes a draft, a returned one goes back to draft.</summary>
    public void Touch()
    {
        if (Status is ScorecardStatus.NotStarted or ScorecardStatus.Returned)
        {
            Status = ScorecardStatus.Draft;
        }
    }

    public IReadOnlyList<ChecklistItem> Checklist(IReadOnlyDictionary<int, string> objectiveCodes) =>
        _entries
            .Where(e => objectiveCodes.ContainsKey(e.ObjectiveId))
            .OrderBy(e => objectiveCodes[e.ObjectiveId], StringComparer.Ordinal)
            .SelectMany(e => e.IsCarriedOver
                ? [new ChecklistItem(e.ObjectiveId, objectiveCodes[e.ObjectiveId], CarriedOverText, CarriedOver: true)]
                : e.Missing().Select(m => new ChecklistItem(e.ObjectiveId, objectiveCodes[e.ObjectiveId], m)))
            .ToList();

    private string CarriedOverText => CarriedOverFrom is null ? "carried over; not yet reviewed" : $"carried over from {CarriedOverFrom}; not yet reviewed";

    /// <summary>Whether the body must answer a return or reopening when it submits again.</summary>
    public bool NeedsReply => ReopenReason is not null;

    /// <summary>
    /// The states in which a scorecard is still owed by its body (not started, in draft, or returned to it): these
    /// are shown overdue after the due date, reminded of it, and listed as not yet submitted.
    /// </summary>
    public static readonly IReadOnlyList<ScorecardStatus> Owed = [ScorecardStatus.NotStarted, ScorecardStatus.Draft, ScorecardStatus.Returned];

    public static bool IsOwed(ScorecardStatus status) => Owed.Contains(status);

    // objectiveCodes: the objectives the body reports on now; entries for others are not required.
    // reply: the body's answer to the Co-Chairs' reason, required when the scorecard was returned or reopened.
    public Result Submit(RoundStatus roundStatus, IReadOnlyDictionary<int, string> objectiveCodes, string? reply, string userId, string userName, DateTime nowUtc)
    {
        var editable = CanEdit(roundStatus);
        if (!editable.Succeeded)
        {
            return editable;
        }

        if (_entries.Count == 0 || !objectiveCodes.Keys.Any(id => _entries.Exists(e => e.ObjectiveId == id)))
        {
            return Result.Fail("scorecard.empty", "This scorecard has no objectives to report on; ask the secretariat to assign objectives to the body.");
        }

        var missing = Checklist(objectiveCodes);
        var details = missing.Select(m => $"{m.ObjectiveCode}: {m.Missing}").ToList();
        var carried = missing.Count(m => m.CarriedOver);
        if (carried > 0)
        {
            return Result.Fail("scorecard.carried-over",
                carried == 1
                    ? "1 carried-over entry has not been reviewed this round: edit it, or confirm it is still accurate."
                    : $"{carried} carried-over entries have not been reviewed this round: edit each one, or confirm it is still accurate.", details);
        }

        if (missing.Count > 0)
        {
            return Result.Fail("scorecard.incomplete", missing.Count == 1 ? "1 required item is missing." : $"{missing.Count} required items are missing.", details);
        }

        if (NeedsReply)
        {
            if (string.IsNullOrWhiteSpace(reply))
            {
                return Result.Fail("scorecard.reply-required",
                    "Reply to the Co-Chairs' reason for returning the scorecard, saying what you changed; they will read it beside their reason.");
            }

            if (reply.Length > MaxReasonLength)
            {
                return Result.Fail("scorecard.reply-too-long", $"The reply is {reply.Length} characters long; at most {MaxReasonLength} are allowed.");
            }
        }

        Status = ScorecardStatus.Submitted;
        SubmittedUtc = nowUtc;
        ReopenReason = null;
        Record(ReviewAction.Submitted, userId, userName, string.IsNullOrWhiteSpace(reply) ? null : reply.Trim(), nowUtc);
        return Result.Ok();
    }

    public Result Return(RoundStatus roundStatus, string? reason, string userId, string userName, DateTime nowUtc)
    {
        var reviewable = CanReview(roundStatus);
        if (!reviewable.Succeeded)
        {
            return reviewable;
        }

        if (Status is not (ScorecardStatus.Submitted or ScorecardStatus.ApprovedByOne))
        {
            return Result.Fail("scorecard.state", $"Only a submitted scorecard can be returned; this one is {Label(Status).ToLowerInvariant()}.");
        }

        var checkedReason = CheckReason(reason, "return");
        if (!checkedReason.Succeeded)
        {
            return checkedReason;
        }

        Status = ScorecardStatus.Returned;
        ReopenReason = reason!.Trim();
        _approvals.Clear();
        Record(ReviewAction.Returned, userId, userName, ReopenReason, nowUtc);
        return Result.Ok();
    }

    /// <summary>
    /// A Co-Chair reviewer approves for the government they act for (<paramref name="reviewerMemberId"/>). Only
    /// the Process's current Co-Chair governments count, each once; the scorecard is approved when all have.
    /// </summary>
    public Result Approve(RoundStatus roundStatus, int? reviewerMemberId, IReadOnlyCollection<int> coChairGovernments,
        string userId, string userName, DateTime nowUtc)
    {
        var reviewable = CanReview(roundStatus);
        if (!reviewable.Succeeded)
        {
            return reviewable;
        }

        if (Status is not (ScorecardStatus.Submitted or ScorecardStatus.ApprovedByOne))
        {
            return Result.Fail("scorecard.state", $"Only a submitted scorecard can be approved; this one is {Label(Status).ToLowerInvariant()}.");
        }

        if (reviewerMemberId is not { } government || !coChairGovernments.Contains(government))
        {
            return Result.Fail(NotCoChair,
                "Your account does not act for one of the Process's Co-Chair governments, so your approval would not count. "
                + "Ask the secretariat to check the member on your account.");
        }

        if (_approvals.Exists(a => a.MemberId == government))
        {
            return Result.Fail("approval.already", "Your government has already approved this scorecard; it awaits the other Co-Chair government.");
        }

        _approvals.Add(new Approval(government, userId, userName, nowUtc));
        Status = AwaitedGovernments(coChairGovernments).Count == 0 ? ScorecardStatus.Approved : ScorecardStatus.ApprovedByOne;
        Record(ReviewAction.Approved, userId, userName, null, nowUtc);
        return Result.Ok();
    }

    /// <summary>The stable code of an approval from someone who does not act for a Co-Chair government.</summary>
    public const string NotCoChair = "approval.not-co-chair";

    /// <summary>The Co-Chair governments whose approval this scorecard still needs.</summary>
    public IReadOnlyList<int> AwaitedGovernments(IReadOnlyCollection<int> coChairGovernments) =>
        coChairGovernments.Where(g => !_approvals.Exists(a => a.MemberId == g)).ToList();

    /// <summary>
    /// After the Process's Co-Chair governments change, a partly approved scorecard that every current
    /// Co-Chair government has now approved is approved; one still awaiting a government stays as it is.
    /// </summary>
    public bool CompleteApproval(IReadOnlyCollection<int> coChairGovernments, string userName, DateTime nowUtc)
    {
        if (Status != ScorecardStatus.ApprovedByOne || coChairGovernments.Count == 0 || AwaitedGovernments(coChairGovernments).Count > 0)
        {
            return false;
        }

        Status = ScorecardStatus.Approved;
        Record(ReviewAction.Approved, "", userName, "The Co-Chair governments changed, and every current Co-Chair government had approved.", nowUtc);
        return true;
    }

    /// <summary>Withdraws approval and gives the scorecard back to the body, with the reason why.</summary>
    public Result Unapprove(RoundStatus roundStatus, string? reason, string userId, string userName, DateTime nowUtc)
    {
        var reviewable = CanReview(roundStatus);
        if (!reviewable.Succeeded)
        {
            return reviewable;
        }

        if (Status is not (ScorecardStatus.ApprovedByOne or ScorecardStatus.Approved))
        {
            return Result.Fail("scorecard.state", $"Only an approved scorecard can be unapproved; this one is {Label(Status).ToLowerInvariant()}.");
        }

        var checkedReason = CheckReason(reason, "unapprove");
        if (!checkedReason.Succeeded)
        {
            return checkedReason;
        }

        Status = ScorecardStatus.Draft;
        ReopenReason = reason!.Trim();
        _approvals.Clear();
        Record(ReviewAction.Unapproved, userId, userName, ReopenReason, nowUtc);
        return Result.Ok();
    }

    private static Result CanReview(RoundStatus roundStatus) =>
        roundStatus is RoundStatus.Open or RoundStatus.InReview
            ? Result.Ok()
            : Result.Fail("round.closed", $"This round is {Round.Label(roundStatus).ToLowerInvariant()}, so its scorecards cannot be reviewed.");

    private static Result CheckReason(string? reason, string action)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return Result.Fail("review.reason-required", $"Give a reason to {action} the scorecard; the reporters will see it.");
        }

        return reason.Length > MaxReasonLength
            ? Result.Fail("review.reason-too-long", $"The reason is {reason.Length} characters long; at most {MaxReasonLength} are allowed.")
            : Result.Ok();
    }

    private void Record(ReviewAction action, string userId, string userName, string? reason, DateTime nowUtc)
    {
        _reviewEvents.Add(new ReviewEvent(action, userId, userName, reason, nowUtc));
        Version++;
    }
}

/// <summary>One Co-Chair's approval of a scorecard.</summary>
public sealed class Approval
{
    private Approval()
    {
        UserId = "";
        UserName = "";
    }

    public Approval(int memberId, string userId, string userName, DateTime approvedUtc)
    {
        MemberId = memberId;
        UserId = userId;
        UserName = userName;
        ApprovedUtc = approvedUtc;
    }

    public int Id { get; private set; }
    public int ScorecardId { get; private set; }

    /// <summary>The Co-Chair government that approved.</summary>
    public int MemberId { get; private set; }
    public string UserId { get; private set; }

    /// <summary>Who approved for it, as their name read at the time.</summary>
    public string UserName { get; private set; }
    public DateTime ApprovedUtc { get; private set; }
}

/// <summary>The review history of a scorecard: who submitted, returned, approved or reopened it, and why.</summary>
public sealed class ReviewEvent
{
    private ReviewEvent()
    {
        UserId = "";
        UserName = "";
    }

    public ReviewEvent(ReviewAction action, string userId, string userName, string? reason, DateTime utc)
    {
        Action = action;
        UserId = userId;
        UserName = userName;
        Reason = reason;
        Utc = utc;
    }

    public int Id { get; private set; }
    public int ScorecardId { get; private set; }
    public ReviewAction Action { get; private set; }
    public string UserId { get; private set; }
    public string UserName { get; private set; }
    public string? Reason { get; private set; }
    public DateTime Utc { get; private set; }
}
