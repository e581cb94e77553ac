using Scorecards.Domain.Activities;

namespace Scorecards.Domain.Tests.Activities;

public sealed class ActivityTests
{
    private static readonly DateTime Now = new(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    private static ActivityValues Values(DateOnly? start = null, DateOnly? end = null, int[]? objectives = null, int? participants = null) =>
        new("D-WG annual meeting", ActivityKind.Meeting, start ?? new DateOnly(2024, 7, 16), end, "Hanoi", 45, 2, null, null, participants, [],
            ActivityStatus.Delivered, [], [1], objectives ?? [3, 4]);

    [Theory]
    [InlineData("2024-07-01", "2024-07-15", false)]
    [InlineData("2024-07-01", "2024-07-16", true)]
    [InlineData("2024-07-17", "2024-07-20", true)]
    [InlineData("2024-07-18", "2024-07-31", true)]
    [InlineData("2024-07-19", "2024-07-31", false)]
    public void During_IsTrueWhenTheActivityTakesPlaceAtLeastPartlyInThePeriod(string from, string to, bool expected)
    {
        var activity = new Activity("x");
        activity.Apply(Values(new DateOnly(2024, 7, 16), new DateOnly(2024, 7, 18)), Now);

        Assert.Equal(expected, Activity.During(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture)).Compile()(activity));
    }

    [Fact]
    public void Apply_WithoutEndDate_EndsTheDayItStarts()
    {
        var activity = new Activity("x");

        Assert.True(activity.Apply(Values(), Now).Succeeded);

        Assert.Equal(new DateOnly(2024, 7, 16), activity.EndDate);
        Assert.Equal([3, 4], activity.Objectives.Select(o => o.ObjectiveId));
    }

    [Fact]
    public void Apply_EndBeforeStart_IsRefusedAndChangesNothing()
    {
        var activity = new Activity("Before");

        var result = activity.Apply(Values(end: new DateOnly(2024, 7, 1), participants: -3), Now);

        Assert.Equal("activity.invalid", result.Code);
        Assert.Equal(["EndDate: The activity ends (2024-07-01) before it starts (2024-07-16).", "Participants: The number of participants cannot be negative."], result.Details);
        Assert.Equal("Before", activity.Title);
    }

    [Fact]
    public void Apply_Again_ReplacesTheObjectivesServed()
    {
        var activity = new Activity("x");
        activity.Apply(Values(objectives: [3, 4]), Now);

        activity.Apply(Values(objectives: [4, 5, 5]), Now);

        Assert.Equal([4, 5], activity.Objectives.Select(o => o.ObjectiveId).Order());
    }

    [Fact]
    public void Archive_KeepsTheActivity_AndRestoreBringsItBack()
    {
        var activity = new Activity("x");

        activity.Archive();
        Assert.True(activity.IsArchived);
        activity.Restore();
        Assert.False(activity.IsArchived);
    }

    [Fact]
    public void Matches_TheValuesItWasSavedWith_AndNotAChangedOne()
    {
        var activity = new Activity("x");
        activity.Apply(Values(), Now);

        Assert.True(activity.Matches(Values()));
        Assert.True(activity.Matches(Values() with { Title = "  D-WG annual meeting  ", EndDate = new DateOnly(2024, 7, 16) }));
        Assert.False(activity.Matches(Values(participants: 50)));
        Assert.False(activity.Matches(Values(objectives: [3])));
        Assert.False(activity.Matches(Values() with { Links = ["https://example.org"] }));
    }
}
