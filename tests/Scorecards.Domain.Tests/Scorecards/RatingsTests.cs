using Scorecards.Domain.Scorecards;

namespace Scorecards.Domain.Tests.Scorecards;

public sealed class RatingsTests
{
    [Theory]
    [InlineData("Substantial", Completion.Substantial)]
    [InlineData("  not applicable ", Completion.NotApplicable)]
    [InlineData("no-evidence", Completion.NoEvidence)]
    public void Read_TakesLabelsSlugsAndNames_InAnyCase(string text, Completion expected)
    {
        Assert.Equal((expected, (string?)null), Ratings.Read<Completion>(text));
    }

    [Fact]
    public void Read_BlankIsNoRating_AndUnknownWordsListTheLabels()
    {
        Assert.Equal((null, null), Ratings.Read<Trajectory>("  "));
        Assert.Equal((null, "'Sideways' is not a trajectory; use one of: On track, Some delays, Off track."), Ratings.Read<Trajectory>("Sideways"));
    }
}
