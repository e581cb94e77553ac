using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Scorecards.Data;
using Scorecards.Domain;
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

    private static async Task<Results<Created<WorkPlanDto>, ProblemHttpResult>> CreateAsync(WorkPlanRequest body, ClaimsPrincipal user,
        WorkPlanService plans, AppDbContext db, CancellationToken ct)
    {
        var created = await plans.CreateAsync(user, body, ct);
        return created.Succeeded
            ? TypedResults.Created($"/api/v1/workplans/{created.Value!.Id}", (await WorkPlanQueries.GetAsync(db, created.Value.Id, ct))!)
            : ApiProblems.From(created.Outcome);
    }

    private static async Task<Results<Ok<WorkPlanDto>, ProblemHttpResult>> UpdateAsync(int id, WorkPlanRequest body, ClaimsPrincipal user,
        WorkPlanService plans, AppDbContext db, CancellationToken ct)
    {
        return await PlanOrProblemAsync(id, (await plans.ChangeAsync(user, id, body, ct)).Outcome, db, ct);
    }

    private static Task<Results<Ok<WorkPlanDto>, ProblemHttpResult>> AddItemAsync(int id, WorkPlanItemRequest body, ClaimsPrincipal user,
        WorkPlanService plans, AppDbContext db, CancellationToken ct) => SaveItemAsync(id, null, body, user, plans, db, ct);

    private static Task<Results<Ok<WorkPlanDto>, ProblemHttpResult>> UpdateItemAsync(int id, int itemId, WorkPlanItemRequest body,
        ClaimsPrincipal user, WorkPlanService plans, AppDbContext db, CancellationToken ct) => SaveItemAsync(id, itemId, body, user, plans, db, ct);

    private static async Task<Results<Ok<WorkPlanDto>, ProblemHttpResult>> SaveItemAsync(int id, int? itemId, WorkPlanItemRequest body,
        ClaimsPrincipal user, WorkPlanService plans, AppDbContext db, CancellationToken ct)
    {
        return await PlanOrProblemAsync(id, (await plans.SaveItemAsync(user, id, itemId, body, null, ct)).Outcome, db, ct);
    }

    private static async Task<Results<Ok<WorkPlanDto>, ProblemHttpResult>> SetStatusAsync(int id, int itemId, ItemStatusRequest body,
        ClaimsPrincipal user, WorkPlanService plans, AppDbContext db, CancellationToken ct)
    {
        return await PlanOrProblemAsync(id, (await plans.SetItemStatusAsync(user, id, itemId, body, ct)).Outcome, db, ct);
    }

    private static async Task<Results<Ok<WorkPlanDto>, ProblemHttpResult>> PlanOrProblemAsync(int id, Result outcome, AppDbContext db, CancellationToken ct) =>
        outcome.Succeeded ? TypedResults.Ok((await WorkPlanQueries.GetAsync(db, id, ct))!) : ApiProblems.From(outcome);
}
