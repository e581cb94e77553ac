namespace Scorecards.Domain.Notices;

/// <summary>What a notice is about. Each person chooses, per kind, how it reaches them (<see cref="Delivery"/>).</summary>
public enum NoticeKind
{
    /// <summary>Reporting opened: a body's scorecard for a round is waiting, with its due date.</summary>
    RoundOpened,

    /// <summary>A scorecard falls due in a few days.</summary>
    DueSoon,

    /// <summary>A scorecard falls due today.</summary>
    DueToday,

    /// <summary>A scorecard is past its due date and not submitted.</summary>
    Overdue,

    /// <summary>To the secretariat: a scorecard has been overdue for a set number of days.</summary>
    OverdueEscalation,

    /// <summary>A scorecard was returned to its body, or its approval withdrawn, with the reason.</summary>
    Returned,

    /// <summary>One Co-Chair government approved a scorecard.</summary>
    ApprovedByOne,

    /// <summary>Both Co-Chair governments approved a scorecard.</summary>
    ApprovedByBoth,

    /// <summary>To a Co-Chair government's reviewers: a submitted scorecard awaits their government's review.</summary>
    AwaitingReview,

    /// <summary>A round was published.</summary>
    RoundPublished,

    /// <summary>To the owner body: a decision's due date or due meeting approaches.</summary>
    DecisionDue,

    /// <summary>To the RSO's reporters and the member's focal points: an expression of interest in a secondment arrives or moves on.</summary>
    SecondmentStep,
}

/// <summary>How notices of a kind reach a person: each by e-mail when it happens, in one e-mail a day, or only in the app.</summary>
public enum Delivery
{
    Immediately,
    DailyDigest,
    Off,
}

public static class NoticeKinds
{
    public static readonly IReadOnlyList<NoticeKind> All = Enum.GetValues<NoticeKind>();

    public static string Label(NoticeKind kind) => kind switch
    {
        NoticeKind.RoundOpened => "Reporting opens",
        NoticeKind.DueSoon => "A scorecard is due soon",
        NoticeKind.DueToday => "A scorecard is due today",
        NoticeKind.Overdue => "A scorecard is overdue",
        NoticeKind.OverdueEscalation => "Scorecards long overdue (secretariat)",
        NoticeKind.Returned => "A scorecard is returned or its approval withdrawn",
        NoticeKind.ApprovedByOne => "One Co-Chair government approves a scorecard",
        NoticeKind.ApprovedByBoth => "Both Co-Chair governments approve a scorecard",
        NoticeKind.AwaitingReview => "A scorecard awaits my government's review",
        NoticeKind.RoundPublished => "A round is published",
        NoticeKind.DecisionDue => "A decision my body owns falls due",
        NoticeKind.SecondmentStep => "An expression of interest in an RSO secondment arrives or moves on",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string Label(Delivery delivery) => delivery switch
    {
        Delivery.Immediately => "E-mail each one",
        Delivery.DailyDigest => "One e-mail a day",
        Delivery.Off => "No e-mail (in the app only)",
        _ => throw new ArgumentOutOfRangeException(nameof(delivery), delivery, null),
    };

    /// <summary>How a kind reaches a person who has not chosen: reviews in a daily digest, everything else at once.</summary>
    public static Delivery Default(NoticeKind kind) => kind == NoticeKind.AwaitingReview ? Delivery.DailyDigest : Delivery.Immediately;

    /// <summary>
    /// The reminders of a body's own deadline. A reporter may take them in the daily digest but cannot switch their
    /// e-mail off, and nobody can do it for them: a missed deadline costs the whole Process its paper.
    /// </summary>
    public static bool IsDeadline(NoticeKind kind) => kind is NoticeKind.RoundOpened or NoticeKind.DueSoon or NoticeKind.DueToday or NoticeKind.Overdue;

    /// <summary>How <paramref name="kind"/> reaches a person who <paramref name="chose"/> (or not): their choice where it is allowed, else the default.</summary>
    public static Delivery Effective(NoticeKind kind, Delivery? chose) =>
        chose is { } choice && Allows(kind, choice) ? choice : Default(kind);

    /// <summary>Whether <paramref name="delivery"/> may be chosen for <paramref name="kind"/>.</summary>
    public static bool Allows(NoticeKind kind, Delivery delivery) => !(delivery == Delivery.Off && IsDeadline(kind));
}
