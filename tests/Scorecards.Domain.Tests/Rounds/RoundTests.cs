using Scorecards.Domain.Rounds;

namespace Scorecards.Domain.Tests.Rounds;

public sealed class RoundTests
{
    private static Round NewRound() =>
        new("19th AHG SOM, 2026", null, new DateOnly(2025, 5, 1), new DateOnly(2026, 4, 30), new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 15));

    [Fact]
    public void Round_MovesThroughItsStatesInOrder()
    {
        var round = NewRound();

        Assert.True(round.Open().Succeeded);
        Assert.True(round.StartReview().Succeeded);
        Assert.True(round.Publish(new DateTime(2026, 5, 21, 0, 0, 0, DateTimeKind.Utc)).Succeeded);
        Assert.True(round.Archive().Succeeded);
        Assert.Equal(RoundStatus.Archived, round.Status);
    }

    [Fact]
    public void Publish_WhileOpen_IsRefusedWithTheState()
    {
        var round = NewRound();
        round.Open();

        var result = round.Publish(DateTime.UtcNow);

        Assert.Equal("round.state", result.Code);
        Assert.Equal("A round can be published only when it is in review; this one is open.", result.Message);
        Assert.Null(round.PublishedUtc);
    }

    [Fact]
    public void ValidateDates_DueBeforeOpening_IsRefused()
    {
        Assert.Equal("round.due", Round.ValidateDates(new(2025, 1, 1), new(2025, 12, 31), new(2026, 2, 1), new(2026, 1, 1)).Code);
        Assert.Equal("round.period", Round.ValidateDates(new(2025, 12, 31), new(2025, 1, 1), new(2026, 1, 1), new(2026, 2, 1)).Code);
    }

    [Fact]
    public void DaysUntilDue_IsNegativeWhenOverdue()
    {
        var round = NewRound();

        Assert.Equal(14, round.DaysUntilDue(new DateOnly(2026, 4, 1)));
        Assert.Equal(-3, round.DaysUntilDue(new DateOnly(2026, 4, 18)));
    }
}
