using Scorecards.Domain.Members;

namespace Scorecards.Domain.Tests.Members;

public sealed class MembershipProposalTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    private static MembershipProposal Proposed() =>
        MembershipProposal.Propose(ProposalKind.JoinBody, 3, 1, null, "To reflect current trafficking trends.", "Secretariat", Now).Value!;

    [Fact]
    public void Propose_NeedsABodyForASeat_AStatusForAChangeOfStatus_AndARationale()
    {
        var noBody = MembershipProposal.Propose(ProposalKind.JoinBody, 3, null, null, "Why.", "Secretariat", Now);
        var noStatus = MembershipProposal.Propose(ProposalKind.ChangeStatus, 3, null, null, "Why.", "Secretariat", Now);
        var noKind = MembershipProposal.Propose(null, 3, 1, null, " ", "Secretariat", Now);

        Assert.Equal("BodyId", Assert.Single(noBody.Outcome.Errors).Field);
        Assert.Equal("NewStatus", Assert.Single(noStatus.Outcome.Errors).Field);
        Assert.Equal(["Kind", "Rationale"], noKind.Outcome.Errors.Select(e => e.Field));
    }

    [Fact]
    public void AProposal_IsTabled_Decided_AndApplied_InThatOrder_WithWhatEachStepNeeds()
    {
        var proposal = Proposed();

        var early = proposal.Move(new ProposalStep(ProposalStatus.Agreed, DecisionId: 4), "Co-Chair", Now);
        var noMeeting = proposal.Move(new ProposalStep(ProposalStatus.Tabled), "Co-Chair", Now);
        Assert.True(proposal.Move(new ProposalStep(ProposalStatus.Tabled, MeetingId: 2), "Secretariat", Now).Succeeded);
        var noDecision = proposal.Move(new ProposalStep(ProposalStatus.Agreed), "Co-Chair", Now);
        Assert.True(proposal.Move(new ProposalStep(ProposalStatus.Agreed, DecisionId: 4), "Co-Chair", Now).Succeeded);
        var noDay = proposal.Move(new ProposalStep(ProposalStatus.Applied), "Secretariat", Now);
        Assert.True(proposal.Move(new ProposalStep(ProposalStatus.Applied, EffectiveDate: new DateOnly(2026, 3, 1)), "Secretariat", Now).Succeeded);
        var after = proposal.Move(new ProposalStep(ProposalStatus.Withdrawn, Note: "No."), "Secretariat", Now);

        Assert.Equal("It is proposed; from there it can be tabled or withdrawn.", early.Message);
        Assert.Equal("MeetingId", Assert.Single(noMeeting.Errors).Field);
        Assert.Equal("DecisionId", Assert.Single(noDecision.Errors).Field);
        Assert.Equal("EffectiveDate", Assert.Single(noDay.Errors).Field);
        Assert.Equal("This proposal is applied; it takes no further steps.", after.Message);
        Assert.Equal((2, 4, new DateOnly(2026, 3, 1)), (proposal.MeetingId, proposal.DecisionId, proposal.EffectiveDate));
        Assert.Equal([ProposalStatus.Proposed, ProposalStatus.Tabled, ProposalStatus.Agreed, ProposalStatus.Applied], proposal.Events.Select(e => e.Status));
    }

    [Fact]
    public void ADeferredProposal_IsTabledAgain_AndWithdrawingNeedsAReason()
    {
        var proposal = Proposed();
        Assert.True(proposal.Move(new ProposalStep(ProposalStatus.Tabled, MeetingId: 2), "Secretariat", Now).Succeeded);
        Assert.True(proposal.Move(new ProposalStep(ProposalStatus.Deferred, Note: "To the next Steering Group."), "Co-Chair", Now).Succeeded);
        Assert.True(proposal.Move(new ProposalStep(ProposalStatus.Tabled, MeetingId: 5), "Secretariat", Now).Succeeded);

        var silent = proposal.Move(new ProposalStep(ProposalStatus.Withdrawn), "Secretariat", Now);
        var withdrawn = proposal.Move(new ProposalStep(ProposalStatus.Withdrawn, Note: "Overtaken by the review's terms of reference."), "Secretariat", Now);

        Assert.Equal("Note", Assert.Single(silent.Errors).Field);
        Assert.True(withdrawn.Succeeded);
        Assert.Equal(5, proposal.MeetingId);
        Assert.Null(proposal.DecisionId);
        Assert.False(proposal.IsOpen);
    }
}
