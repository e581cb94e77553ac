using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Domain.Scorecards;
using Scorecards.Domain.WorkPlans;
using Scorecards.Web.Infrastructure;

namespace Scorecards.Web.Features.WorkPlans;

public static class WorkPlansApi
{
    public static void MapWorkPlansApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/workplans").WithTags("Work plans");
        group.MapGet("", async (string? body, AppDbContext db, CancellationToken ct) => TypedResults.Ok(await WorkPlanQueries.ListAsync(db, body, ct)))
            .WithSummary("Work plans with their items, each item's status and the activities that deliver it; filter by body.");
        group.MapGet("/{id:int}", GetAsync).WithSummary("One work plan.");
        group.MapPost("", CreateAsync).WithSummary("Adds a work plan for a body; its reporters or administrators.");
        group.MapPut("/{id:int}", UpdateAsync).WithSummary("Changes a work plan's name, period and description.");
        group.MapPost("/{id:int}/items", AddItemAsync).WithSummary("Adds an item: title, target period, objectives (codes) and activities (ids).");
        group.MapPut("/{id:int}/items/{itemId:int}", UpdateItemAsync).WithSummary("Changes an item.");
        group.MapPost("/{id:int}/items/{itemId:int}/status", SetStatusAsync)
            .WithSummary("Sets an item's status by hand with a reason, or with status 'auto' lets it follow its activities again.");
    }

    private static async Task<Results<Ok<WorkPlanDto>, ProblemHttpResult>> GetAsync(int id, AppDbContext db, CancellationToken ct) =>
        await WorkPlanQueries.GetAsync(db, id, ct) is { } plan ? TypedResults.Ok(plan) : ApiProblems.NotFound($"Work plan {id}");

    private static async Task<Results<Created<WorkPlanDto>, ProblemHttpResult, ForbidHttpResult>> CreateAsync(HttpRequest request, ClaimsPrincipal user,
        AppDbContext db, CancellationToken ct)
    {
        var (body, problem) = await ApiProblems.ReadJsonAsync<WorkPlanRequest>(request, ct);
        if (problem is not null)
        {
            return problem;
        }

        var (plan, errors) = await WorkPlanCommands.CreateAsync(db, body!, user, ct);
        return plan is null
            ? errors.Count == 0 ? TypedResults.Forbid() : ApiProblems.Validation(errors)
            : TypedResults.Created($"/api/v1/workplans/{plan.Id}", (await WorkPlanQueries.GetAsync(db, plan.Id, ct))!);
    }

    private static async Task<Results<Ok<WorkPlanDto>, ProblemHttpResult, ForbidHttpResult>> UpdateAsync(int id, HttpRequest request, ClaimsPrincipal user,
        AppDbContext db, CancellationToken ct)
    {
        var plan = await db.WorkPlans.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null)
        {
            return ApiProblems.NotFound($"Work plan {id}");
        }

        if (!WorkPlanQueries.CanManage(user, plan.BodyId))
        {
            return TypedResults.Forbid();
        }

        var (body, problem) = await ApiProblems.ReadJsonAsync<WorkPlanRequest>(request, ct);
        if (problem is not null)
        {
            return problem;
        }

        var result = plan.Change(body!.Title, body.StartDate, body.EndDate, body.Description);
        if (!result.Succeeded)
        {
            return ApiProblems.FromResult(result, StatusCodes.Status400BadRequest);
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok((await WorkPlanQueries.GetAsync(db, id, ct))!);
    }

    private static Task<Results<Ok<WorkPlanDto>, ProblemHttpResult, ForbidHttpResult>> AddItemAsync(int id, HttpRequest request, ClaimsPrincipal user,
        AppDbContext db, CancellationToken ct) => ChangeItemAsync(id, null, request, user, db, ct);

    private static Task<Results<Ok<WorkPlanDto>, ProblemHttpResult, ForbidHttpResult>> UpdateItemAsync(int id, int itemId, HttpRequest request,
        ClaimsPrincipal user, AppDbContext db, CancellationToken ct) => ChangeItemAsync(id, itemId, request, user, db, ct);

    private static async Task<Results<Ok<WorkPlanDto>, ProblemHttpResult, ForbidHttpResult>> ChangeItemAsync(int id, int? itemId, HttpRequest request,
        ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var plan = await WorkPlanQueries.LoadForChangeAsync(db, id, ct);
        var item = itemId is { } i ? plan?.Items.FirstOrDefault(x => x.Id == i) : null;
        if (plan is null || (itemId is not null && item is null))
        {
            return ApiProblems.NotFound(plan is null ? $"Work plan {id}" : $"Item {itemId} of work plan {id}");
        }

        if (!WorkPlanQueries.CanManage(user, plan.BodyId))
        {
            return TypedResults.Forbid();
        }

        var (body, problem) = await ApiProblems.ReadJsonAsync<WorkPlanItemRequest>(request, ct);
        if (problem is not null)
        {
            return problem;
        }

        var errors = await WorkPlanCommands.SaveItemAsync(db, plan, item, body!, ct);
        return errors.Count > 0 ? ApiProblems.Validation(errors) : TypedResults.Ok((await WorkPlanQueries.GetAsync(db, id, ct))!);
    }

    private static async Task<Results<Ok<WorkPlanDto>, ProblemHttpResult, ForbidHttpResult>> SetStatusAsync(int id, int itemId, HttpRequest request,
        ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var plan = await db.WorkPlans.Include(p => p.Items).SingleOrDefaultAsync(p => p.Id == id, ct);
        var item = plan?.Items.FirstOrDefault(x => x.Id == itemId);
        if (plan is null || item is null)
        {
            return ApiProblems.NotFound($"Item {itemId} of work plan {id}");
        }

        if (!WorkPlanQueries.CanManage(user, plan.BodyId))
        {
            return TypedResults.Forbid();
        }

        var (body, problem) = await ApiProblems.ReadJsonAsync<ItemStatusRequest>(request, ct);
        if (problem is not null)
        {
            return problem;
        }

        var (status, error) = body!.Parse();
        if (error is not null)
        {
            return ApiProblems.Validation([error]);
        }

        var result = item.Override(status, body.Reason);
        if (!result.Succeeded)
        {
            return ApiProblems.Validation([new FieldError("reason", result.Message!)]);
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok((await WorkPlanQueries.GetAsync(db, id, ct))!);
    }
}

/// <summary>Changes shared by the pages and the API.</summary>
public static class WorkPlanCommands
{
    /// <summary>Creates a plan; no plan and no errors means the person may not plan for that body.</summary>
    public static async Task<(WorkPlan? Plan, IReadOnlyList<FieldError> Errors)> CreateAsync(AppDbContext db, WorkPlanRequest request, ClaimsPrincipal user,
        CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var code = request.Body?.Trim().ToUpperInvariant();
        var bodyId = code is null ? null : await db.Bodies.Where(b => b.Code == code).Select(b => (int?)b.Id).SingleOrDefaultAsync(ct);
        if (bodyId is null)
        {
            errors.Add(new FieldError("body", string.IsNullOrWhiteSpace(request.Body) ? "Choose the body whose plan it is." : $"'{request.Body}' is not a reporting body."));
        }

        errors.AddRange(WorkPlan.Check(request.Title, request.StartDate, request.EndDate)
            .Select(e => e with { Field = char.ToLowerInvariant(e.Field[0]) + e.Field[1..] }));
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        if (!WorkPlanQueries.CanManage(user, bodyId!.Value))
        {
            return (null, []);
        }

        var plan = new WorkPlan(bodyId.Value, request.Title!.Trim(), request.StartDate!.Value, request.EndDate!.Value);
        plan.Change(request.Title, request.StartDate, request.EndDate, request.Description);
        db.WorkPlans.Add(plan);
        await db.SaveChangesAsync(ct);
        return (plan, []);
    }

    /// <summary>Adds an item (when <paramref name="item"/> is null) or changes one; returns the errors, if any, and saves otherwise.</summary>
    public static async Task<IReadOnlyList<FieldError>> SaveItemAsync(AppDbContext db, WorkPlan plan, WorkPlanItem? item, WorkPlanItemRequest request,
        CancellationToken ct)
    {
        var (values, errors) = await request.ToValuesAsync(db, plan, ct);
        if (values is null)
        {
            return errors;
        }

        item ??= plan.AddItem(values.Title!);
        item.Apply(values, plan.StartDate, plan.EndDate);
        await db.SaveChangesAsync(ct);
        return [];
    }
}
