using Scorecards.Domain.Rounds;
using Scorecards.Domain.Scorecards;

namespace Scorecards.Domain.Tests.Rounds;

public sealed class RoundStepsTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    private static Round NewRound() =>
        new("19th AHG SOM, 2026", null, new DateOnly(2025, 5, 21), new DateOnly(2026, 5, 20), new DateOnly(2026, 2, 1), new DateOnly(2026, 4, 1));

    private static readonly ScorecardStatus[] Mixed = [ScorecardStatus.Draft, ScorecardStatus.Submitted, ScorecardStatus.ApprovedByOne, ScorecardStatus.Approved];

    [Fact]
    public void Planned_SaysWhenReportingOpens_AndWhoOpensIt()
    {
        var steps = RoundSteps.Describe(NewRound(), [], RoundReader.Member, new DateOnly(2026, 1, 10));

        Assert.Equal(["Reporting is planned to open on 1 February 2026; the secretariat opens it, and each body then gets its scorecard, due 1 April 2026."], steps);
    }

    [Fact]
    public void Planned_PastItsOpeningDay_SaysItIsNotOpenYet()
    {
        var steps = RoundSteps.Describe(NewRound(), [], RoundReader.Secretariat, Today);

        Assert.StartsWith("Reporting was planned to open on 1 February 2026 and is not open yet;", steps[0]);
        Assert.StartsWith("Open the round when", steps[1]);
    }

    [Fact]
    public void Open_NamesTheDeadline_WhoClosesIt_AndWhoPublishes_WithTheCounts()
    {
        var round = NewRound();
        round.Open();

        var steps = RoundSteps.Describe(round, Mixed, RoundReader.CoChair, Today);

        Assert.Equal("Reporting is open until 1 April 2026; the secretariat closes it, then the Co-Chairs approve each scorecard and publish the round.", steps[0]);
        Assert.Equal("Of 4 scorecards, 1 is still owed, 2 await the Co-Chairs and 1 is approved by both.", steps[1]);
        Assert.Equal("You can approve submitted scorecards now. Publishing is offered here once the secretariat closes reporting.", steps[2]);
    }

    [Fact]
    public void Open_PastTheDueDate_SaysItWasDue()
    {
        var round = NewRound();
        round.Open();

        var steps = RoundSteps.Describe(round, [ScorecardStatus.Submitted], RoundReader.Secretariat, new DateOnly(2026, 4, 2));

        Assert.StartsWith("Reporting was due on 1 April 2026 and is still open;", steps[0]);
        Assert.Equal("Every scorecard is in: close reporting to move the round to review.", steps[2]);
    }

    [Fact]
    public void InReview_TellsTheCoChairsWhatPublishingNowLeavesOut()
    {
        var round = NewRound();
        round.Open();
        round.StartReview();

        var partly = RoundSteps.Describe(round, Mixed, RoundReader.CoChair, Today);
        var all = RoundSteps.Describe(round, [ScorecardStatus.Approved, ScorecardStatus.Approved], RoundReader.CoChair, Today);

        Assert.Equal("Publishing now leaves 3 scorecards out of the published round, named as not approved.", partly[2]);
        Assert.StartsWith("Reporting is closed and every scorecard is approved by both Co-Chairs", all[0]);
        Assert.Equal("Publish the round when the meeting is ready to receive it.", all[2]);
    }

    [Fact]
    public void Published_SaysWhenAndThatItIsFrozen()
    {
        var round = NewRound();
        round.Open();
        round.StartReview();
        round.Publish(new DateTime(2026, 5, 20, 3, 0, 0, DateTimeKind.Utc));

        var steps = RoundSteps.Describe(round, Mixed, RoundReader.Reporter, Today);

        Assert.Equal("Published on 20 May 2026: anyone can read its approved scorecards and download its paper without signing in.", steps[0]);
        Assert.Equal(2, steps.Count);
    }

    [Fact]
    public void ReportTo_TakesTheMeetingsNameAndDay_ButNotBeforeThePeriodNorOncePublished()
    {
        var round = NewRound();

        Assert.Equal("round.meeting", round.ReportTo(1, "18th AHG SOM", new DateOnly(2025, 5, 21).AddDays(-1)).Code);
        Assert.True(round.ReportTo(2, "19th Ad Hoc Group Senior Officials' Meeting, Bangkok, 20 May 2026", new DateOnly(2026, 5, 20)).Succeeded);
        Assert.Equal((2, new DateOnly(2026, 5, 20)), (round.MeetingId!.Value, round.MeetingOn!.Value));
        round.Open();
        round.StartReview();
        round.Publish(new DateTime(2026, 5, 20, 3, 0, 0, DateTimeKind.Utc));
        Assert.Equal("round.state", round.ReportTo(3, "Another", new DateOnly(2026, 5, 21)).Code);
        Assert.Equal(2, round.MeetingId);
    }
}
