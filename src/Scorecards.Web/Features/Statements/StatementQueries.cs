using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Domain.Meetings;
using Scorecards.Domain.Scorecards;
using Scorecards.Domain.Statements;
using Scorecards.Domain.WorkPlans;
using Scorecards.Web.Features.WorkPlans;

namespace Scorecards.Web.Features.Statements;

/// <summary>The statement draft of a round: as the Co-Chairs edited it, or else as written from the data.</summary>
public sealed record StatementView(int RoundId, string Round, string Markdown, bool Edited, string? UpdatedBy, DateTime? UpdatedUtc);

public static class StatementQueries
{
    public static async Task<StatementView?> GetAsync(AppDbContext db, int roundId, CancellationToken ct)
    {
        var round = await db.Rounds.AsNoTracking().Where(r => r.Id == roundId).Select(r => r.Name).SingleOrDefaultAsync(ct);
        if (round is null)
        {
            return null;
        }

        var saved = await db.StatementDrafts.AsNoTracking().SingleOrDefaultAsync(d => d.RoundId == roundId, ct);
        return saved is not null
            ? new StatementView(roundId, round, saved.Markdown, true, saved.UpdatedBy, saved.UpdatedUtc)
            : new StatementView(roundId, round, StatementWriter.Draft((await InputAsync(db, roundId, ct))!), false, null, null);
    }

    /// <summary>
    /// What the draft is written from: each body's activities from the start of the period to a year after the meeting, its
    /// work plans, the decisions the period's meetings left with it, its approved entries, and the Co-Chairs' assessment.
    /// </summary>
    public static async Task<StatementInput?> InputAsync(AppDbContext db, int roundId, CancellationToken ct)
    {
        var round = await db.Rounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null)
        {
            return null;
        }

        var meetingOn = round.MeetingOn ?? round.PeriodEnd;
        var horizon = meetingOn.AddYears(1);
        var bodies = await db.Bodies.AsNoTracking().Where(b => b.IsActive).OrderBy(b => b.Id).Select(b => new { b.Id, b.Code, b.Name }).ToListAsync(ct);
        var members = await db.Members.AsNoTracking().ToDictionaryAsync(m => m.Id, m => m.Name, ct);
        var activities = (await db.Activities.AsNoTracking().Include(a => a.PartnerMembers)
            .Where(Domain.Activities.Activity.During(round.PeriodStart, horizon)).Where(a => !a.IsArchived)
            .ToListAsync(ct)).ToLookup(a => a.LeadBodyId);
        var plans = (await WorkPlanQueries.ListAsync(db, null, ct)).Where(p => p.EndDate >= round.PeriodStart && p.StartDate <= meetingOn).ToLookup(p => p.BodyId);
        var decisions = (await db.Decisions.AsNoTracking()
            .Join(db.Meetings.Where(m => m.StartDate >= round.PeriodStart && m.StartDate <= meetingOn), d => d.MeetingId, m => m.Id,
                (d, m) => new { d.OwnerBodyId, Meeting = m.Title, d.Text, d.Status, d.StatusNote, m.StartDate, d.Number })
            .ToListAsync(ct)).OrderBy(d => d.StartDate).ThenBy(d => d.Number).ToLookup(d => d.OwnerBodyId);
        var approved = await db.Scorecards.AsNoTracking().Where(s => s.RoundId == roundId && s.Status == ScorecardStatus.Approved)
            .Select(s => new { s.Id, s.BodyId }).ToListAsync(ct);
        var approvedIds = approved.Select(s => s.Id).ToList();
        var entries = (await db.Entries.AsNoTracking().Where(e => approvedIds.Contains(e.ScorecardId))
            .Join(db.Objectives, e => e.ObjectiveId, o => o.Id, (e, o) => new { e.ScorecardId, o.Code, e.Completion }).ToListAsync(ct))
            .ToLookup(e => approved.Single(s => s.Id == e.ScorecardId).BodyId);
        var areas = await db.FocusAreas.AsNoTracking().ToDictionaryAsync(f => f.Id, f => f.Name, ct);
        var assessments = await db.Assessments.AsNoTracking().Where(a => a.RoundId == roundId && a.Text != "").ToListAsync(ct);

        return new StatementInput(round.Name,
            bodies.Select(b => new StatementBody(b.Code, b.Name, approved.Exists(s => s.BodyId == b.Id),
                activities[b.Id].Select(a => new StatementActivity(a.Title, a.Kind, a.Status, a.StartDate, a.EndDate, a.City,
                    a.MemberId is { } m ? members.GetValueOrDefault(m) : null, a.Outputs, a.DatePrecision, a.PartnerOrganisations,
                    a.PartnerMembers.Select(p => members.GetValueOrDefault(p.MemberId, "")).Where(n => n.Length > 0).ToList())).ToList(),
                entries[b.Id].Select(e => new StatementEntry(e.Code, e.Completion)).ToList(),
                plans[b.Id].Select(p => new StatementWorkPlan(p.Title, p.StartDate, p.EndDate, p.Items.Count,
                    p.Count(WorkPlanItemStatus.Delivered), p.Count(WorkPlanItemStatus.UnderWay))).ToList(),
                decisions[b.Id].Select(d => new StatementDecision(d.Meeting, d.Text, Decision.Label(d.Status), d.StatusNote)).ToList())).ToList(),
            assessments.FirstOrDefault(a => a.FocusAreaId is null)?.Text,
            assessments.Where(a => a.FocusAreaId is { } id && areas.ContainsKey(id)).OrderBy(a => a.FocusAreaId)
                .Select(a => (areas[a.FocusAreaId!.Value], a.Text)).ToList(),
            round.PeriodStart, meetingOn);
    }
}
