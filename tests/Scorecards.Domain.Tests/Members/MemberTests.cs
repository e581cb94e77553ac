using Scorecards.Domain.Members;

namespace Scorecards.Domain.Tests.Members;

public sealed class MemberTests
{
    [Fact]
    public void Create_WithoutAName_OrWithOneTooLong_NamesTheField()
    {
        var blank = Member.Create("  ", MemberKind.State, MemberStatus.Member);
        var tooLong = Member.Create(new string('x', Member.MaxName + 1), MemberKind.State, MemberStatus.Member);
        var unknownKind = Member.Create("Fiji", (MemberKind)99, MemberStatus.Member);

        Assert.Equal("Name", Assert.Single(blank.Outcome.Errors).Field);
        Assert.Equal("Name", Assert.Single(tooLong.Outcome.Errors).Field);
        Assert.Equal("Kind", Assert.Single(unknownKind.Outcome.Errors).Field);
        Assert.Equal(Failure.Invalid, blank.Outcome.Failure);
    }

    [Fact]
    public void Create_TrimsTheName()
    {
        var created = Member.Create("  Viet Nam ", MemberKind.State, MemberStatus.Member);

        Assert.Equal("Viet Nam", created.Value!.Name);
    }

    [Fact]
    public void Change_OfACoChairGovernmentToAnObserver_IsRefused_UntilItStepsDown()
    {
        var indonesia = new Member("Indonesia", MemberKind.State, MemberStatus.Member);
        Assert.True(indonesia.BecomeCoChairGovernment().Succeeded);

        var refused = indonesia.Change("Indonesia", MemberKind.State, MemberStatus.Observer);
        Assert.True(indonesia.StepDownAsCoChairGovernment().Succeeded);
        var changed = indonesia.Change("Republic of Indonesia", MemberKind.State, MemberStatus.Observer);

        var error = Assert.Single(refused.Errors);
        Assert.Equal("Status", error.Field);
        Assert.Equal("Indonesia is an observer; only a member state can be a Co-Chair government of the Process. Remove it from the Co-Chair governments first.", error.Message);
        Assert.True(changed.Succeeded);
        Assert.Equal(("Republic of Indonesia", MemberStatus.Observer), (indonesia.Name, indonesia.Status));
    }
}
