using Scorecards.Domain.Notices;

namespace Scorecards.Data.Notices;

/// <summary>
/// A message to one person about something that concerns them, shown in the app and, as they choose, e-mailed.
/// Written in the same transaction as the change that causes it, so a change is never saved without its notices.
/// </summary>
public sealed class Notice
{
    public const int MaxSubjectLength = 300;
    public const int MaxTextLength = 4000;
    public const int MaxLinkLength = 500;
    public const int MaxKeyLength = 200;

    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public NoticeKind Kind { get; set; }
    public string Subject { get; set; } = "";

    /// <summary>The message in plain text; paragraphs are separated by a blank line.</summary>
    public string Text { get; set; } = "";

    /// <summary>Where to act, as a path in the app (such as <c>/scorecards/12</c>).</summary>
    public string? Link { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? ReadUtc { get; set; }

    /// <summary>
    /// What makes a scheduled notice unique (such as the reminder of one stage of one scorecard to one person), so that
    /// however often, and on however many servers, the schedule is worked out, it is written once. Null for notices
    /// of a change, which are written once by the change itself.
    /// </summary>
    public string? Key { get; set; }

    /// <summary>For a notice in a daily digest: when the digest that carried it was written; null until then.</summary>
    public DateTime? DigestedUtc { get; set; }
    public Delivery Delivery { get; set; }
}

/// <summary>How one person takes one kind of notice, where they chose otherwise than <see cref="NoticeKinds.Default"/>.</summary>
public sealed class NoticePreference
{
    public string UserId { get; set; } = "";
    public NoticeKind Kind { get; set; }
    public Delivery Delivery { get; set; }
}

public enum OutboxStatus
{
    Pending,
    Sent,
    Failed,
}

/// <summary>
/// An e-mail waiting to be sent, written in the same transaction as what caused it and sent by a background worker.
/// A worker takes a message by writing its lease on it; a worker that dies leaves a lease that runs out, so the
/// message is neither lost nor taken by two workers at once.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }

    /// <summary>The Message-ID header, fixed when the message is written, so a resend is recognisably the same message.</summary>
    public string MessageId { get; set; } = "";
    public string? UserId { get; set; }
    public string To { get; set; } = "";
    public string ToName { get; set; } = "";
    public string Subject { get; set; } = "";
    public string TextBody { get; set; } = "";
    public string HtmlBody { get; set; } = "";

    /// <summary>The signed one-click address that stops this kind of message for its recipient, if it can be stopped.</summary>
    public string? UnsubscribeUrl { get; set; }

    /// <summary>What the message is for: a notice kind, a digest, an invitation or a password reset.</summary>
    public string Purpose { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
    public OutboxStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptUtc { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTime? LeaseUntilUtc { get; set; }
    public DateTime? SentUtc { get; set; }
    public string? LastError { get; set; }
}
