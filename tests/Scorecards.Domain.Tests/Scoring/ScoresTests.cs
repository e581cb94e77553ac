using Scorecards.Domain.Scorecards;
using Scorecards.Domain.Scoring;
using C = Scorecards.Domain.Scorecards.Completion;

namespace Scorecards.Domain.Tests.Scoring;

public sealed class ScoresTests
{
    private static ScoredEntry E(C? now, C? before = null, int body = 1, int objective = 1, bool narrative = true) =>
        new(body, objective, 1, now, before, narrative);

    [Fact]
    public void Distribute_CountsEveryLevel_AndTheHighCompletionShareLeavesOutNotApplicableAndNoEvidence()
    {
        var d = Scores.Distribute([E(C.Complete), E(C.Substantial), E(C.Limited), E(C.NotStarted), E(C.NoEvidence), E(C.NotApplicable), E(null)]);

        Assert.Equal(1, d[C.Complete]);
        Assert.Equal(1, d[C.NoEvidence]);
        Assert.Equal(1, d[C.NotApplicable]);
        Assert.Equal(1, d.Unrated);
        Assert.Equal(4, d.Counted);
        Assert.Equal(2, d.HighCompletion);
        Assert.Equal(0.5m, d.HighCompletionShare);
        Assert.Equal(7, d.Total);
    }

    [Fact]
    public void Distribute_EmptyRound_HasNoShare()
    {
        var d = Scores.Distribute([]);

        Assert.Equal(0, d.Total);
        Assert.Null(d.HighCompletionShare);
        Assert.All(Enum.GetValues<C>(), level => Assert.Equal(0, d[level]));
    }

    [Fact]
    public void Distribute_AllNotApplicable_HasNoShare()
    {
        var d = Scores.Distribute([E(C.NotApplicable), E(C.NotApplicable)]);

        Assert.Equal(2, d[C.NotApplicable]);
        Assert.Equal(0, d.Counted);
        Assert.Null(d.HighCompletionShare);
    }

    [Theory]
    [InlineData(C.Substantial, C.Limited, Trend.Improved)]
    [InlineData(C.Limited, C.Substantial, Trend.Declined)]
    [InlineData(C.Limited, C.Limited, Trend.Unchanged)]
    [InlineData(C.Limited, null, Trend.New)]
    [InlineData(C.Limited, C.NoEvidence, Trend.New)]
    [InlineData(C.Limited, C.NotApplicable, Trend.New)]
    [InlineData(C.NotApplicable, C.Limited, Trend.None)]
    [InlineData(C.NoEvidence, C.Complete, Trend.None)]
    [InlineData(null, C.Complete, Trend.None)]
    public void TrendOf_OneEntry(C? now, C? before, Trend expected)
    {
        Assert.Equal(expected, Scores.TrendOf(now, before));
    }

    [Fact]
    public void TrendOf_Scope_ComparesHowManyRoseWithHowManyFell()
    {
        var result = Scores.TrendOf([E(C.Complete, C.Substantial), E(C.Limited, C.Substantial, body: 2), E(C.Substantial, C.Limited, body: 3), E(C.Limited, null, body: 4)]);

        Assert.Equal(Trend.Improved, result.Trend);
        Assert.Equal((2, 1, 0, 1), (result.Rose, result.Fell, result.Same, result.New));
    }

    [Fact]
    public void TrendOf_Scope_AsManyRoseAsFell_IsUnchanged()
    {
        Assert.Equal(Trend.Unchanged, Scores.TrendOf([E(C.Complete, C.Substantial), E(C.Limited, C.Substantial, body: 2)]).Trend);
    }

    [Fact]
    public void TrendOf_BodyAddedMidWay_CountsAsNewWithoutMovingTheTrend()
    {
        var result = Scores.TrendOf([E(C.Substantial, C.Substantial), E(C.Complete, null, body: 7)]);

        Assert.Equal(Trend.Unchanged, result.Trend);
        Assert.Equal(1, result.New);
    }

    [Fact]
    public void TrendOf_OnlyNewEntries_IsNew_AndNothingRated_IsNone()
    {
        Assert.Equal(Trend.New, Scores.TrendOf([E(C.Limited), E(C.Complete, body: 2)]).Trend);
        Assert.Equal(Trend.None, Scores.TrendOf([E(C.NotApplicable, C.Limited), E(null)]).Trend);
        Assert.Equal(Trend.None, Scores.TrendOf([]).Trend);
    }

    [Fact]
    public void Gaps_FindsUnassignedUnratedNarrativeLessAndUnsubmitted()
    {
        var objectives = new[] { new GapObjective(1, [1]), new GapObjective(2, []), new GapObjective(3, [1, 2]), new GapObjective(4, [2]) };
        var entries = new[]
        {
            E(C.Limited, objective: 1),
            E(C.Complete, objective: 4, body: 2, narrative: false),
            E(C.NotApplicable, objective: 3, narrative: false),
            E(null, objective: 3, body: 2),
        };
        var scorecards = new[] { new GapScorecard(10, 1, ScorecardStatus.Approved), new GapScorecard(11, 2, ScorecardStatus.Returned) };

        var gaps = Gaps.Find(objectives, entries, scorecards);

        Assert.Equal([2], gaps.UnassignedObjectives);
        Assert.Empty(gaps.ObjectivesWithoutEntry);
        Assert.Equal(4, Assert.Single(gaps.RatedWithoutNarrative).ObjectiveId);
        Assert.Equal(11, Assert.Single(gaps.NotSubmitted).ScorecardId);
    }

    [Fact]
    public void Gaps_ListAssignedObjectivesThatNoActivityServes()
    {
        var gaps = Gaps.Find([new GapObjective(1, [1]), new GapObjective(2, [1]), new GapObjective(3, [])], [], [], new HashSet<int> { 1 });

        Assert.Equal([2], gaps.ObjectivesWithoutActivity);
    }

    [Fact]
    public void Gaps_ObjectiveRetiredOrUnrated_ShowsAsWithoutEntry()
    {
        var gaps = Gaps.Find([new GapObjective(5, [1])], [E(null, objective: 5)], []);

        Assert.Equal([5], gaps.ObjectivesWithoutEntry);
        Assert.Equal(1, gaps.Count);
    }
}
