using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Domain.Scorecards;
using Scorecards.Domain.Statements;

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

    /// <summary>What the draft is written from: each body's activities in the round's period, its approved entries, the assessment.</summary>
    public static async Task<StatementInput?> InputAsync(AppDbContext db, int roundId, CancellationToken ct)
    {
        var round = await db.Rounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null)
        {
            return null;
        }

        var bodies = await db.Bodies.AsNoTracking().Where(b => b.IsActive).OrderBy(b => b.Id).Select(b => new { b.Id, b.Code, b.Name }).ToListAsync(ct);
        var activities = (await db.Activities.AsNoTracking()
            .Where(a => !a.IsArchived && a.EndDate >= round.PeriodStart && a.StartDate <= round.PeriodEnd)
            .GroupJoin(db.Members, a => a.MemberId, m => m.Id, (a, m) => new { a, m })
            .SelectMany(x => x.m.DefaultIfEmpty(), (x, m) => new { x.a.LeadBodyId, x.a.Title, x.a.Kind, x.a.Status, x.a.StartDate, x.a.EndDate, x.a.DatePrecision, x.a.City, Member = m == null ? null : m.Name, x.a.Outputs })
            .ToListAsync(ct)).ToLookup(a => a.LeadBodyId);
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
                activities[b.Id].Select(a => new StatementActivity(a.Title, a.Kind, a.Status, a.StartDate, a.EndDate, a.City, a.Member, a.Outputs, a.DatePrecision)).ToList(),
                entries[b.Id].Select(e => new StatementEntry(e.Code, e.Completion)).ToList())).ToList(),
            assessments.FirstOrDefault(a => a.FocusAreaId is null)?.Text,
            assessments.Where(a => a.FocusAreaId is { } id && areas.ContainsKey(id)).OrderBy(a => a.FocusAreaId)
                .Select(a => (areas[a.FocusAreaId!.Value], a.Text)).ToList());
    }
}
