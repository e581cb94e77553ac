using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Domain;
using Scorecards.Domain.Scorecards;
using Scorecards.Domain.WorkPlans;
using Scorecards.Web.Infrastructure.Authorization;

namespace Scorecards.Web.Features.WorkPlans;

/// <summary>
/// Every change to work plans and their items, for the pages and the API alike: each loads what it changes, asks
/// <see cref="WorkOperations.Manage"/> of the plan, applies the domain's rules, saves, and says how it went.
/// </summary>
public sealed class WorkPlanService(AppDbContext db, IAuthorizationService authorization)
{
    public Task<bool> CanManageAsync(ClaimsPrincipal user, WorkPlan plan) => AllowedAsync(user, plan);

    /// <summary>The bodies the person may plan for.</summary>
    public async Task<IReadOnlyList<string>> ManagedBodyCodesAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var managed = new List<string>();
        foreach (var body in await db.Bodies.AsNoTracking().OrderBy(b => b.Id).Select(b => new { b.Id, b.Code }).ToListAsync(ct))
        {
            if (await AllowedAsync(user, new WorkPlan(body.Id, "", DateOnly.MinValue, DateOnly.MinValue)))
            {
                managed.Add(body.Code);
            }
        }

        return managed;
    }

    public async Task<Result<WorkPlan>> CreateAsync(ClaimsPrincipal user, WorkPlanRequest request, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var code = request.Body?.Trim().ToUpperInvariant();
        var bodyId = code is null ? null : await db.Bodies.Where(b => b.Code == code).Select(b => (int?)b.Id).SingleOrDefaultAsync(ct);
        if (bodyId is null)
        {
            errors.Add(new FieldError("body", string.IsNullOrWhiteSpace(request.Body) ? "Choose the body whose plan it is." : $"'{request.Body}' is not a reporting body."));
        }

        errors.AddRange(WorkPlan.Check(request.Title, request.StartDate, request.EndDate));
        if (errors.Count > 0)
        {
            return Result.Invalid(errors);
        }

        var plan = new WorkPlan(bodyId!.Value, request.Title!.Trim(), request.StartDate!.Value, request.EndDate!.Value);
        if (!await AllowedAsync(user, plan))
        {
            return Result.Forbidden();
        }

        plan.Change(request.Title, request.StartDate, request.EndDate, request.Description);
        db.WorkPlans.Add(plan);
        await db.SaveChangesAsync(ct);
        return plan;
    }

    /// <summary>Changes a plan's name, period and description (its body stays).</summary>
    public async Task<Result<WorkPlan>> ChangeAsync(ClaimsPrincipal user, int id, WorkPlanRequest request, CancellationToken ct)
    {
        var plan = await db.WorkPlans.Include(p => p.Items).SingleOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null)
        {
            return Result.NotFound($"Work plan {id}");
        }

        if (!await AllowedAsync(user, plan))
        {
            return Result.Forbidden();
        }

        var changed = plan.Change(request.Title, request.StartDate, request.EndDate, request.Description);
        if (!changed.Succeeded)
        {
            return changed;
        }

        await db.SaveChangesAsync(ct);
        return plan;
    }

    /// <summary>
    /// Adds an item (no <paramref name="itemId"/>) or changes one; with <paramref name="status"/> its status is set in the
    /// same save, so an item and its status are kept or refused together.
    /// </summary>
    public async Task<Result<WorkPlanItem>> SaveItemAsync(ClaimsPrincipal user, int id, int? itemId, WorkPlanItemRequest request,
        ItemStatusRequest? status, CancellationToken ct)
    {
        var (plan, item, refusal) = await LoadItemAsync(user, id, itemId, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var values = await request.ToValuesAsync(db, plan!, ct);
        var parsed = status?.Parse();
        var errors = values.Outcome.Errors.ToList();
        if (parsed?.Error is { } statusError)
        {
            errors.Add(statusError);
        }

        if (errors.Count > 0)
        {
            return Result.Invalid(errors);
        }

        item ??= plan!.AddItem(values.Value!.Title!);
        var applied = item.Apply(values.Value!, plan!.StartDate, plan.EndDate);
        if (applied.Succeeded && parsed is { } p)
        {
            applied = item.Override(p.Status, status!.Reason);
        }

        if (!applied.Succeeded)
        {
            return applied;
        }

        await db.SaveChangesAsync(ct);
        return item;
    }

    /// <summary>Sets an item's status by hand with a reason, or lets it follow its activities again.</summary>
    public async Task<Result<WorkPlanItem>> SetItemStatusAsync(ClaimsPrincipal user, int id, int itemId, ItemStatusRequest request, CancellationToken ct)
    {
        var (_, item, refusal) = await LoadItemAsync(user, id, itemId, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var (status, error) = request.Parse();
        var result = error is not null ? Result.Invalid([error]) : item!.Override(status, request.Reason);
        if (!result.Succeeded)
        {
            return result;
        }

        await db.SaveChangesAsync(ct);
        return item!;
    }

    private async Task<(WorkPlan? Plan, WorkPlanItem? Item, Result? Refusal)> LoadItemAsync(ClaimsPrincipal user, int id, int? itemId, CancellationToken ct)
    {
        var plan = await WorkPlanQueries.LoadForChangeAsync(db, id, ct);
        var item = itemId is { } i ? plan?.Items.FirstOrDefault(x => x.Id == i) : null;
        if (plan is null || (itemId is not null && item is null))
        {
            return (null, null, Result.NotFound(plan is null ? $"Work plan {id}" : $"Item {itemId} of work plan {id}"));
        }

        return await AllowedAsync(user, plan) ? (plan, item, null) : (null, null, Result.Forbidden());
    }

    private async Task<bool> AllowedAsync(ClaimsPrincipal user, WorkPlan plan) =>
        (await authorization.AuthorizeAsync(user, plan, WorkOperations.Manage)).Succeeded;
}
