using Scorecards.Domain.Meetings;

namespace Scorecards.Domain.Tests.Meetings;

public sealed class MeetingTests
{
    private static readonly DateTime Now = new(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    private static MeetingValues Som(int[] chairs, int[] attendees) =>
        new("18th Ad Hoc Group Senior Officials' Meeting", MeetingKind.AdHocGroupSom, new DateOnly(2025, 5, 21), null, "Bangkok", 40, null, chairs, attendees, null);

    [Fact]
    public void Apply_ChairsAttend_AndEachMemberAppearsOnce()
    {
        var meeting = new Meeting("x");

        Assert.True(meeting.Apply(Som(chairs: [2, 3], attendees: [2, 5, 5, 9])).Succeeded);
        Assert.True(meeting.Apply(Som(chairs: [3], attendees: [2, 5])).Succeeded);

        Assert.Equal([2, 3, 5], meeting.Attendees.Select(a => a.MemberId).Order());
        Assert.Equal([3], meeting.Attendees.Where(a => a.IsChair).Select(a => a.MemberId));
        Assert.Equal(new DateOnly(2025, 5, 21), meeting.EndDate);
    }

    [Fact]
    public void Apply_WorkingGroupMeetingWithoutBody_OrEndingBeforeItOpens_IsRefused()
    {
        var meeting = new Meeting("x");

        var result = meeting.Apply(Som([], []) with { Kind = MeetingKind.WorkingGroupMeeting, EndDate = new DateOnly(2025, 5, 20) });

        Assert.Equal(["EndDate: The meeting ends (2025-05-20) before it opens (2025-05-21).", "BodyId: Choose the body whose meeting it is."], result.Details);
    }

    [Fact]
    public void Decision_Dropped_NeedsAReason_AndOnlyOpenOnesAreOverdue()
    {
        var decision = new Decision(1, 1);
        Assert.True(decision.Apply(new DecisionValues("Review the membership.", 5, null, new DateOnly(2025, 12, 31), DecisionStatus.Open, null), Now).Succeeded);

        var dropped = decision.SetStatus(DecisionStatus.Dropped, "", Now);
        Assert.False(dropped.Succeeded);
        Assert.Equal("Say why the decision was dropped.", dropped.Message);
        Assert.True(decision.IsOverdue(new DateOnly(2026, 1, 1), null));
        Assert.False(decision.IsOverdue(new DateOnly(2025, 12, 31), null));

        Assert.True(decision.SetStatus(DecisionStatus.Done, "Agreed at the 19th AHG SOM.", Now).Succeeded);
        Assert.False(decision.IsOpen);
        Assert.False(decision.IsOverdue(new DateOnly(2026, 1, 1), null));
    }

    [Fact]
    public void Decision_DueByAMeeting_IsOverdueOnceThatMeetingHasOpened()
    {
        var decision = new Decision(1, 2);
        decision.Apply(new DecisionValues("Report back.", 5, 7, null, DecisionStatus.InProgress, null), Now);

        Assert.False(decision.IsOverdue(new DateOnly(2026, 5, 1), dueMeetingDate: new DateOnly(2026, 5, 20)));
        Assert.True(decision.IsOverdue(new DateOnly(2026, 5, 21), dueMeetingDate: new DateOnly(2026, 5, 20)));
    }
}
