using Scorecards.Domain.Activities;
using Scorecards.Domain.WorkPlans;

namespace Scorecards.Domain.Tests.WorkPlans;

public sealed class WorkPlanTests
{
    private static readonly DateOnly PlanStart = new(2024, 11, 1);
    private static readonly DateOnly PlanEnd = new(2026, 12, 31);

    private static WorkPlanItemValues Item(DateOnly? from = null, DateOnly? to = null) =>
        new("Research on forced marriage", null, from ?? new DateOnly(2025, 1, 1), to ?? new DateOnly(2025, 12, 31), [7], [12]);

    [Theory]
    [InlineData(new ActivityStatus[0], WorkPlanItemStatus.NotStarted)]
    [InlineData(new[] { ActivityStatus.Cancelled }, WorkPlanItemStatus.NotStarted)]
    [InlineData(new[] { ActivityStatus.Planned }, WorkPlanItemStatus.UnderWay)]
    [InlineData(new[] { ActivityStatus.Delivered, ActivityStatus.Planned }, WorkPlanItemStatus.UnderWay)]
    [InlineData(new[] { ActivityStatus.Delivered }, WorkPlanItemStatus.Delivered)]
    [InlineData(new[] { ActivityStatus.Delivered, ActivityStatus.Cancelled }, WorkPlanItemStatus.Delivered)]
    public void Status_FollowsTheLinkedActivities(ActivityStatus[] activities, WorkPlanItemStatus expected) =>
        Assert.Equal(expected, WorkPlanItem.Derive(activities));

    [Fact]
    public void Override_NeedsAReason_WinsOverTheActivities_AndCanBeCleared()
    {
        var plan = new WorkPlan(1, "2024–26 Forward Work Plan", PlanStart, PlanEnd);
        var item = plan.AddItem("x");
        item.Apply(Item(), PlanStart, PlanEnd);

        var withoutReason = item.Override(WorkPlanItemStatus.Dropped, " ");
        Assert.False(withoutReason.Succeeded);
        Assert.Equal(WorkPlanItemStatus.Delivered, item.StatusFrom([ActivityStatus.Delivered]));

        Assert.True(item.Override(WorkPlanItemStatus.Dropped, "Funding ended.").Succeeded);
        Assert.Equal(WorkPlanItemStatus.Dropped, item.StatusFrom([ActivityStatus.Delivered]));
        Assert.Equal("Funding ended.", item.OverrideReason);

        Assert.True(item.Override(null, null).Succeeded);
        Assert.Equal(WorkPlanItemStatus.Delivered, item.StatusFrom([ActivityStatus.Delivered]));
        Assert.Null(item.OverrideReason);
    }

    [Fact]
    public void Items_AreNumberedInOrder_AndTheirTargetMustLieWithinThePlan()
    {
        var plan = new WorkPlan(1, "Plan", PlanStart, PlanEnd);
        var first = plan.AddItem("a");
        var second = plan.AddItem("b");

        var outside = second.Apply(Item(from: new DateOnly(2024, 1, 1)), PlanStart, PlanEnd);
        var backwards = second.Apply(Item(from: new DateOnly(2025, 6, 1), to: new DateOnly(2025, 5, 1)), PlanStart, PlanEnd);

        Assert.Equal([1, 2], new[] { first.Number, second.Number });
        Assert.Contains("must lie within the plan's period, 2024-11-01 to 2026-12-31", outside.Message);
        Assert.Contains("ends (2025-05-01) before it starts (2025-06-01)", backwards.Message);
        Assert.True(second.Apply(Item(), PlanStart, PlanEnd).Succeeded);
        Assert.Equal([12], second.Activities.Select(a => a.ActivityId));
    }

    [Fact]
    public void Plan_EndingBeforeItStarts_IsRefused() =>
        Assert.Equal("EndDate", Assert.Single(WorkPlan.Check("Plan", PlanEnd, PlanStart)).Field);
}
