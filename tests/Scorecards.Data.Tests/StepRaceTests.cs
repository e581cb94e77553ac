using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scorecards.Domain.Members;

namespace Scorecards.Data.Tests;

/// <summary>Two people taking the same step at once: the second save is refused, so a proposal is never applied twice.</summary>
public sealed class StepRaceTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateTime Now = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task TwoStepsOnOneProposal_SavedAtOnce_OnlyTheFirstIsKept(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: false);
        var proposalId = await database.WithDbAsync(async db =>
        {
            var fiji = new Member("Fiji", MemberKind.State, MemberStatus.Member);
            db.Members.Add(fiji);
            await db.SaveChangesAsync(Ct);
            var proposal = MembershipProposal.Propose(ProposalKind.ChangeStatus, fiji.Id, null, MemberStatus.Observer, "Why.", "Secretariat", Now).Value!;
            db.MembershipProposals.Add(proposal);
            await db.SaveChangesAsync(Ct);
            return proposal.Id;
        });

        using var firstScope = database.Services.CreateScope();
        using var secondScope = database.Services.CreateScope();
        var first = firstScope.ServiceProvider.GetRequiredService<AppDbContext>();
        var second = secondScope.ServiceProvider.GetRequiredService<AppDbContext>();
        var mine = await first.MembershipProposals.Include(p => p.Events).SingleAsync(p => p.Id == proposalId, Ct);
        var theirs = await second.MembershipProposals.Include(p => p.Events).SingleAsync(p => p.Id == proposalId, Ct);
        Assert.True(mine.Move(new ProposalStep(ProposalStatus.Withdrawn, Note: "Mine."), "A", Now).Succeeded);
        Assert.True(theirs.Move(new ProposalStep(ProposalStatus.Withdrawn, Note: "Theirs."), "B", Now).Succeeded);

        await first.SaveChangesAsync(Ct);
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync(Ct));

        var saved = await database.WithDbAsync(db => db.MembershipProposals.Include(p => p.Events).AsNoTracking().SingleAsync(p => p.Id == proposalId, Ct));
        Assert.Equal(["Mine."], saved.Events.Where(e => e.Status == ProposalStatus.Withdrawn).Select(e => e.Note));
    }
}
