using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Domain.Activities;
using Scorecards.Domain.WorkPlans;

namespace Scorecards.Web.Features.WorkPlans;

public sealed record LinkedActivity(int Id, string Title, DateOnly StartDate, DateOnly EndDate, DatePrecision DatePrecision, ActivityStatus Status)
{
    public string Dates => ActivityDates.Describe(DatePrecision, StartDate, EndDate);
}

public sealed record WorkPlanItemDto(int Id, int Number, string Title, string? Description, DateOnly TargetStart, DateOnly TargetEnd,
    IReadOnlyList<string> Objectives, IReadOnlyList<LinkedActivity> Activities, WorkPlanItemStatus Status, string StatusLabel,
    WorkPlanItemStatus FollowsActivities, bool IsOverridden, string? OverrideReason);

public sealed record WorkPlanDto(int Id, string Body, string Title, DateOnly StartDate, DateOnly EndDate, string? Description,
    IReadOnlyList<WorkPlanItemDto> Items, int BodyId)
{
    public int Count(WorkPlanItemStatus status) => Items.Count(i => i.Status == status);
}

/// <summary>Work plans with each item's status worked out from its activities, unless set by hand.</summary>
public static class WorkPlanQueries
{

    public static async Task<List<WorkPlanDto>> ListAsync(AppDbContext db, string? body, CancellationToken ct)
    {
        var query = db.WorkPlans.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(body))
        {
            var code = body.Trim().ToUpperInvariant();
            query = query.Where(p => db.Bodies.Any(b => b.Id == p.BodyId && b.Code == code));
        }

        var plans = await query.OrderBy(p => p.BodyId).ThenByDescending(p => p.StartDate)
            .Include(p => p.Items).ThenInclude(i => i.Objectives)
            .Include(p => p.Items).ThenInclude(i => i.Activities)
            .AsSplitQuery().ToListAsync(ct);
        return await ToDtosAsync(db, plans, ct);
    }

    public static async Task<WorkPlanDto?> GetAsync(AppDbContext db, int id, CancellationToken ct)
    {
        var plan = await db.WorkPlans.AsNoTracking()
            .Include(p => p.Items).ThenInclude(i => i.Objectives)
            .Include(p => p.Items).ThenInclude(i => i.Activities)
            .AsSplitQuery().SingleOrDefaultAsync(p => p.Id == id, ct);
        return plan is null ? null : (await ToDtosAsync(db, [plan], ct))[0];
    }

    /// <summary>A plan with its items and their links, tracked for a change.</summary>
    public static Task<WorkPlan?> LoadForChangeAsync(AppDbContext db, int id, CancellationToken ct) =>
        db.WorkPlans.Include(p => p.Items).ThenInclude(i => i.Objectives).Include(p => p.Items).ThenInclude(i => i.Activities)
            .AsSplitQuery().SingleOrDefaultAsync(p => p.Id == id, ct);

    private static async Task<List<WorkPlanDto>> ToDtosAsync(AppDbContext db, List<WorkPlan> plans, CancellationToken ct)
    {
        var bodies = await db.Bodies.AsNoTracking().ToDictionaryAsync(b => b.Id, b => b.Code, ct);
        var objectiveIds = plans.SelectMany(p => p.Items).SelectMany(i => i.Objectives).Select(o => o.ObjectiveId).Distinct().ToList();
        var objectives = await db.Objectives.AsNoTracking().Where(o => objectiveIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Code, ct);
        var activityIds = plans.SelectMany(p => p.Items).SelectMany(i => i.Activities).Select(a => a.ActivityId).Distinct().ToList();
        var activities = await db.Activities.AsNoTracking().Where(a => activityIds.Contains(a.Id))
            .Select(a => new LinkedActivity(a.Id, a.Title, a.StartDate, a.EndDate, a.DatePrecision, a.Status)).ToDictionaryAsync(a => a.Id, ct);
        return plans.Select(p => new WorkPlanDto(p.Id, bodies.GetValueOrDefault(p.BodyId, ""), p.Title, p.StartDate, p.EndDate, p.Description,
            p.Items.OrderBy(i => i.Number).Select(i =>
            {
                var linked = i.Activities.Select(a => activities[a.ActivityId]).OrderBy(a => a.StartDate).ToList();
                var derived = WorkPlanItem.Derive(linked.Select(a => a.Status));
                var status = i.StatusOverride ?? derived;
                return new WorkPlanItemDto(i.Id, i.Number, i.Title, i.Description, i.TargetStart, i.TargetEnd,
                    i.Objectives.Select(o => objectives.GetValueOrDefault(o.ObjectiveId, "")).Order(StringComparer.Ordinal).ToList(), linked,
                    status, WorkPlanItem.Label(status), derived, i.StatusOverride is not null, i.OverrideReason);
            }).ToList(), p.BodyId)).ToList();
    }
}
