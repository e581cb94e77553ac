namespace Scorecards.Domain.Notices;

/// <summary>
/// When an e-mail that could not be sent is tried again: after 1, 5, 15 and 60 minutes, then 4 hours; after the sixth
/// failed try it is marked failed for an administrator to look at and send again. A mail server that is down for
/// a morning is ridden out; one that refuses a message for good stops being asked within about six hours.
/// </summary>
public static class Retries
{
    public const int MaxAttempts = 6;

    private static readonly TimeSpan[] Waits =
    [
        TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(60), TimeSpan.FromHours(4),
    ];

    /// <summary>After try number <paramref name="attempts"/> (1 for the first) failed: when to try again, or null to give up.</summary>
    public static DateTime? NextAttempt(int attempts, DateTime failedUtc) =>
        attempts < 1 ? throw new ArgumentOutOfRangeException(nameof(attempts), attempts, "Tries are counted from 1.")
        : attempts >= MaxAttempts ? null
        : failedUtc + Waits[Math.Min(attempts, Waits.Length) - 1];
}
