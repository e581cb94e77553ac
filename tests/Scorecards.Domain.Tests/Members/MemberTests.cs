using Scorecards.Domain.Members;

namespace Scorecards.Domain.Tests.Members;

public sealed class MemberTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    [Fact]
    public void Create_WithoutAName_OrWithOneTooLong_NamesTheField()
    {
        var blank = Member.Create("  ", MemberKind.State, MemberStatus.Member);
        var tooLong = Member.Create(new string('x', Member.MaxName + 1), MemberKind.State, MemberStatus.Member);
        var unknownKind = Member.Create("Fiji", (MemberKind)99, MemberStatus.Member);
        var withdrawn = Member.Create("Fiji", MemberKind.State, MemberStatus.Withdrawn);

        Assert.Equal("Name", Assert.Single(blank.Outcome.Errors).Field);
        Assert.Equal("Name", Assert.Single(tooLong.Outcome.Errors).Field);
        Assert.Equal("Kind", Assert.Single(unknownKind.Outcome.Errors).Field);
        Assert.Equal("Status", Assert.Single(withdrawn.Outcome.Errors).Field);
        Assert.Equal(Failure.Invalid, blank.Outcome.Failure);
    }

    [Fact]
    public void Create_TrimsTheName_AndDatesItsJoining_NotInTheFuture()
    {
        var created = Member.Create("  Viet Nam ", MemberKind.State, MemberStatus.Member, new DateOnly(2002, 2, 28), 7, Today);
        var future = Member.Create("Canada", MemberKind.State, MemberStatus.Observer, Today.AddDays(1), null, Today);

        Assert.Equal("Viet Nam", created.Value!.Name);
        var joined = Assert.Single(created.Value.History);
        Assert.Equal((new DateOnly(2002, 2, 28), MemberStatus.Member, 7), (joined.EffectiveDate, joined.Status, joined.DecisionId));
        Assert.Equal("Since", Assert.Single(future.Outcome.Errors).Field);
    }

    [Fact]
    public void StatusOn_ReadsTheHistory_BeforeJoining_AfterBecomingAnObserver_AndAfterWithdrawing()
    {
        var canada = Member.Create("Canada", MemberKind.State, MemberStatus.Member, new DateOnly(2010, 1, 1), null, Today).Value!;
        Assert.True(canada.RecordStatus(MemberStatus.Observer, new DateOnly(2015, 6, 1), 3, "At its own request.", Today).Succeeded);
        Assert.True(canada.RecordStatus(MemberStatus.Withdrawn, new DateOnly(2020, 1, 1), null, null, Today).Succeeded);

        Assert.Null(canada.StatusOn(new DateOnly(2009, 12, 31)));
        Assert.Equal(MemberStatus.Member, canada.StatusOn(new DateOnly(2010, 1, 1)));
        Assert.Equal(MemberStatus.Member, canada.StatusOn(new DateOnly(2015, 5, 31)));
        Assert.Equal(MemberStatus.Observer, canada.StatusOn(new DateOnly(2015, 6, 1)));
        Assert.Equal(MemberStatus.Withdrawn, canada.StatusOn(Today));
        Assert.False(canada.TookPartOn(Today));
        Assert.True(canada.TookPartOn(new DateOnly(2019, 12, 31)));
        Assert.Equal(MemberStatus.Withdrawn, canada.Status);
        Assert.Equal(["Joined as a member", "Became an observer", "Withdrew"], Labels(canada));
    }

    [Fact]
    public void AMemberOnRecordBeforeTheRegister_TookPartOnAnyDay_UntilItsFirstDatedChange()
    {
        var fiji = new Member("Fiji", MemberKind.State, MemberStatus.Member);
        Assert.True(fiji.RecordStatus(MemberStatus.Withdrawn, new DateOnly(2024, 1, 1), null, null, Today).Succeeded);
        Assert.True(fiji.RecordStatus(MemberStatus.Observer, new DateOnly(2025, 1, 1), null, null, Today).Succeeded);

        Assert.Equal(MemberStatus.Member, fiji.StatusOn(new DateOnly(1990, 1, 1)));
        Assert.Equal(MemberStatus.Withdrawn, fiji.StatusOn(new DateOnly(2024, 6, 1)));
        Assert.Equal(["Joined as a member", "Withdrew", "Rejoined as an observer"], Labels(fiji));
    }

    [Fact]
    public void RecordStatus_RefusesTheSameStatus_AFutureDay_ADayBeforeTheLatestChange_AndNoDay()
    {
        var fiji = new Member("Fiji", MemberKind.State, MemberStatus.Member);
        Assert.True(fiji.RecordStatus(MemberStatus.Observer, new DateOnly(2024, 1, 1), null, null, Today).Succeeded);

        var same = fiji.RecordStatus(MemberStatus.Observer, new DateOnly(2025, 1, 1), null, null, Today);
        var future = fiji.RecordStatus(MemberStatus.Member, Today.AddDays(1), null, null, Today);
        var earlier = fiji.RecordStatus(MemberStatus.Member, new DateOnly(2023, 12, 31), null, null, Today);
        var undated = fiji.RecordStatus(MemberStatus.Member, null, null, null, Today);
        var longNote = fiji.RecordStatus(MemberStatus.Member, Today, null, new string('n', Member.MaxNote + 1), Today);

        Assert.Equal("Fiji is already an observer.", Assert.Single(same.Errors).Message);
        Assert.Equal("The change takes effect on 2026-03-03, which is after today; record it on the day it takes effect.", Assert.Single(future.Errors).Message);
        Assert.Equal("The latest change on record took effect on 2024-01-01; a new one cannot come before it.", Assert.Single(earlier.Errors).Message);
        Assert.Equal("On", Assert.Single(undated.Errors).Field);
        Assert.Equal("Note", Assert.Single(longNote.Errors).Field);
        Assert.Equal(2, fiji.History.Count);
        Assert.Equal(MemberStatus.Observer, fiji.Status);
    }

    [Fact]
    public void ACoChairGovernment_CannotBecomeAnObserver_OrBeReclassified_UntilItStepsDown()
    {
        var indonesia = new Member("Indonesia", MemberKind.State, MemberStatus.Member);
        Assert.True(indonesia.BecomeCoChairGovernment().Succeeded);

        var observer = indonesia.RecordStatus(MemberStatus.Observer, Today, null, null, Today);
        var organisation = indonesia.Change("Indonesia", MemberKind.Organisation);
        Assert.True(indonesia.StepDownAsCoChairGovernment().Succeeded);
        var changed = indonesia.RecordStatus(MemberStatus.Observer, Today, null, null, Today);

        Assert.Equal("Indonesia is a Co-Chair government of the Process, which only a member state can be. Remove it from the Co-Chair governments first.",
            Assert.Single(observer.Errors).Message);
        Assert.Equal("Kind", Assert.Single(organisation.Errors).Field);
        Assert.True(changed.Succeeded);
        Assert.Equal(MemberStatus.Observer, indonesia.Status);
    }

    [Fact]
    public void UndoLatestChange_TakesBackTheLastChange_ButNeverTheJoining()
    {
        var fiji = new Member("Fiji", MemberKind.State, MemberStatus.Member);
        var nothing = fiji.UndoLatestChange();
        Assert.True(fiji.RecordStatus(MemberStatus.Withdrawn, new DateOnly(2025, 1, 1), null, null, Today).Succeeded);

        var undone = fiji.UndoLatestChange();

        Assert.False(nothing.Succeeded);
        Assert.True(undone.Succeeded);
        Assert.Equal(MemberStatus.Member, fiji.Status);
        Assert.Single(fiji.History);
    }

    [Theory]
    [InlineData(MemberKind.State, MemberStatus.Member, "Member states and territories")]
    [InlineData(MemberKind.Territory, MemberStatus.Member, "Member states and territories")]
    [InlineData(MemberKind.Organisation, MemberStatus.Member, "Member organisations")]
    [InlineData(MemberKind.State, MemberStatus.Observer, "Observer states")]
    [InlineData(MemberKind.Organisation, MemberStatus.Observer, "Observer organisations")]
    [InlineData(MemberKind.Organisation, MemberStatus.Withdrawn, "Withdrawn")]
    public void Group_ListsEachParticipantUnderTheProcesssHeadings(MemberKind kind, MemberStatus status, string group) =>
        Assert.Equal(group, Member.Group(kind, status));

    private static List<string> Labels(Member member)
    {
        MemberStatus? before = null;
        var labels = new List<string>();
        foreach (var change in member.History)
        {
            labels.Add(MemberStatusChange.Label(before, change.Status));
            before = change.Status;
        }

        return labels;
    }
}
