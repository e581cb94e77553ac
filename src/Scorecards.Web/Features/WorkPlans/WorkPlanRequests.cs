using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Domain;
using Scorecards.Domain.Scorecards;
using Scorecards.Domain.WorkPlans;
using Scorecards.Web.Features.Shared;
using Scorecards.Web.Infrastructure;

namespace Scorecards.Web.Features.WorkPlans;

public sealed record WorkPlanRequest(string? Body, string? Title, DateOnly? StartDate, DateOnly? EndDate, string? Description);

/// <summary>A work plan item as a client or form sends it: objectives by code, activities by id (of the plan's body).</summary>
public sealed record WorkPlanItemRequest(string? Title, string? Description, DateOnly? TargetStart, DateOnly? TargetEnd,
    [MaxLength(RequestLimits.Codes, ErrorMessage = RequestLimits.TooMany)] IReadOnlyList<string>? Objectives, [MaxLength(RequestLimits.Ids, ErrorMessage = RequestLimits.TooMany)] IReadOnlyList<int>? Activities)
{
    public async Task<Result<WorkPlanItemValues>> ToValuesAsync(AppDbContext db, WorkPlan plan, CancellationToken ct)
    {
        var lookups = await Lookups.LoadAsync(db, ct);
        var errors = new List<FieldError>();
        var objectiveIds = new List<int>();
        foreach (var code in (Objectives ?? []).Where(c => !string.IsNullOrWhiteSpace(c)))
        {
            if (lookups.Objectives.TryGetValue(code.Trim(), out var objective))
            {
                objectiveIds.Add(objective.Id);
            }
            else
            {
                errors.Add(new FieldError("objectives", $"'{code.Trim()}' is not an objective."));
            }
        }

        var wanted = (Activities ?? []).Distinct().ToList();
        var found = await db.Activities.AsNoTracking().Where(a => wanted.Contains(a.Id)).Select(a => new { a.Id, a.LeadBodyId }).ToListAsync(ct);
        foreach (var id in wanted)
        {
            var activity = found.Find(a => a.Id == id);
            if (activity is null)
            {
                errors.Add(new FieldError("activities", $"There is no activity {id}."));
            }
            else if (activity.LeadBodyId != plan.BodyId)
            {
                errors.Add(new FieldError("activities", $"Activity {id} is led by another body; an item links only its own body's activities."));
            }
        }

        var values = new WorkPlanItemValues(Title, Description, TargetStart, TargetEnd, objectiveIds, wanted);
        errors.AddRange(values.Validate(plan.StartDate, plan.EndDate).Select(e => e with { Field = char.ToLowerInvariant(e.Field[0]) + e.Field[1..] })
            .Where(e => !errors.Exists(x => x.Field == e.Field)));
        return errors.Count > 0 ? Result.Invalid(errors) : values;
    }
}

/// <summary>Sets an item's status by hand with a reason; an empty status returns it to following its activities.</summary>
public sealed record ItemStatusRequest(string? Status, string? Reason)
{
    public (WorkPlanItemStatus? Status, FieldError? Error) Parse()
    {
        if (string.IsNullOrWhiteSpace(Status) || Status.Trim().Equals("auto", StringComparison.OrdinalIgnoreCase))
        {
            return (null, null);
        }

        var wanted = new string(Status.Where(char.IsLetter).ToArray());
        return Enum.TryParse<WorkPlanItemStatus>(wanted, ignoreCase: true, out var status)
            ? (status, null)
            : (null, new FieldError("status", $"'{Status}' is not a status of an item; use not started, under way, delivered, dropped, or auto to follow its activities."));
    }
}
