using System.Globalization;
using Scorecards.Domain.Scorecards;

namespace Scorecards.Domain.Rounds;

/// <summary>Who is reading the round page, for what it says they can do next.</summary>
public enum RoundReader
{
    Secretariat,
    CoChair,
    Reporter,
    Member,
}

/// <summary>Where a round stands and what must happen next, said to each reader: who acts, and by when.</summary>
public static class RoundSteps
{
    /// <summary>Two sentences or three: where the round stands, who acts next, and, where it differs, what this reader can do.</summary>
    public static IReadOnlyList<string> Describe(Round round, IReadOnlyCollection<ScorecardStatus> scorecards, RoundReader reader, DateOnly today)
    {
        var total = scorecards.Count;
        var owed = scorecards.Count(Scorecard.IsOwed);
        var approved = scorecards.Count(s => s == ScorecardStatus.Approved);
        var waiting = scorecards.Count(s => s is ScorecardStatus.Submitted or ScorecardStatus.ApprovedByOne);
        var lines = new List<string>();
        switch (round.Status)
        {
            case RoundStatus.Planned:
                lines.Add(round.OpensOn > today
                    ? $"Reporting is planned to open on {Day(round.OpensOn)}; the secretariat opens it, and each body then gets its scorecard, due {Day(round.DueOn)}."
                    : $"Reporting was planned to open on {Day(round.OpensOn)} and is not open yet; the secretariat opens it, and each body then gets its scorecard, due {Day(round.DueOn)}.");
                lines.Add(reader switch
                {
                    RoundReader.Secretariat => "Open the round when the framework and the accounts are ready: every body gets its scorecard at that moment.",
                    RoundReader.Reporter => "Your body's scorecard appears on your home page once the round opens.",
                    _ => "",
                });
                break;
            case RoundStatus.Open:
                lines.Add(today <= round.DueOn
                    ? $"Reporting is open until {Day(round.DueOn)}; the secretariat closes it, then the Co-Chairs approve each scorecard and publish the round."
                    : $"Reporting was due on {Day(round.DueOn)} and is still open; the secretariat closes it, then the Co-Chairs approve each scorecard and publish the round.");
                lines.Add(Progress(total, owed, waiting, approved));
                lines.Add(reader switch
                {
                    RoundReader.Secretariat => owed > 0
                        ? "Close reporting once the owed scorecards are in, or when the meeting's timetable needs it; a body can be given more time by reopening."
                        : "Every scorecard is in: close reporting to move the round to review.",
                    RoundReader.CoChair => "You can approve submitted scorecards now. Publishing is offered here once the secretariat closes reporting.",
                    RoundReader.Reporter => "Submit your body's scorecard by the due date; the Co-Chairs review it after that.",
                    _ => "",
                });
                break;
            case RoundStatus.InReview:
                lines.Add(approved == total
                    ? "Reporting is closed and every scorecard is approved by both Co-Chairs; the Co-Chairs publish the round."
                    : "Reporting is closed; the Co-Chairs approve the scorecards, then publish the round. Papers hold only the scorecards both Co-Chairs approved.");
                lines.Add(Progress(total, owed, waiting, approved));
                lines.Add(reader switch
                {
                    RoundReader.Secretariat => "If a body needs more time, reopen reporting; the Co-Chairs cannot publish while it is open.",
                    RoundReader.CoChair => approved == total
                        ? "Publish the round when the meeting is ready to receive it."
                        : $"Publishing now leaves {Count(total - approved, "scorecard")} out of the published round, named as not approved.",
                    RoundReader.Reporter => "A scorecard the Co-Chairs return comes back to your home page with their reason.",
                    _ => "",
                });
                break;
            case RoundStatus.Published:
                lines.Add($"Published on {Day(DateOnly.FromDateTime(round.PublishedUtc ?? DateTime.UnixEpoch))}: anyone can read its approved scorecards and download its paper without signing in.");
                lines.Add("The round is frozen; a correction is made in the next round.");
                break;
            case RoundStatus.Archived:
                lines.Add("Archived: the round is kept as it was published and changes no more.");
                break;
        }

        return lines.Where(l => l.Length > 0).ToList();
    }

    private static string Progress(int total, int owed, int waiting, int approved) => total == 0
        ? "No body has a scorecard in this round: no objectives are assigned."
        : $"Of {Count(total, "scorecard")}, {owed} {(owed == 1 ? "is" : "are")} still owed, {waiting} {(waiting == 1 ? "awaits" : "await")} the Co-Chairs and {approved} {(approved == 1 ? "is" : "are")} approved by both.";

    private static string Count(int n, string what) => n == 1 ? $"1 {what}" : $"{n} {what}s";

    private static string Day(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
