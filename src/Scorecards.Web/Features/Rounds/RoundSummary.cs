using Scorecards.Domain.Rounds;
using Scorecards.Domain.Scorecards;
using Scorecards.Domain.Scoring;

namespace Scorecards.Web.Features.Rounds;

/// <summary>Counts per completion level, in the one display order, with the high-completion share.</summary>
public sealed record DistributionDto(IReadOnlyList<LevelCount> Levels, int Unrated, int Counted, int HighCompletion, decimal? HighCompletionShare)
{
    public static DistributionDto From(Distribution d) => new(
        Ratings.CompletionDisplayOrder.Select(c => new LevelCount(c, c.Label(), d[c])).ToList(),
        d.Unrated, d.Counted, d.HighCompletion, d.HighCompletionShare is { } s ? Math.Round(s, 4) : null);

    public int Total => Levels.Sum(l => l.Count) + Unrated;
}

public sealed record LevelCount(Completion Level, string Label, int Count);

public sealed record TrendDto(Trend Trend, string Label, int Rose, int Fell, int Same, int New)
{
    public static TrendDto From(TrendResult t) => new(t.Trend, t.Trend.Label(), t.Rose, t.Fell, t.Same, t.New);
}

public sealed record SummaryBody(int Id, string Code, string Name, int? ScorecardId, ScorecardStatus? Status, bool Included);

public sealed record SummaryEntry(string BodyCode, int ScorecardId, string ObjectiveCode, Completion? Completion, string? CompletionLabel,
    Trajectory? Trajectory, Completion? Previous, Trend Trend, bool HasNarrative, string? Progress, IReadOnlyList<Scorecards.CitedActivity> Activities);

/// <summary>An objective of the round; <see cref="NotYetApproved"/> counts the bodies whose entries on it the reader cannot read yet.</summary>
public sealed record SummaryObjective(string Code, string Title, bool IsRetired, IReadOnlyList<string> AssignedBodies,
    DistributionDto Distribution, TrendDto Trend, IReadOnlyList<SummaryEntry> Entries, int NotYetApproved = 0);

public sealed record SummaryCell(string BodyCode, IReadOnlyList<SummaryEntry> Entries);

public sealed record SummaryArea(string Code, string Name, DistributionDto Distribution, TrendDto Trend,
    IReadOnlyList<SummaryCell> Cells, IReadOnlyList<SummaryObjective> Objectives);

public sealed record GapEntry(string BodyCode, int ScorecardId, string ObjectiveCode);

public sealed record GapBody(string BodyCode, int ScorecardId, ScorecardStatus Status, string StatusLabel);

/// <summary>An activity still marked planned although its dates have passed.</summary>
public sealed record GapActivity(int Id, string Title, string BodyCode, string Dates);

public sealed record SummaryGaps(IReadOnlyList<string> UnassignedObjectives, IReadOnlyList<string> ObjectivesWithoutEntry,
    IReadOnlyList<GapEntry> RatedWithoutNarrative, IReadOnlyList<GapBody> NotSubmitted, IReadOnlyList<string> ObjectivesWithoutActivity,
    IReadOnlyList<GapActivity> OverduePlannedActivities, IReadOnlyList<string> ObjectivesNotYetApproved);

/// <summary>The Co-Chairs' assessment: overall when the focus area is null.</summary>
public sealed record AssessmentDto(string? FocusAreaCode, string? FocusAreaName, string Text, string UpdatedBy, DateTime UpdatedUtc);

public sealed record SummaryFilter(string? Body, string? Area, Completion? Level)
{
    public static readonly SummaryFilter None = new(null, null, null);

    public bool IsEmpty => Body is null && Area is null && Level is null;
}

/// <summary>
/// The consolidated scorecard of one round: the focus area × body matrix, the distribution and trend of
/// the whole Strategy, of each focus area and of each objective, and the gaps. Pages, API and public view
/// all render this one record, so they show the same numbers.
/// </summary>
public sealed record RoundSummary(int RoundId, string Round, RoundStatus Status, string StatusLabel, int? PreviousRoundId, string? PreviousRound,
    SummaryFilter Filter, IReadOnlyList<SummaryBody> Bodies, DistributionDto Distribution, TrendDto Trend,
    IReadOnlyList<SummaryArea> FocusAreas, SummaryGaps Gaps, int ScorecardsIncluded, int Scorecards, IReadOnlyList<AssessmentDto> Assessments)
{
    public AssessmentDto? OverallAssessment => Assessments.FirstOrDefault(a => a.FocusAreaCode is null);

    public AssessmentDto? AssessmentOf(string areaCode) => Assessments.FirstOrDefault(a => a.FocusAreaCode == areaCode);
}
