using Scorecards.Domain.Scorecards;

namespace Scorecards.Domain.Scoring;

public sealed record GapObjective(int ObjectiveId, IReadOnlyList<int> AssignedBodyIds);

public sealed record GapScorecard(int ScorecardId, int BodyId, ScorecardStatus Status);

/// <summary>An activity still marked planned, with the last day it could take place.</summary>
public sealed record PlannedActivity(int ActivityId, DateOnly LastDay);

/// <summary>What is missing from a round's picture of the Strategy.</summary>
public sealed record GapReport(
    IReadOnlyList<int> UnassignedObjectives,
    IReadOnlyList<int> ObjectivesWithoutEntry,
    IReadOnlyList<ScoredEntry> RatedWithoutNarrative,
    IReadOnlyList<GapScorecard> NotSubmitted,
    IReadOnlyList<int> ObjectivesWithoutActivity,
    IReadOnlyList<int> OverduePlannedActivities)
{
    public int Count => UnassignedObjectives.Count + ObjectivesWithoutEntry.Count + RatedWithoutNarrative.Count + NotSubmitted.Count
        + ObjectivesWithoutActivity.Count + OverduePlannedActivities.Count;
}

public static class Gaps
{
    /// <summary>
    /// Objectives no body reports on; assigned objectives that no body has rated this round; entries rated
    /// (with a level, or No evidence available) that carry no progress narrative; and scorecards not yet
    /// submitted. Not applicable entries explain themselves with their reason, so they are not gaps.
    /// Objectives that bodies report on but that no activity of the period serves are listed too, and activities still
    /// marked planned whose dates have passed by <paramref name="asOf"/>: either they happened and the register says
    /// otherwise, or they did not and the round should say so.
    /// </summary>
    public static GapReport Find(IReadOnlyList<GapObjective> objectives, IReadOnlyList<ScoredEntry> entries, IReadOnlyList<GapScorecard> scorecards,
        IReadOnlySet<int>? objectivesWithActivity = null, IReadOnlyList<PlannedActivity>? planned = null, DateOnly? asOf = null)
    {
        var rated = entries.Where(e => e.Completion is not null).Select(e => e.ObjectiveId).ToHashSet();
        return new GapReport(
            objectives.Where(o => o.AssignedBodyIds.Count == 0).Select(o => o.ObjectiveId).ToList(),
            objectives.Where(o => o.AssignedBodyIds.Count > 0 && !rated.Contains(o.ObjectiveId)).Select(o => o.ObjectiveId).ToList(),
            entries.Where(e => e.Completion is { } c && c != Completion.NotApplicable && !e.HasNarrative).ToList(),
            scorecards.Where(s => Scorecard.IsOwed(s.Status)).ToList(),
            objectivesWithActivity is null
                ? []
                : objectives.Where(o => o.AssignedBodyIds.Count > 0 && !objectivesWithActivity.Contains(o.ObjectiveId)).Select(o => o.ObjectiveId).ToList(),
            planned is null || asOf is not { } day ? [] : planned.Where(p => p.LastDay < day).Select(p => p.ActivityId).ToList());
    }
}
