using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Domain;
using Scorecards.Domain.Framework;
using Scorecards.Domain.Scorecards;

namespace Scorecards.Web.Features.Framework;

/// <summary>An indicator as a form sends it: numbers still as typed.</summary>
public sealed record IndicatorChange(string? Name, IndicatorKind Kind, string? Unit, string? Baseline, string? Target);

/// <summary>
/// The secretariat's changes to the framework one item at a time, by the rules a framework file is checked against
/// (<see cref="FrameworkRules"/>); the whole-file import is <see cref="FrameworkImporter"/>. The pages that call it
/// are for administrators only.
/// </summary>
public sealed class FrameworkEditor(AppDbContext db)
{
    public async Task<Result<FocusArea>> ChangeFocusAreaAsync(string code, string? name, string? description, CancellationToken ct)
    {
        var area = await db.FocusAreas.SingleOrDefaultAsync(f => f.Code == code.ToUpperInvariant(), ct);
        return area is null ? Result.NotFound($"Focus area {code}") : await SaveAsync(area, area.Change(name, description), ct);
    }

    public async Task<Result<Objective>> AddObjectiveAsync(string areaCode, string? code, string? title, CancellationToken ct)
    {
        var area = await db.FocusAreas.SingleOrDefaultAsync(f => f.Code == areaCode.ToUpperInvariant(), ct);
        if (area is null)
        {
            return Result.NotFound($"Focus area {areaCode}");
        }

        var count = await db.Objectives.CountAsync(o => o.FocusAreaId == area.Id, ct);
        var newCode = code?.Trim().ToUpperInvariant();
        var errors = CodeErrors(code, FrameworkRules.IsObjectiveCode(newCode), await db.Objectives.AnyAsync(o => o.Code == newCode, ct), objective: true,
            $"{area.Code}-{count + 1}");

        var objective = new Objective(area.Id, newCode ?? "", "");
        objective.Place(area.Id, count, illustrative: false);
        var changed = objective.Change(title, null, retired: false);
        errors.AddRange(changed.Errors);
        if (errors.Count > 0)
        {
            return Result.Invalid(errors);
        }

        db.Objectives.Add(objective);
        return await SaveAsync(objective, changed, ct);
    }

    /// <summary>Changes an objective and which bodies report on it.</summary>
    public async Task<Result<Objective>> ChangeObjectiveAsync(string code, string? title, string? description, bool retired, IReadOnlyCollection<int> bodyIds,
        CancellationToken ct)
    {
        var objective = await db.Objectives.SingleOrDefaultAsync(o => o.Code == code.ToUpperInvariant(), ct);
        if (objective is null)
        {
            return Result.NotFound($"Objective {code}");
        }

        var known = await db.Bodies.Where(b => bodyIds.Contains(b.Id)).Select(b => b.Id).ToListAsync(ct);
        var changed = objective.Change(title, description, retired);
        var errors = changed.Errors.ToList();
        if (known.Count != bodyIds.Distinct().Count())
        {
            errors.Add(new FieldError("BodyIds", "One of the chosen bodies does not exist."));
        }

        if (errors.Count > 0)
        {
            return Result.Invalid(errors);
        }

        await AssignAsync(db, objective.Id, known, ct);
        return await SaveAsync(objective, changed, ct);
    }

    public async Task<Result<Indicator>> AddIndicatorAsync(string objectiveCode, string? code, IndicatorChange change, CancellationToken ct)
    {
        var objective = await db.Objectives.SingleOrDefaultAsync(o => o.Code == objectiveCode.ToUpperInvariant(), ct);
        if (objective is null)
        {
            return Result.NotFound($"Objective {objectiveCode}");
        }

        var count = await db.Indicators.CountAsync(i => i.ObjectiveId == objective.Id, ct);
        var newCode = code?.Trim().ToUpperInvariant();
        var errors = CodeErrors(code, FrameworkRules.IsIndicatorCode(newCode), await db.Indicators.AnyAsync(i => i.Code == newCode, ct), objective: false,
            $"{objective.Code}.{count + 1}");

        var indicator = new Indicator(objective.Id, newCode ?? "", "", change.Kind);
        indicator.Place(objective.Id, count);
        var changed = indicator.Change(change.Name, change.Kind, change.Unit, change.Baseline, change.Target, retired: false);
        errors.AddRange(changed.Errors);
        if (errors.Count > 0)
        {
            return Result.Invalid(errors);
        }

        db.Indicators.Add(indicator);
        return await SaveAsync(indicator, changed, ct);
    }

    public async Task<Result<Indicator>> ChangeIndicatorAsync(string code, IndicatorChange change, bool retired, CancellationToken ct)
    {
        var indicator = await db.Indicators.SingleOrDefaultAsync(i => i.Code == code.ToUpperInvariant(), ct);
        if (indicator is null)
        {
            return Result.NotFound($"Indicator {code}");
        }

        var changed = indicator.Change(change.Name, change.Kind, change.Unit, change.Baseline, change.Target, retired);
        return await SaveAsync(indicator, changed, ct);
    }

    /// <summary>Makes exactly these bodies report on the objective; the editor and the importer both assign through it.</summary>
    internal static async Task AssignAsync(AppDbContext db, int objectiveId, IReadOnlyCollection<int> bodyIds, CancellationToken ct)
    {
        var current = await db.Assignments.Where(a => a.ObjectiveId == objectiveId).ToListAsync(ct);
        db.Assignments.RemoveRange(current.Where(a => !bodyIds.Contains(a.BodyId)));
        db.Assignments.AddRange(bodyIds.Where(id => current.TrueForAll(a => a.BodyId != id)).Select(id => new Assignment(objectiveId, id)));
    }

    /// <summary>A new item's code follows its pattern and is not taken.</summary>
    private static List<FieldError> CodeErrors(string? typed, bool wellFormed, bool taken, bool objective, string example) =>
        !wellFormed ? [new FieldError("Code", objective
            ? $"'{typed}' is not an objective code: use capitals and digits joined by hyphens, such as {example}."
            : $"'{typed}' is not an indicator code: use capitals, digits, dots and hyphens, such as {example}.")]
        : taken ? [new FieldError("Code", objective
            ? $"An objective with the code {typed!.Trim().ToUpperInvariant()} already exists."
            : $"An indicator with the code {typed!.Trim().ToUpperInvariant()} already exists.")]
        : [];

    private async Task<Result<T>> SaveAsync<T>(T changed, Result result, CancellationToken ct)
        where T : class
    {
        if (!result.Succeeded)
        {
            return result;
        }

        await db.SaveChangesAsync(ct);
        return changed;
    }
}
