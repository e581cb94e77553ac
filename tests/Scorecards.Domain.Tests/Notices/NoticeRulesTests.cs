using Scorecards.Domain.Notices;

namespace Scorecards.Domain.Tests.Notices;

public sealed class NoticeRulesTests
{
    private static readonly DateTime Failed = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 5)]
    [InlineData(3, 15)]
    [InlineData(4, 60)]
    [InlineData(5, 240)]
    public void AFailedTryIsFollowedByTheNextAfterAGrowingWait(int attempts, int minutes) =>
        Assert.Equal(Failed.AddMinutes(minutes), Retries.NextAttempt(attempts, Failed));

    [Fact]
    public void AfterTheLastTry_NothingMoreIsTried()
    {
        Assert.Null(Retries.NextAttempt(Retries.MaxAttempts, Failed));
        Assert.Throws<ArgumentOutOfRangeException>(() => Retries.NextAttempt(0, Failed));
    }

    [Fact]
    public void ABodysOwnDeadlinesCannotBeSwitchedOff_ButCanComeInTheDigest()
    {
        foreach (var kind in new[] { NoticeKind.RoundOpened, NoticeKind.DueSoon, NoticeKind.DueToday, NoticeKind.Overdue })
        {
            Assert.False(NoticeKinds.Allows(kind, Delivery.Off));
            Assert.True(NoticeKinds.Allows(kind, Delivery.DailyDigest));
        }

        Assert.True(NoticeKinds.Allows(NoticeKind.OverdueEscalation, Delivery.Off));
        Assert.True(NoticeKinds.Allows(NoticeKind.RoundPublished, Delivery.Off));
    }

    [Fact]
    public void ReviewsComeInTheDailyDigestUnlessChosenOtherwise_AndEverythingElseAtOnce()
    {
        Assert.Equal(Delivery.DailyDigest, NoticeKinds.Default(NoticeKind.AwaitingReview));
        Assert.All(NoticeKinds.All.Where(k => k != NoticeKind.AwaitingReview), k => Assert.Equal(Delivery.Immediately, NoticeKinds.Default(k)));
        Assert.All(NoticeKinds.All, k => Assert.False(string.IsNullOrWhiteSpace(NoticeKinds.Label(k))));
    }

    [Fact]
    public void APersonsChoiceHoldsWhereItIsAllowed_AndTheDefaultServesOtherwise()
    {
        Assert.Equal(Delivery.Off, NoticeKinds.Effective(NoticeKind.RoundPublished, Delivery.Off));
        Assert.Equal(Delivery.DailyDigest, NoticeKinds.Effective(NoticeKind.DueSoon, Delivery.DailyDigest));
        Assert.Equal(Delivery.Immediately, NoticeKinds.Effective(NoticeKind.DueSoon, Delivery.Off)); // a stored "off" for a deadline is not obeyed
        Assert.Equal(Delivery.DailyDigest, NoticeKinds.Effective(NoticeKind.AwaitingReview, null));
    }
}
