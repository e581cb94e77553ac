using Scorecards.Domain.Activities;
using Scorecards.Domain.Scorecards;

namespace Scorecards.Domain.Tests.Activities;

public sealed class ActivityDatesTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Theory]
    [InlineData(DatePrecision.Day, 2025, 5, 21, 2025, 5, 21, "21 May 2025", "on 21 May 2025")]
    [InlineData(DatePrecision.Days, 2024, 7, 16, 2024, 7, 18, "16–18 July 2024", "from 16–18 July 2024")]
    [InlineData(DatePrecision.Days, 2025, 5, 27, 2025, 6, 2, "27 May – 2 June 2025", "from 27 May to 2 June 2025")]
    [InlineData(DatePrecision.Days, 2024, 12, 30, 2025, 1, 2, "30 December 2024 – 2 January 2025", "from 30 December 2024 to 2 January 2025")]
    [InlineData(DatePrecision.Month, 2024, 11, 1, 2024, 11, 30, "November 2024", "in November 2024")]
    [InlineData(DatePrecision.Quarter, 2025, 10, 1, 2025, 12, 31, "Q4 2025", "in Q4 2025")]
    [InlineData(DatePrecision.Year, 2025, 1, 1, 2025, 12, 31, "2025", "in 2025")]
    public void Dates_ReadAsPreciselyAsTheyAreKnown(DatePrecision precision, int y1, int m1, int d1, int y2, int m2, int d2, string shown, string phrase)
    {
        Assert.Equal(shown, ActivityDates.Describe(precision, D(y1, m1, d1), D(y2, m2, d2)));
        Assert.Equal(phrase, ActivityDates.Phrase(precision, D(y1, m1, d1), D(y2, m2, d2)));
    }

    [Fact]
    public void Undated_SaysSo_AndAStatementGivesItNoDate()
    {
        Assert.Equal("date not recorded", ActivityDates.Describe(DatePrecision.Undated, D(2024, 12, 1), D(2025, 5, 21)));
        Assert.Null(ActivityDates.Phrase(DatePrecision.Undated, D(2024, 12, 1), D(2025, 5, 21)));
        Assert.Null(ActivityDates.MonthOf(DatePrecision.Undated, D(2024, 12, 1)));
    }

    [Theory]
    [InlineData(DatePrecision.Month, 2024, 11, 17, 2024, 11, 1, 2024, 11, 30)]
    [InlineData(DatePrecision.Quarter, 2025, 11, 5, 2025, 10, 1, 2025, 12, 31)]
    [InlineData(DatePrecision.Quarter, 2024, 2, 29, 2024, 1, 1, 2024, 3, 31)]
    [InlineData(DatePrecision.Year, 2025, 6, 30, 2025, 1, 1, 2025, 12, 31)]
    [InlineData(DatePrecision.Day, 2025, 5, 21, 2025, 5, 21, 2025, 5, 21)]
    public void Bounds_OfAMonthQuarterOrYear_AreItsFirstAndLastDay(DatePrecision precision, int y, int m, int d, int y1, int m1, int d1, int y2, int m2, int d2) =>
        Assert.Equal((D(y1, m1, d1), D(y2, m2, d2)), ActivityDates.Bounds(precision, D(y, m, d), null));

    [Theory]
    [InlineData(DatePrecision.Days, 2024, 7, 16, null, "An activity of several days needs a last day after its first")]
    [InlineData(DatePrecision.Days, 2024, 7, 16, "2024-07-16", "An activity of several days needs a last day after its first")]
    [InlineData(DatePrecision.Undated, 2024, 7, 16, null, "Give the first and last day")]
    [InlineData(DatePrecision.Month, 2024, 11, 1, "2024-12-15", "A month ends on 2024-11-30")]
    [InlineData(DatePrecision.Day, 2024, 11, 1, "2024-11-02", "One day ends on 2024-11-01")]
    [InlineData(DatePrecision.Month, 2024, 11, 1, "2024-10-15", "The activity ends (2024-10-15) before it starts (2024-11-01).")]
    public void Problem_NamesWhatIsWrong(DatePrecision precision, int y, int m, int d, string? end, string expected) =>
        Assert.StartsWith(expected, ActivityDates.Problem(precision, D(y, m, d), end is null ? null : DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Activity_OfAMonth_IsStoredAsTheMonth_AndShownAsIt()
    {
        var activity = new Activity("WG-TIP 10th Annual Meeting");
        var values = new ActivityValues("WG-TIP 10th Annual Meeting", ActivityKind.Meeting, D(2024, 11, 14), null, "Bangkok", null, 1, null, null, null, [],
            ActivityStatus.Delivered, [], [], [], DatePrecision.Month);

        Assert.True(activity.Apply(values, DateTime.UtcNow).Succeeded);

        Assert.Equal((D(2024, 11, 1), D(2024, 11, 30), DatePrecision.Month), (activity.StartDate, activity.EndDate, activity.DatePrecision));
        Assert.Equal("November 2024", activity.Dates);
        Assert.True(activity.Matches(values));
    }

    [Fact]
    public void Activity_WithPlainDates_IsOneDayOrSeveral()
    {
        var values = new ActivityValues("D-WG annual meeting", ActivityKind.Meeting, D(2024, 7, 16), D(2024, 7, 18), "Hanoi", null, 1, null, null, null, [],
            ActivityStatus.Delivered, [], [], []);

        Assert.Equal(DatePrecision.Days, values.Precision);
        Assert.Equal(DatePrecision.Day, (values with { EndDate = null }).Precision);
        Assert.Contains(new FieldError("EndDate", "An activity of several days needs a last day after its first; for one day, choose \"One day\"."),
            (values with { EndDate = D(2024, 7, 16), DatePrecision = DatePrecision.Days }).Validate());
    }
}
