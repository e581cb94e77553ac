using Scorecards.Domain.Secondments;

namespace Scorecards.Domain.Tests.Secondments;

public sealed class SecondmentTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    private static InterestValues Interest(string? agency = "Department of Immigration and Emigration", IReadOnlyList<int>? focusAreas = null,
        DateOnly? start = null, DateOnly? end = null) =>
        new(agency, "Aviation people smuggling.", start, end, focusAreas ?? [5], "A. Officer", "Immigration officer");

    private static Secondment Received() => Secondment.Submit(7, Interest(), "Focal Point", Now).Value!;

    [Fact]
    public void Submit_NamesEveryFieldAtFault()
    {
        var refused = Secondment.Submit(7, new InterestValues(" ", null, new DateOnly(2026, 6, 1), new DateOnly(2026, 5, 1), [], new string('n', 201), null), "Focal Point", Now);

        Assert.Equal(["Agency", "AreaOfWork", "PreferredEnd", "FocusAreas", "NomineeName"], refused.Outcome.Errors.Select(e => e.Field));
    }

    [Fact]
    public void Submit_IsReceived_WithTheFirstStepOnItsTimeline()
    {
        var secondment = Received();

        Assert.Equal(SecondmentStatus.Received, secondment.Status);
        var step = Assert.Single(secondment.Events);
        Assert.Equal((SecondmentStatus.Received, "Focal Point", Now), (step.Status, step.By, step.Utc));
        Assert.Equal([5], secondment.FocusAreas.Select(f => f.FocusAreaId));
    }

    [Fact]
    public void Move_GoesOneStepAtATime_AndSaysWhichStepsAreOpen()
    {
        var secondment = Received();

        var skipped = secondment.Move(new SecondmentStep(SecondmentStatus.Placed, null, "RSO, Bangkok", new DateOnly(2026, 4, 1), new DateOnly(2026, 6, 30), "Government of New Zealand"), "RSO", Now);

        Assert.Equal("secondment.step", skipped.Code);
        Assert.Equal("It is received; from there it can become under discussion or withdrawn or declined.", skipped.Message);
        Assert.Equal(SecondmentStatus.Received, secondment.Status);
    }

    [Fact]
    public void APlacement_NeedsItsHostUnit_DaysInOrder_AndFunder()
    {
        var secondment = Received();
        Assert.True(secondment.Move(new SecondmentStep(SecondmentStatus.UnderDiscussion, null), "RSO", Now).Succeeded);
        Assert.True(secondment.Move(new SecondmentStep(SecondmentStatus.Agreed, "Agreed with the member."), "RSO", Now).Succeeded);

        var empty = secondment.Move(new SecondmentStep(SecondmentStatus.Placed, null), "RSO", Now);
        var backwards = secondment.Move(new SecondmentStep(SecondmentStatus.Placed, null, "RSO, Bangkok", new DateOnly(2026, 6, 30), new DateOnly(2026, 4, 1), "NZ"), "RSO", Now);
        var placed = secondment.Move(new SecondmentStep(SecondmentStatus.Placed, null, " RSO, Bangkok ", new DateOnly(2026, 4, 1), new DateOnly(2026, 6, 30), "Government of New Zealand"), "RSO", Now);

        Assert.Equal(["HostUnit", "Funder", "StartDate", "EndDate"], empty.Errors.Select(e => e.Field));
        Assert.Equal("The placement ends (2026-04-01) before it begins (2026-06-30).", Assert.Single(backwards.Errors).Message);
        Assert.True(placed.Succeeded);
        Assert.Equal(("RSO, Bangkok", new DateOnly(2026, 4, 1), "Government of New Zealand"), (secondment.HostUnit, secondment.StartDate, secondment.Funder));
        Assert.Equal([SecondmentStatus.Received, SecondmentStatus.UnderDiscussion, SecondmentStatus.Agreed, SecondmentStatus.Placed], secondment.Events.Select(e => e.Status));
        Assert.Equal("Agreed with the member.", secondment.Events[2].Note);
    }

    [Fact]
    public void ACompletion_NeedsItsOutcomes_AndLinksItsActivities_ThenNothingMoreHappens()
    {
        var secondment = Received();
        foreach (var step in new[] { SecondmentStatus.UnderDiscussion, SecondmentStatus.Agreed })
        {
            Assert.True(secondment.Move(new SecondmentStep(step, null), "RSO", Now).Succeeded);
        }

        Assert.True(secondment.Move(new SecondmentStep(SecondmentStatus.Placed, null, "RSO", new DateOnly(2026, 4, 1), new DateOnly(2026, 6, 30), "NZ"), "RSO", Now).Succeeded);

        var silent = secondment.Move(new SecondmentStep(SecondmentStatus.Completed, null), "RSO", Now);
        var completed = secondment.Move(new SecondmentStep(SecondmentStatus.Completed, null, Outcomes: "Shared information.", ActivityIds: [3, 3, 4]), "RSO", Now);
        var after = secondment.Move(new SecondmentStep(SecondmentStatus.Withdrawn, "Too late."), "RSO", Now);

        Assert.Equal("Outcomes", Assert.Single(silent.Errors).Field);
        Assert.True(completed.Succeeded);
        Assert.Equal([3, 4], secondment.Activities.Select(a => a.ActivityId));
        Assert.Equal("This expression of interest is completed; it takes no further steps.", after.Message);
    }

    [Theory]
    [InlineData(SecondmentStatus.Withdrawn)]
    [InlineData(SecondmentStatus.Declined)]
    public void WithdrawingOrDeclining_NeedsAReason_WhichItKeeps(SecondmentStatus step)
    {
        var secondment = Received();

        var silent = secondment.Move(new SecondmentStep(step, "  "), "RSO", Now);
        var ended = secondment.Move(new SecondmentStep(step, "The officer was posted elsewhere."), "RSO", Now);

        Assert.Equal($"Say why it was {Secondment.Label(step).ToLowerInvariant()}.", Assert.Single(silent.Errors).Message);
        Assert.True(ended.Succeeded);
        Assert.Equal((step, "The officer was posted elsewhere."), (secondment.Status, secondment.Reason));
        Assert.True(secondment.IsClosed);
    }

    [Fact]
    public void Change_OnlyWhileReceived()
    {
        var secondment = Received();
        Assert.True(secondment.Change(Interest("Immigration Department"), Now).Succeeded);
        Assert.True(secondment.Move(new SecondmentStep(SecondmentStatus.UnderDiscussion, null), "RSO", Now).Succeeded);

        var late = secondment.Change(Interest("Another agency"), Now);

        Assert.Equal("Immigration Department", secondment.Agency);
        Assert.Equal("secondment.taken-up", late.Code);
    }
}
