using Scorecards.Domain.Rounds;
using Scorecards.Domain.Scorecards;

namespace Scorecards.Domain.Tests.Scorecards;

public sealed class ScorecardWorkflowTests
{
    private static readonly DateTime Now = new(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc);
    private const int Indonesia = 13;
    private const int Australia = 2;
    private static readonly int[] Governments = [Indonesia, Australia];

    private static readonly IReadOnlyDictionary<int, string> Codes = new Dictionary<int, string> { [1] = "LE-1", [2] = "SE-1" };

    private static Scorecard NewScorecard(params int[] objectives)
    {
        var scorecard = new Scorecard(roundId: 1, bodyId: 1);
        scorecard.EnsureEntries(objectives.Length == 0 ? [1, 2] : objectives);
        return scorecard;
    }

    private static EntryValues Rated(Completion completion = Completion.Limited, string? progress = "Held the annual meeting in Hanoi.") =>
        new(completion, null, Trajectory.OnTrack, null, progress, null, null, null, [], []);

    private static Scorecard Filled()
    {
        var scorecard = NewScorecard();
        foreach (var entry in scorecard.Entries)
        {
            Assert.True(entry.Apply(Rated(), "reporter", Now).Succeeded);
        }

        return scorecard;
    }

    private static Scorecard Submitted()
    {
        var scorecard = Filled();
        Assert.True(scorecard.Submit(RoundStatus.Open, Codes, null, "r", "Reporter", Now).Succeeded);
        return scorecard;
    }

    [Fact]
    public void Submit_WhenEntriesMissing_RefusesWithEveryMissingItem()
    {
        var scorecard = NewScorecard();
        scorecard.Entries[0].Apply(new EntryValues(Completion.Limited, null, null, null, null, null, null, null, [], []), "r", Now);

        var result = scorecard.Submit(RoundStatus.Open, Codes, null, "r", "Reporter", Now);

        Assert.False(result.Succeeded);
        Assert.Equal("scorecard.incomplete", result.Code);
        Assert.Equal(["LE-1: trajectory is not rated", "LE-1: the progress narrative is empty", "SE-1: completion is not rated"], result.Details);
        Assert.Equal(ScorecardStatus.NotStarted, scorecard.Status);
    }

    [Fact]
    public void Submit_WhenComplete_MovesToSubmittedAndRecordsIt()
    {
        var scorecard = Filled();

        var result = scorecard.Submit(RoundStatus.Open, Codes, null, "r", "Reporter", Now);

        Assert.True(result.Succeeded);
        Assert.Equal(ScorecardStatus.Submitted, scorecard.Status);
        Assert.Equal(Now, scorecard.SubmittedUtc);
        Assert.Equal(ReviewAction.Submitted, Assert.Single(scorecard.ReviewEvents).Action);
    }

    [Fact]
    public void Submit_WhenRoundNotOpen_SaysWhy()
    {
        var scorecard = Filled();

        var result = scorecard.Submit(RoundStatus.InReview, Codes, null, "r", "Reporter", Now);

        Assert.Equal("round.closed", result.Code);
        Assert.Contains("in review", result.Message);
    }

    [Fact]
    public void Submit_NotApplicableWithReason_CountsAsComplete()
    {
        var scorecard = NewScorecard(1);
        scorecard.Entries[0].Apply(new EntryValues(Completion.NotApplicable, "No activity planned this period.", null, null, null, null, null, null, [], []), "r", Now);

        Assert.True(scorecard.Submit(RoundStatus.Open, Codes, null, "r", "Reporter", Now).Succeeded);
    }

    [Fact]
    public void Submit_NoEvidence_NeedsNoTrajectory()
    {
        var scorecard = NewScorecard(1);
        scorecard.Entries[0].Apply(new EntryValues(Completion.NoEvidence, null, null, null, "Nothing reported.", null, null, null, [], []), "r", Now);

        Assert.True(scorecard.Submit(RoundStatus.Open, Codes, null, "r", "Reporter", Now).Succeeded);
    }

    [Fact]
    public void Submit_IgnoresEntriesForObjectivesNoLongerAssigned()
    {
        var scorecard = NewScorecard(1, 3);
        scorecard.Entries[0].Apply(Rated(), "r", Now);

        Assert.True(scorecard.Submit(RoundStatus.Open, Codes, null, "r", "Reporter", Now).Succeeded);
    }

    [Fact]
    public void Return_WithoutReason_IsRefusedAndStaysSubmitted()
    {
        var scorecard = Submitted();

        var result = scorecard.Return(RoundStatus.Open, "  ", "c", "Co-Chair", Now);

        Assert.Equal("review.reason-required", result.Code);
        Assert.Equal(ScorecardStatus.Submitted, scorecard.Status);
    }

    [Fact]
    public void Return_WithReason_GivesItBackAndKeepsTheReason()
    {
        var scorecard = Submitted();

        Assert.True(scorecard.Return(RoundStatus.Open, "Add the Hanoi meeting.", "c", "Co-Chair", Now).Succeeded);

        Assert.Equal(ScorecardStatus.Returned, scorecard.Status);
        Assert.Equal("Add the Hanoi meeting.", scorecard.ReopenReason);
        Assert.True(scorecard.CanEdit(RoundStatus.Open).Succeeded);
        scorecard.Touch();
        Assert.Equal(ScorecardStatus.Draft, scorecard.Status);
        Assert.Equal("Add the Hanoi meeting.", scorecard.ReopenReason);
    }

    [Fact]
    public void Approve_ByBothCoChairs_LocksTheScorecard()
    {
        var scorecard = Submitted();

        Assert.True(scorecard.Approve(RoundStatus.Open, Indonesia, Governments, "i", "Indonesia reviewer", Now).Succeeded);
        Assert.Equal(ScorecardStatus.ApprovedByOne, scorecard.Status);
        Assert.True(scorecard.Approve(RoundStatus.Open, Australia, Governments, "a", "Australia reviewer", Now).Succeeded);

        Assert.Equal(ScorecardStatus.Approved, scorecard.Status);
        Assert.Equal("scorecard.approved", scorecard.CanEdit(RoundStatus.Open).Code);
    }

    [Fact]
    public void Approve_TwiceBySameCoChair_IsRefused()
    {
        var scorecard = Submitted();
        scorecard.Approve(RoundStatus.Open, Indonesia, Governments, "i1", "Indonesia reviewer", Now);

        var result = scorecard.Approve(RoundStatus.Open, Indonesia, Governments, "i2", "Another Indonesia reviewer", Now);

        Assert.Equal("approval.already", result.Code);
        Assert.Equal(ScorecardStatus.ApprovedByOne, scorecard.Status);
    }

    [Fact]
    public void Approve_WithoutCoChairGovernment_IsRefused()
    {
        var result = Submitted().Approve(RoundStatus.Open, null, Governments, "x", "Unlinked", Now);

        Assert.Equal(Scorecard.NotCoChair, result.Code);
    }

    [Fact]
    public void Approve_ByReviewerOfAnotherGovernment_DoesNotCount()
    {
        const int vietNam = 44;
        var scorecard = Submitted();
        scorecard.Approve(RoundStatus.Open, Indonesia, Governments, "i", "Indonesia reviewer", Now);

        var result = scorecard.Approve(RoundStatus.Open, vietNam, Governments, "v", "Viet Nam account", Now);

        Assert.Equal(Scorecard.NotCoChair, result.Code);
        Assert.Equal(ScorecardStatus.ApprovedByOne, scorecard.Status);
        Assert.Equal([Australia], scorecard.AwaitedGovernments(Governments));
        Assert.Single(scorecard.Approvals);
    }

    [Fact]
    public void Approve_RecordsWhoApprovedForWhichGovernment()
    {
        var scorecard = Submitted();

        scorecard.Approve(RoundStatus.Open, Australia, Governments, "a", "Jane Reviewer", Now);

        var approval = Assert.Single(scorecard.Approvals);
        Assert.Equal((Australia, "Jane Reviewer", Now), (approval.MemberId, approval.UserName, approval.ApprovedUtc));
        Assert.Equal([Indonesia], scorecard.AwaitedGovernments(Governments));
    }

    [Fact]
    public void Approve_WithThreeCoChairGovernments_NeedsAllThree()
    {
        const int thailand = 40;
        var scorecard = Submitted();
        int[] three = [Indonesia, Australia, thailand];

        scorecard.Approve(RoundStatus.Open, Indonesia, three, "i", "I", Now);
        scorecard.Approve(RoundStatus.Open, Australia, three, "a", "A", Now);
        Assert.Equal(ScorecardStatus.ApprovedByOne, scorecard.Status);
        scorecard.Approve(RoundStatus.Open, thailand, three, "t", "T", Now);

        Assert.Equal(ScorecardStatus.Approved, scorecard.Status);
    }

    [Fact]
    public void CompleteApproval_WhenRemainingGovernmentsHaveApproved_Approves()
    {
        var scorecard = Submitted();
        scorecard.Approve(RoundStatus.Open, Indonesia, Governments, "i", "I", Now);

        Assert.False(scorecard.CompleteApproval(Governments, "Secretariat", Now));
        Assert.True(scorecard.CompleteApproval([Indonesia], "Secretariat", Now));

        Assert.Equal(ScorecardStatus.Approved, scorecard.Status);
        Assert.Contains("Co-Chair governments changed", scorecard.ReviewEvents[^1].Reason);
    }

    [Fact]
    public void Approve_Draft_IsRefused()
    {
        Assert.Equal("scorecard.state", Filled().Approve(RoundStatus.Open, Indonesia, Governments, "i", "I", Now).Code);
    }

    [Fact]
    public void Unapprove_WithReason_ReopensAndClearsApprovals()
    {
        var scorecard = Submitted();
        scorecard.Approve(RoundStatus.Open, Indonesia, Governments, "i", "I", Now);
        scorecard.Approve(RoundStatus.Open, Australia, Governments, "a", "A", Now);

        Assert.Equal("review.reason-required", scorecard.Unapprove(RoundStatus.Open, null, "a", "A", Now).Code);
        Assert.True(scorecard.Unapprove(RoundStatus.Open, "The RSO figures need correcting.", "a", "A", Now).Succeeded);

        Assert.Equal(ScorecardStatus.Draft, scorecard.Status);
        Assert.Empty(scorecard.Approvals);
        Assert.True(scorecard.CanEdit(RoundStatus.Open).Succeeded);
        Assert.Equal(ReviewAction.Unapproved, scorecard.ReviewEvents[^1].Action);
    }

    [Fact]
    public void Review_WhenRoundPublished_IsRefused()
    {
        var scorecard = Submitted();

        Assert.Equal("round.closed", scorecard.Approve(RoundStatus.Published, Indonesia, Governments, "i", "I", Now).Code);
        Assert.Equal("round.closed", scorecard.Return(RoundStatus.Archived, "late", "i", "I", Now).Code);
    }

    [Theory]
    [InlineData(RoundStatus.Planned, "not opened yet")]
    [InlineData(RoundStatus.InReview, "in review")]
    [InlineData(RoundStatus.Published, "published")]
    public void CanEdit_WhenRoundNotOpen_SaysWhy(RoundStatus status, string expected)
    {
        var result = NewScorecard().CanEdit(status);

        Assert.False(result.Succeeded);
        Assert.Contains(expected, result.Message);
    }

    [Fact]
    public void CanEdit_WhenSubmitted_SaysItIsWithTheCoChairs()
    {
        Assert.Contains("with the Co-Chairs", Submitted().CanEdit(RoundStatus.Open).Message);
    }

    private static Scorecard CarriedOver()
    {
        var previous = new Entry(1);
        previous.Apply(Rated(Completion.Substantial, "Last round's text."), "r", Now.AddYears(-1));
        var scorecard = new Scorecard(roundId: 2, bodyId: 1);
        scorecard.EnsureEntries([1, 2]);
        scorecard.CarryOver(scorecard.Entries[0], previous, "18th AHG SOM, 2025");
        var other = new Entry(2);
        other.Apply(Rated(Completion.Limited, "Other text."), "r", Now.AddYears(-1));
        scorecard.CarryOver(scorecard.Entries[1], other, "18th AHG SOM, 2025");
        return scorecard;
    }

    [Fact]
    public void CarryOver_MakesADraftWhoseEntriesAreNotRatedThisRound()
    {
        var scorecard = CarriedOver();

        Assert.Equal(ScorecardStatus.Draft, scorecard.Status);
        Assert.All(scorecard.Entries, e => Assert.False(e.IsRatedThisRound));
        Assert.Equal(
            [new ChecklistItem(1, "LE-1", "carried over from 18th AHG SOM, 2025; not yet reviewed", true),
             new ChecklistItem(2, "SE-1", "carried over from 18th AHG SOM, 2025; not yet reviewed", true)],
            scorecard.Checklist(Codes));
    }

    [Fact]
    public void Submit_WithUnreviewedCarryOver_IsRefusedAndNamesEachEntry()
    {
        var scorecard = CarriedOver();

        var result = scorecard.Submit(RoundStatus.Open, Codes, null, "r", "Reporter", Now);

        Assert.Equal("scorecard.carried-over", result.Code);
        Assert.Equal(["LE-1: carried over from 18th AHG SOM, 2025; not yet reviewed", "SE-1: carried over from 18th AHG SOM, 2025; not yet reviewed"], result.Details);
        Assert.Equal(ScorecardStatus.Draft, scorecard.Status);
    }

    [Fact]
    public void ConfirmCarriedOver_OneEntry_KeepsItsTextAndCountsItAsRated()
    {
        var scorecard = CarriedOver();

        Assert.True(scorecard.ConfirmCarriedOver(RoundStatus.Open, [1], "reporter@example.org", Now).Succeeded);

        var confirmed = scorecard.Entries[0];
        Assert.Equal((false, true, "Last round's text.", 2), (confirmed.IsCarriedOver, confirmed.CarryOverConfirmed, confirmed.Progress, confirmed.Version));
        Assert.True(confirmed.IsRatedThisRound);
        Assert.True(scorecard.Entries[1].IsCarriedOver);
        Assert.Equal("scorecard.carried-over", scorecard.Submit(RoundStatus.Open, Codes, null, "r", "Reporter", Now).Code);
    }

    [Fact]
    public void ConfirmCarriedOver_All_LetsTheScorecardBeSubmitted()
    {
        var scorecard = CarriedOver();

        Assert.True(scorecard.ConfirmCarriedOver(RoundStatus.Open, [1, 2], "r", Now).Succeeded);

        Assert.Equal("entry.not-carried-over", scorecard.ConfirmCarriedOver(RoundStatus.Open, [1, 2], "r", Now).Code);
        Assert.True(scorecard.Submit(RoundStatus.Open, Codes, null, "r", "Reporter", Now).Succeeded);
    }

    [Fact]
    public void ConfirmCarriedOver_WhenSubmitted_IsRefused()
    {
        var scorecard = CarriedOver();
        scorecard.ConfirmCarriedOver(RoundStatus.Open, [1], "r", Now);
        scorecard.Entries[1].Apply(Rated(), "r", Now);
        scorecard.Submit(RoundStatus.Open, Codes, null, "r", "Reporter", Now);

        Assert.Equal("scorecard.submitted", scorecard.ConfirmCarriedOver(RoundStatus.Open, [1, 2], "r", Now).Code);
    }

    [Fact]
    public void Edit_OfConfirmedEntry_ClearsTheConfirmation()
    {
        var scorecard = CarriedOver();
        scorecard.ConfirmCarriedOver(RoundStatus.Open, [1], "r", Now);

        scorecard.Entries[0].Apply(Rated(Completion.Complete), "r", Now);

        Assert.False(scorecard.Entries[0].CarryOverConfirmed);
    }

    [Fact]
    public void Resubmit_AfterReturn_NeedsAReplyThatIsRecorded()
    {
        var scorecard = Submitted();
        scorecard.Return(RoundStatus.Open, "Add the Hanoi meeting.", "c", "Co-Chair", Now);

        Assert.Equal("scorecard.reply-required", scorecard.Submit(RoundStatus.Open, Codes, "  ", "r", "Reporter", Now).Code);
        Assert.Equal("scorecard.reply-too-long", scorecard.Submit(RoundStatus.Open, Codes, new string('x', Scorecard.MaxReasonLength + 1), "r", "Reporter", Now).Code);
        Assert.Equal(ScorecardStatus.Returned, scorecard.Status);

        Assert.True(scorecard.Submit(RoundStatus.Open, Codes, " Added under LE-1. ", "r", "Reporter", Now).Succeeded);

        Assert.Equal((ReviewAction.Submitted, "Added under LE-1."), (scorecard.ReviewEvents[^1].Action, scorecard.ReviewEvents[^1].Reason));
        Assert.Null(scorecard.ReopenReason);
    }

    [Fact]
    public void Submit_FirstTime_NeedsNoReply()
    {
        Assert.True(Filled().Submit(RoundStatus.Open, Codes, null, "r", "Reporter", Now).Succeeded);
    }

    [Fact]
    public void EnsureEntries_AddsOnlyMissingObjectives()
    {
        var scorecard = NewScorecard(1);

        var added = scorecard.EnsureEntries([1, 2, 2]);

        Assert.Equal(2, Assert.Single(added).ObjectiveId);
        Assert.Equal([1, 2], scorecard.Entries.Select(e => e.ObjectiveId));
    }
}
