using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Domain;
using Scorecards.Domain.Framework;

namespace Scorecards.Web.Features.Framework;

/// <summary>What an import did to one kind of thing in the framework.</summary>
public sealed record FrameworkCount(int Created, int Updated, int Unchanged, int Retired)
{
    /// <summary>How many the file holds.</summary>
    public int InFile => Created + Updated + Unchanged;

    /// <summary>"16 objectives (2 created, 14 unchanged), 1 retired": each count says what it counts.</summary>
    public string Describe(string one, string many)
    {
        var parts = new[] { (Created, "created"), (Updated, "updated"), (Unchanged, "unchanged") }.Where(p => p.Item1 > 0).Select(p => $"{p.Item1} {p.Item2}").ToList();
        var held = InFile == 0 ? $"no {many}" : $"{InFile} {(InFile == 1 ? one : many)} ({string.Join(", ", parts)})";
        return Retired > 0 ? $"{held}, {Retired} retired" : held;
    }
}

/// <summary>What a framework import did, kind by kind: a focus area is not counted as an objective.</summary>
public sealed record FrameworkImportSummary(string Strategy, FrameworkCount FocusAreas, FrameworkCount Objectives, FrameworkCount Indicators)
{
    public override string ToString() =>
        $"strategy {Strategy}; {FocusAreas.Describe("focus area", "focus areas")}; {Objectives.Describe("objective", "objectives")}; "
        + Indicators.Describe("indicator", "indicators");
}

/// <summary>
/// Applies a framework file to the database: everything is checked first, and nothing is applied if
/// anything is wrong. Objectives and indicators missing from the file are retired, never deleted, so
/// the entries that reported on them keep their history.
/// </summary>
public sealed class FrameworkImporter(AppDbContext db, Infrastructure.AppMetrics metrics)
{
    public async Task<(FrameworkImportSummary? Summary, IReadOnlyList<FrameworkError> Errors)> ImportAsync(string text, CancellationToken ct)
    {
        var (document, errors) = FrameworkFile.Read(text);
        var bodyCodes = (await db.Bodies.Select(b => b.Code).ToListAsync(ct)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var all = document is null ? errors : [.. errors, .. FrameworkRules.Validate(document, bodyCodes)];
        if (all.Count > 0 || document is null)
        {
            metrics.ImportRefused("framework");
            return (null, all.OrderBy(e => e.Where.Line).ToList());
        }

        var conflicts = await CrossStrategyConflictsAsync(document, ct);
        if (conflicts.Count > 0)
        {
            metrics.ImportRefused("framework");
            return (null, conflicts);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var summary = await ApplyAsync(document, ct);
        await transaction.CommitAsync(ct);
        return (summary, []);
    }

    /// <summary>The framework as a document to write to a file; null when there is none yet.</summary>
    public async Task<FrameworkDocument?> ExportAsync(CancellationToken ct)
    {
        var strategy = await db.Strategies.OrderBy(s => s.Id).FirstOrDefaultAsync(ct);
        if (strategy is null)
        {
            return null;
        }

        var areas = await db.FocusAreas.AsNoTracking().Where(f => f.StrategyId == strategy.Id && !f.IsRetired).OrderBy(f => f.SortOrder).ToListAsync(ct);
        var areaIds = areas.Select(a => a.Id).ToList();
        var objectives = await db.Objectives.AsNoTracking().Where(o => areaIds.Contains(o.FocusAreaId) && !o.IsRetired).OrderBy(o => o.SortOrder).ToListAsync(ct);
        var objectiveIds = objectives.Select(o => o.Id).ToList();
        var indicators = await db.Indicators.AsNoTracking().Where(i => objectiveIds.Contains(i.ObjectiveId) && !i.IsRetired).OrderBy(i => i.SortOrder).ToListAsync(ct);
        var assignments = await db.Assignments.AsNoTracking().Where(a => objectiveIds.Contains(a.ObjectiveId))
            .Join(db.Bodies, a => a.BodyId, b => b.Id, (a, b) => new { a.ObjectiveId, b.Code }).ToListAsync(ct);

        var none = new Dictionary<string, int>();
        var here = new FileLocation(0, "");
        return new FrameworkDocument(
            new StrategySpec(strategy.Code, strategy.Name, strategy.Description, here, none),
            areas.Select(a => new FocusAreaSpec(a.Code, a.Name, a.Description,
                objectives.Where(o => o.FocusAreaId == a.Id).Select(o => new ObjectiveSpec(o.Code, o.Title, o.Description, o.IsIllustrative,
                    assignments.Where(x => x.ObjectiveId == o.Id).Select(x => x.Code).Order(StringComparer.Ordinal).ToList(),
                    indicators.Where(i => i.ObjectiveId == o.Id).Select(i => new IndicatorSpec(i.Code, i.Name, i.Kind.ToString().ToLowerInvariant(), i.Unit,
                        i.Baseline?.ToString(CultureInfo.InvariantCulture), i.Target?.ToString(CultureInfo.InvariantCulture), here, none)).ToList(),
                    here, none)).ToList(),
                here, none)).ToList());
    }

    // Objective and indicator codes are unique across strategies; a file may not take over another strategy's codes.
    private async Task<List<FrameworkError>> CrossStrategyConflictsAsync(FrameworkDocument document, CancellationToken ct)
    {
        var code = document.Strategy.Code!;
        var objectiveCodes = document.FocusAreas.SelectMany(a => a.Objectives).Select(o => o.Code!).ToList();
        var taken = await db.Objectives
            .Where(o => objectiveCodes.Contains(o.Code))
            .Join(db.FocusAreas, o => o.FocusAreaId, f => f.Id, (o, f) => new { o.Code, f.StrategyId })
            .Join(db.Strategies, x => x.StrategyId, s => s.Id, (x, s) => new { x.Code, Strategy = s.Code })
            .Where(x => x.Strategy != code)
            .ToListAsync(ct);
        return document.FocusAreas.SelectMany(a => a.Objectives)
            .Where(o => taken.Exists(t => t.Code == o.Code))
            .Select(o => new FrameworkError(o.At("code"), "code", $"objective code '{o.Code}' belongs to strategy '{taken.First(t => t.Code == o.Code).Strategy}'."))
            .ToList();
    }

    /// <summary>The template to start a framework from, naming the bodies there are.</summary>
    public async Task<string> TemplateAsync(CancellationToken ct) =>
        FrameworkFile.Template(await db.Bodies.Where(b => b.IsActive).OrderBy(b => b.Id).Select(b => b.Code).ToListAsync(ct));

    private async Task<FrameworkImportSummary> ApplyAsync(FrameworkDocument document, CancellationToken ct)
    {
        Tally areaCount = new(), objectiveCount = new(), indicatorCount = new();

        var spec = document.Strategy;
        var strategy = await db.Strategies.SingleOrDefaultAsync(s => s.Code == spec.Code, ct);
        var isNewStrategy = strategy is null;
        strategy ??= db.Strategies.Add(new Strategy(spec.Code!, spec.Name!)).Entity;
        strategy.Name = spec.Name!;
        strategy.Description = spec.Description;
        var strategyChange = isNewStrategy ? "created" : db.Entry(strategy).State == EntityState.Modified ? "updated" : "unchanged";
        await db.SaveChangesAsync(ct);

        var areas = await db.FocusAreas.Where(f => f.StrategyId == strategy.Id).ToListAsync(ct);
        var areaIds = areas.Select(a => a.Id).ToList();
        var objectives = await db.Objectives.Where(o => areaIds.Contains(o.FocusAreaId)).ToListAsync(ct);
        var fileObjectiveCodes = document.FocusAreas.SelectMany(a => a.Objectives).Select(o => o.Code!).ToList();
        objectives.AddRange(await db.Objectives.Where(o => fileObjectiveCodes.Contains(o.Code) && !areaIds.Contains(o.FocusAreaId)).ToListAsync(ct));
        var objectiveIds = objectives.Select(o => o.Id).ToList();
        var indicators = await db.Indicators.Where(i => objectiveIds.Contains(i.ObjectiveId)).ToListAsync(ct);
        var bodies = await db.Bodies.ToDictionaryAsync(b => b.Code, b => b.Id, StringComparer.OrdinalIgnoreCase, ct);

        var seenObjectives = new HashSet<int>();
        var seenIndicators = new HashSet<int>();
        for (var a = 0; a < document.FocusAreas.Count; a++)
        {
            var areaSpec = document.FocusAreas[a];
            var area = areas.Find(f => string.Equals(f.Code, areaSpec.Code, StringComparison.OrdinalIgnoreCase));
            var isNewArea = area is null;
            if (area is null)
            {
                area = new FocusArea(strategy.Id, areaSpec.Code!, areaSpec.Name!);
                db.FocusAreas.Add(area);
                areas.Add(area);
            }

            Applied(area.Change(areaSpec.Name, areaSpec.Description));
            area.Place(a);
            areaCount.Count(isNewArea, !isNewArea && db.Entry(area).State == EntityState.Modified);
            await db.SaveChangesAsync(ct);

            for (var o = 0; o < areaSpec.Objectives.Count; o++)
            {
                var objectiveSpec = areaSpec.Objectives[o];
                var objective = objectives.Find(x => string.Equals(x.Code, objectiveSpec.Code, StringComparison.OrdinalIgnoreCase));
                var isNewObjective = objective is null;
                if (objective is null)
                {
                    objective = new Objective(area.Id, objectiveSpec.Code!, objectiveSpec.Title!);
                    db.Objectives.Add(objective);
                    objectives.Add(objective);
                }

                Applied(objective.Change(objectiveSpec.Title, objectiveSpec.Description, retired: false));
                objective.Place(area.Id, o, objectiveSpec.Illustrative);
                objectiveCount.Count(isNewObjective, !isNewObjective && db.Entry(objective).State == EntityState.Modified);
                await db.SaveChangesAsync(ct);
                seenObjectives.Add(objective.Id);

                await FrameworkEditor.AssignAsync(db, objective.Id, objectiveSpec.Bodies.Select(code => bodies[code]).ToHashSet(), ct);
                await db.SaveChangesAsync(ct);

                for (var i = 0; i < objectiveSpec.Indicators.Count; i++)
                {
                    var indicatorSpec = objectiveSpec.Indicators[i];
                    var indicator = indicators.Find(x => string.Equals(x.Code, indicatorSpec.Code, StringComparison.OrdinalIgnoreCase))
                        ?? await db.Indicators.SingleOrDefaultAsync(x => x.Code == indicatorSpec.Code, ct);
                    var isNewIndicator = indicator is null;
                    if (indicator is null)
                    {
                        indicator = new Indicator(objective.Id, indicatorSpec.Code!, indicatorSpec.Name!, indicatorSpec.ParsedKind);
                        db.Indicators.Add(indicator);
                        indicators.Add(indicator);
                    }

                    Applied(indicator.Change(indicatorSpec.Name, indicatorSpec.ParsedKind, indicatorSpec.Unit, indicatorSpec.Baseline, indicatorSpec.Target, retired: false));
                    indicator.Place(objective.Id, i);
                    indicatorCount.Count(isNewIndicator, !isNewIndicator && db.Entry(indicator).State == EntityState.Modified);
                    await db.SaveChangesAsync(ct);
                    seenIndicators.Add(indicator.Id);
                }
            }
        }

        // A focus area dropped from the file is retired like an objective: kept for the rounds that reported on it.
        var seenAreas = document.FocusAreas.Select(f => f.Code!).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var area in areas.Where(f => !seenAreas.Contains(f.Code) && !f.IsRetired))
        {
            area.Retire();
            areaCount.Retired++;
        }

        foreach (var objective in objectives.Where(o => !seenObjectives.Contains(o.Id) && !o.IsRetired))
        {
            objective.Retire();
            objectiveCount.Retired++;
        }

        foreach (var indicator in indicators.Where(i => !seenIndicators.Contains(i.Id) && !i.IsRetired))
        {
            indicator.Retire();
            indicatorCount.Retired++;
        }

        await db.SaveChangesAsync(ct);
        return new FrameworkImportSummary(strategyChange, areaCount.ToCount(), objectiveCount.ToCount(), indicatorCount.ToCount());
    }

    private sealed class Tally
    {
        private int _created, _updated, _unchanged;

        public int Retired { get; set; }

        public void Count(bool isNew, bool changed)
        {
            if (isNew)
            {
                _created++;
            }
            else if (changed)
            {
                _updated++;
            }
            else
            {
                _unchanged++;
            }
        }

        public FrameworkCount ToCount() => new(_created, _updated, _unchanged, Retired);
    }

    /// <summary>The file was checked against the same rules before anything was applied, so the domain cannot refuse it here.</summary>
    private static void Applied(Result result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"A checked framework file was refused while being applied: {string.Join("; ", result.Details)}");
        }
    }
}
