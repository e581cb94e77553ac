using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Scorecards.Data;
using Scorecards.Domain.Notices;
using Scorecards.Domain.Rounds;
using Scorecards.Domain.Scorecards;
using Scorecards.Domain.Secondments;
using Scorecards.Web.Features.Members;
using Scorecards.Web.Features.Secondments;

using Scorecards.Web.Infrastructure.Localization;

namespace Scorecards.Web.Features.Notices;

/// <summary>
/// Tells people of the workflow steps that concern them, in the transaction of the step: reporting opens (a body is
/// given its scorecard); a scorecard is submitted (to the reviewers of each Co-Chair government it awaits), returned
/// or has its approval withdrawn (to its body's reporters, with the reason), approved by one Co-Chair government or by
/// both; a round is published (to everyone). It reads the steps from the data — scorecards added to an open round,
/// their new review events, the rounds' changed states — so every page, endpoint and command that takes one is covered.
/// </summary>
public sealed class WorkflowNotices(Notifier notifier) : ISaveFollower
{
    public async Task FollowAsync(AppDbContext db, IReadOnlyList<EntityEntry> pending, CancellationToken ct)
    {
        // Notices are kept in English, each reader's language being given when they are shown or mailed.
        using var english = Languages.Use(Languages.English);
        foreach (var entry in pending)
        {
            switch (entry.Entity)
            {
                case Round round when entry.State == EntityState.Modified && entry.Property(nameof(Round.Status)).IsModified:
                    await RoundMovedAsync(db, round, ct);
                    break;
                case Scorecard scorecard when entry.State == EntityState.Added:
                    await ScorecardAddedAsync(db, scorecard, ct);
                    break;
                case Secondment secondment:
                    foreach (var step in secondment.Events.Where(e => db.Entry(e).State == EntityState.Added))
                    {
                        await SecondmentMovedAsync(db, secondment, step, ct);
                    }

                    break;
                case Scorecard scorecard when entry.State == EntityState.Modified:
                    foreach (var step in scorecard.ReviewEvents.Where(e => db.Entry(e).State == EntityState.Added))
                    {
                        await ReviewedAsync(db, scorecard, step, ct);
                    }

                    break;
            }
        }
    }

    /// <summary>
    /// An expression of interest arrived or moved on: the RSO's reporters and the member's focal points are told, without the
    /// nominee's name, which only the page shows to those who may read it.
    /// </summary>
    private async Task SecondmentMovedAsync(AppDbContext db, Secondment secondment, SecondmentEvent step, CancellationToken ct)
    {
        var member = await db.Members.AsNoTracking().Where(m => m.Id == secondment.MemberId).Select(m => m.Name).SingleAsync(ct);
        var rso = await db.Bodies.AsNoTracking().Where(b => b.Code == SecondmentAccess.ProgrammeBody).Select(b => (int?)b.Id).SingleOrDefaultAsync(ct);
        var people = (rso is { } body ? await Recipients.ReportersAsync(db, body, ct) : []).Concat(await Recipients.FocalPointsAsync(db, secondment.MemberId, ct)).Distinct();
        var what = $"{member}'s interest in an RSO secondment ({secondment.Agency})";
        var (subject, text) = step.Status switch
        {
            SecondmentStatus.Received => ($"New: {what}", $"{member} has expressed interest in the RSO secondment programme: {secondment.Agency}, {secondment.AreaOfWork}"),
            SecondmentStatus.Placed => ($"Placed: {what}",
                $"The officer is placed with {secondment.HostUnit} from {secondment.StartDate:d MMMM yyyy} to {secondment.EndDate:d MMMM yyyy}, funded by {secondment.Funder}."),
            SecondmentStatus.Withdrawn or SecondmentStatus.Declined => ($"{Secondment.Label(step.Status)}: {what}", $"It was {Secondment.Label(step.Status).ToLowerInvariant()}: {secondment.Reason}"),
            _ => ($"{Secondment.Label(step.Status)}: {what}", $"It is now {Secondment.Label(step.Status).ToLowerInvariant()}.{(step.Note is null ? "" : $" {step.Note}")}"),
        };
        await notifier.TellAsync(db, people, new NoticeDraft(NoticeKind.SecondmentStep, subject, text, $"/secondments/{secondment.Id}"), ct);
    }

    private async Task RoundMovedAsync(AppDbContext db, Round round, CancellationToken ct)
    {
        if (round.Status == RoundStatus.Published)
        {
            var everyone = await db.Users.AsNoTracking().Where(u => u.DisabledUtc == null).Select(u => u.Id).ToListAsync(ct);
            await notifier.TellAsync(db, everyone, new NoticeDraft(NoticeKind.RoundPublished, $"{round.Name} is published",
                $"The consolidated scorecard of {round.Name} is published: members can read it, and so can the public.", $"/rounds/{round.Id}"), ct);
        }
    }

    /// <summary>A body is given its scorecard when its round opens: that is when its reporters hear that reporting is open.</summary>
    private async Task ScorecardAddedAsync(AppDbContext db, Scorecard scorecard, CancellationToken ct)
    {
        var round = db.Rounds.Local.FirstOrDefault(r => r.Id == scorecard.RoundId) ?? await db.Rounds.AsNoTracking().SingleAsync(r => r.Id == scorecard.RoundId, ct);
        if (round.Status != RoundStatus.Open)
        {
            return;
        }

        var body = await db.Bodies.AsNoTracking().SingleAsync(b => b.Id == scorecard.BodyId, ct);
        await notifier.TellAsync(db, await Recipients.ReportersAsync(db, body.Id, ct), Opened(round, body.Code), ct);
    }

    private static NoticeDraft Opened(Round round, string body) => new(NoticeKind.RoundOpened, $"{round.Name}: {body}'s scorecard is open for reporting",
        $"Reporting is open for {round.Name}. {body}'s scorecard covers {round.PeriodStart:d MMMM yyyy} to {round.PeriodEnd:d MMMM yyyy} "
        + $"and is due on {round.DueOn:dddd d MMMM yyyy} (the end of that day, {round.TimeZone} time).\n\nEntries start from your body's last approved ones, "
        + "marked \"carried over\" until you edit or confirm each.",
        "/")
    { Deadline = (round.DueOn, round.TimeZone) };

    private async Task ReviewedAsync(AppDbContext db, Scorecard scorecard, ReviewEvent step, CancellationToken ct)
    {
        var round = db.Rounds.Local.FirstOrDefault(r => r.Id == scorecard.RoundId) ?? await db.Rounds.AsNoTracking().SingleAsync(r => r.Id == scorecard.RoundId, ct);
        var body = (await db.Bodies.AsNoTracking().SingleAsync(b => b.Id == scorecard.BodyId, ct)).Code;
        var link = $"/scorecards/{scorecard.Id}";
        var what = $"{body}'s scorecard for {round.Name}";
        switch (step.Action)
        {
            case ReviewAction.Submitted:
                var governments = await CoChairGovernments.IdsAsync(db, ct);
                foreach (var government in scorecard.AwaitedGovernments(governments))
                {
                    var name = await db.Members.AsNoTracking().Where(m => m.Id == government).Select(m => m.Name).SingleAsync(ct);
                    await notifier.TellAsync(db, await Recipients.ReviewersAsync(db, government, ct), new NoticeDraft(NoticeKind.AwaitingReview,
                        $"{what} awaits {name}'s review", $"{step.UserName} submitted {what}. It awaits the review of {name}.", link), ct);
                }

                break;
            case ReviewAction.Returned:
                await notifier.TellAsync(db, await Recipients.ReportersAsync(db, scorecard.BodyId, ct), new NoticeDraft(NoticeKind.Returned,
                    $"{what} was returned", $"{step.UserName} returned {what} to your body, saying:\n\n{step.Reason}\n\nAnswer in the scorecard and submit it again.", link), ct);
                break;
            case ReviewAction.Unapproved:
                await notifier.TellAsync(db, await Recipients.ReportersAsync(db, scorecard.BodyId, ct), new NoticeDraft(NoticeKind.Returned,
                    $"The approval of {what} was withdrawn", $"{step.UserName} withdrew the approval of {what}, saying:\n\n{step.Reason}\n\n"
                    + "It is back with your body: answer in the scorecard and submit it again.", link), ct);
                break;
            case ReviewAction.Approved when scorecard.Status == ScorecardStatus.Approved:
                await notifier.TellAsync(db, await Recipients.ReportersAsync(db, scorecard.BodyId, ct), new NoticeDraft(NoticeKind.ApprovedByBoth,
                    $"{what} is approved by both Co-Chair governments", $"{what} is approved by both Co-Chair governments. It is locked, and goes into the consolidated scorecard as it stands.", link), ct);
                break;
            case ReviewAction.Approved:
                var approver = scorecard.Approvals.Count > 0 ? scorecard.Approvals[^1].MemberId : (int?)null;
                var by = approver is null ? "One Co-Chair government" : await db.Members.AsNoTracking().Where(m => m.Id == approver).Select(m => m.Name).SingleAsync(ct);
                await notifier.TellAsync(db, await Recipients.ReportersAsync(db, scorecard.BodyId, ct), new NoticeDraft(NoticeKind.ApprovedByOne,
                    $"{by} approved {what}", $"{step.UserName} approved {what} for {by}. It awaits the other Co-Chair government.", link), ct);
                break;
        }
    }
}
