using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Domain.Rounds;
using Scorecards.Domain.Scorecards;
using Scorecards.Domain.Scoring;
using Scorecards.Web.Features.Rounds;
using Scorecards.Web.Infrastructure.Authorization;

namespace Scorecards.Web.Features.History;

public sealed record HistoryRound(int RoundId, string Round, DistributionDto Distribution, TrendDto Trend);

public sealed record HistoryView(string Kind, string Code, string Title, IReadOnlyList<HistoryRound> Rounds);

/// <summary>One objective or focus area across every round, oldest first, from two queries whatever the history's length.</summary>
public static class HistoryQueries
{
    public static Task<HistoryView?> ForUserAsync(AppDbContext db, string kind, string code, ClaimsPrincipal user, CancellationToken ct) =>
        LoadAsync(db, kind, code, db.Scorecards.Readable(user), [RoundStatus.Open, RoundStatus.InReview, RoundStatus.Published, RoundStatus.Archived], ct);

    public static Task<HistoryView?> ForPublicAsync(AppDbContext db, string kind, string code, CancellationToken ct) =>
        LoadAsync(db, kind, code, db.Scorecards.Where(s => s.Status == ScorecardStatus.Approved), [RoundStatus.Published, RoundStatus.Archived], ct);

    private static async Task<HistoryView?> LoadAsync(AppDbContext db, string kind, string code, IQueryable<Scorecard> readable, RoundStatus[] statuses, CancellationToken ct)
    {
        code = code.ToUpperInvariant();
        List<int> objectiveIds;
        string title;
        if (kind == "objectives")
        {
            var objective = await db.Objectives.AsNoTracking().SingleOrDefaultAsync(o => o.Code == code, ct);
            if (objective is null)
            {
                return null;
            }

            (objectiveIds, title) = ([objective.Id], $"{objective.Code} · {objective.Title}");
        }
        else
        {
            var area = await db.FocusAreas.AsNoTracking().SingleOrDefaultAsync(f => f.Code == code, ct);
            if (area is null)
            {
                return null;
            }

            objectiveIds = await db.Objectives.Where(o => o.FocusAreaId == area.Id).Select(o => o.Id).ToListAsync(ct);
            title = area.Name;
        }

        var rounds = (await db.Rounds.AsNoTracking().Where(r => statuses.Contains(r.Status)).ToListAsync(ct)).OrderBy(r => r.PeriodEnd).ToList();
        var roundIds = rounds.Select(r => r.Id).ToList();
        var entries = await db.Entries.AsNoTracking()
            .Where(e => objectiveIds.Contains(e.ObjectiveId))
            .Join(readable.Where(s => roundIds.Contains(s.RoundId)), e => e.ScorecardId, s => s.Id, (e, s) => new { s.RoundId, s.BodyId, s.Status, e.ObjectiveId, e.Completion })
            .ToListAsync(ct);

        var history = new List<HistoryRound>();
        for (var i = 0; i < rounds.Count; i++)
        {
            var round = rounds[i];
            // As on the round page, trends compare with the previous round's approved entries.
            var previous = i == 0 ? null : rounds[i - 1];
            var before = previous is null
                ? []
                : entries.Where(e => e.RoundId == previous.Id && e.Status == ScorecardStatus.Approved).ToDictionary(e => (e.BodyId, e.ObjectiveId), e => e.Completion);
            var scored = entries.Where(e => e.RoundId == round.Id)
                .Select(e => new ScoredEntry(e.BodyId, e.ObjectiveId, 0, e.Completion, before.GetValueOrDefault((e.BodyId, e.ObjectiveId)), true)).ToList();
            history.Add(new HistoryRound(round.Id, round.Name, DistributionDto.From(Scores.Distribute(scored)), TrendDto.From(Scores.TrendOf(scored))));
        }

        return new HistoryView(kind, code, title, history);
    }
}
