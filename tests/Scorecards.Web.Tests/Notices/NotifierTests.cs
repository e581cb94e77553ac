using Scorecards.Web.Features.Notices;

namespace Scorecards.Web.Tests.Notices;

public sealed class NotifierTests
{
    private static readonly (DateOnly, string) DueInBangkok = (new DateOnly(2026, 4, 1), "Asia/Bangkok");

    [Fact]
    public void APersonInAnotherZone_IsToldWhenTheRoundsDeadlineEndsForThem()
    {
        Assert.Equal("\n\nIn your time zone (Australia/Sydney), the due date ends at 04:00 on Thursday 2 April 2026.",
            Notifier.InTheirZone(DueInBangkok, "Australia/Sydney"));
        Assert.Equal("\n\nIn your time zone (Europe/London), the due date ends at 18:00 on Wednesday 1 April 2026.",
            Notifier.InTheirZone(DueInBangkok, "Europe/London"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Asia/Bangkok")]
    [InlineData("Mars/Olympus")]
    public void APersonInTheRoundsZone_OrWithoutOne_IsToldNothingMore(string? zone) =>
        Assert.Equal("", Notifier.InTheirZone(DueInBangkok, zone));
}
