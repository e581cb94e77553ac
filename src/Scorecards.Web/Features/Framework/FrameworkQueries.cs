using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Domain.Framework;

namespace Scorecards.Web.Features.Framework;

public sealed record IndicatorView(int Id, string Code, string Name, IndicatorKind Kind, string? Unit, decimal? Baseline, decimal? Target);

public sealed record ObjectiveView(int Id, int FocusAreaId, string Code, string Title, string? Description, bool IsIllustrative,
    bool IsRetired, IReadOnlyList<string> Bodies, IReadOnlyList<IndicatorView> Indicators);

public sealed record FocusAreaView(int Id, string Code, string Name, string? Description, bool IsRetired, IReadOnlyList<ObjectiveView> Objectives);

public sealed record FrameworkView(string? StrategyCode, string? StrategyName, string? StrategyDescription, IReadOnlyList<FocusAreaView> FocusAreas)
{
    public IEnumerable<ObjectiveView> Objectives => FocusAreas.SelectMany(a => a.Objectives);
}

public static class FrameworkQueries
{
    /// <summary>Each active body's current (unretired) objectives, by body id: what its scorecard reports on.</summary>
    public static async Task<Dictionary<int, List<int>>> AssignmentsAsync(AppDbContext db, CancellationToken ct)
    {
        var rows = await db.Assignments.AsNoTracking()
            .Where(a => db.Bodies.Any(b => b.Id == a.BodyId && b.IsActive) && db.Objectives.Any(o => o.Id == a.ObjectiveId && !o.IsRetired))
            .Select(a => new { a.BodyId, a.ObjectiveId })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.BodyId).ToDictionary(g => g.Key, g => g.Select(r => r.ObjectiveId).ToList());
    }

    /// <summary>The whole framework in four queries, whatever its size.</summary>
    public static async Task<FrameworkView> LoadAsync(AppDbContext db, bool includeRetired, CancellationToken ct)
    {
        var strategy = await db.Strategies.AsNoTracking().OrderBy(s => s.Id).FirstOrDefaultAsync(ct);
        if (strategy is null)
        {
            return new FrameworkView(null, null, null, []);
        }

        var areas = await db.FocusAreas.AsNoTracking().Where(f => f.StrategyId == strategy.Id && (includeRetired || !f.IsRetired))
            .OrderBy(f => f.IsRetired).ThenBy(f => f.SortOrder).ThenBy(f => f.Code).ToListAsync(ct);
        var objectives = await db.Objectives.AsNoTracking()
            .Where(o => db.FocusAreas.Any(f => f.Id == o.FocusAreaId && f.StrategyId == strategy.Id) && (includeRetired || !o.IsRetired))
            .OrderBy(o => o.SortOrder).ThenBy(o => o.Code).ToListAsync(ct);
        var indicators = await db.Indicators.AsNoTracking().Where(i => includeRetired || !i.IsRetired).OrderBy(i => i.SortOrder).ToListAsync(ct);
        var assignments = await db.Assignments.AsNoTracking()
            .Join(db.Bodies, a => a.BodyId, b => b.Id, (a, b) => new { a.ObjectiveId, b.Code }).ToListAsync(ct);

        var bodiesByObjective = assignments.ToLookup(a => a.ObjectiveId, a => a.Code);
        var indicatorsByObjective = indicators.ToLookup(i => i.ObjectiveId);
        return new FrameworkView(strategy.Code, strategy.Name, strategy.Description, areas.Select(a => new FocusAreaView(a.Id, a.Code, a.Name, a.Description, a.IsRetired,
            objectives.Where(o => o.FocusAreaId == a.Id).Select(o => new ObjectiveView(o.Id, o.FocusAreaId, o.Code, o.Title, o.Description,
                o.IsIllustrative, o.IsRetired, bodiesByObjective[o.Id].Order(StringComparer.Ordinal).ToList(),
                indicatorsByObjective[o.Id].Select(i => new IndicatorView(i.Id, i.Code, i.Name, i.Kind, i.Unit, i.Baseline, i.Target)).ToList())).ToList()))
            .ToList());
    }
}
