using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Domain.Activities;
using Scorecards.Web.Infrastructure;

namespace Scorecards.Web.Features.Activities;

public static class ActivitiesApi
{
    public static void MapActivitiesApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/activities").WithTags("Activities");
        group.MapGet("", SearchAsync).WithSummary("The activities register: filter by body, kind, area, member, from/to dates, status and text (q); paged.");
        group.MapGet("/{id:int}", GetAsync).WithSummary("One activity.");
        group.MapPost("", CreateAsync).WithSummary("Adds an activity; reporters add their own body's, administrators any body's.");
        group.MapPut("/{id:int}", UpdateAsync).WithSummary("Changes an activity.");
        group.MapPost("/{id:int}/archive", (int id, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
            ArchiveAsync(id, archive: true, user, db, ct)).WithSummary("Archives an activity: it leaves the register but is never deleted.");
        group.MapPost("/{id:int}/restore", (int id, ClaimsPrincipal user, AppDbContext db, CancellationToken ct) =>
            ArchiveAsync(id, archive: false, user, db, ct)).WithSummary("Brings an archived activity back into the register.");
    }

    private static async Task<Results<Ok<ActivityPage>, ProblemHttpResult>> SearchAsync(string? body, string? kind, string? area, string? member,
        DateOnly? from, DateOnly? to, string? q, string? status, bool? archived, int? page, int? pageSize, AppDbContext db, CancellationToken ct)
    {
        ActivityKind? parsedKind = null;
        if (!string.IsNullOrWhiteSpace(kind))
        {
            if (!Enum.TryParse<ActivityKind>(kind, ignoreCase: true, out var k))
            {
                return ApiProblems.Problem(StatusCodes.Status400BadRequest, "validation", $"'{kind}' is not a kind of activity; use one of {string.Join(", ", Enum.GetNames<ActivityKind>())}.");
            }

            parsedKind = k;
        }

        ActivityStatus? parsedStatus = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!Enum.TryParse<ActivityStatus>(status, ignoreCase: true, out var s))
            {
                return ApiProblems.Problem(StatusCodes.Status400BadRequest, "validation", $"'{status}' is not a status; use planned, delivered or cancelled.");
            }

            parsedStatus = s;
        }

        return TypedResults.Ok(await ActivityQueries.SearchAsync(db,
            new ActivityFilter(body, parsedKind, area, member, from, to, q, parsedStatus, archived ?? false, page ?? 1, pageSize ?? 25), ct));
    }

    private static async Task<Results<Ok<ActivityDto>, ProblemHttpResult>> GetAsync(int id, AppDbContext db, CancellationToken ct) =>
        await ActivityQueries.GetAsync(db, id, ct) is { } activity ? TypedResults.Ok(activity) : ApiProblems.NotFound($"Activity {id}");

    private static async Task<Results<Created<ActivityDto>, ProblemHttpResult, ForbidHttpResult>> CreateAsync(HttpRequest request, ClaimsPrincipal user,
        AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var (values, problem) = await ReadValuesAsync(request, db, ct);
        if (problem is not null)
        {
            return problem;
        }

        if (!ActivityQueries.CanManage(user, values!.LeadBodyId!.Value))
        {
            return TypedResults.Forbid();
        }

        var activity = new Activity(values.Title!);
        activity.Apply(values, clock.GetUtcNow().UtcDateTime);
        db.Activities.Add(activity);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/activities/{activity.Id}", (await ActivityQueries.GetAsync(db, activity.Id, ct))!);
    }

    private static async Task<Results<Ok<ActivityDto>, ProblemHttpResult, ForbidHttpResult>> UpdateAsync(int id, HttpRequest request, ClaimsPrincipal user,
        AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var activity = await ActivityQueries.LoadForChangeAsync(db, id, ct);
        if (activity is null)
        {
            return ApiProblems.NotFound($"Activity {id}");
        }

        if (!ActivityQueries.CanManage(user, activity.LeadBodyId))
        {
            return TypedResults.Forbid();
        }

        var (values, problem) = await ReadValuesAsync(request, db, ct);
        if (problem is not null)
        {
            return problem;
        }

        // Moving an activity to another body needs rights over that body too.
        if (!ActivityQueries.CanManage(user, values!.LeadBodyId!.Value))
        {
            return TypedResults.Forbid();
        }

        activity.Apply(values, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok((await ActivityQueries.GetAsync(db, id, ct))!);
    }

    // The body as JSON, with its names and codes resolved; a problem says what is wrong and where.
    private static async Task<(ActivityValues? Values, ProblemHttpResult? Problem)> ReadValuesAsync(HttpRequest request, AppDbContext db, CancellationToken ct)
    {
        var (body, problem) = await ApiProblems.ReadJsonAsync<ActivityRequest>(request, ct);
        if (problem is not null)
        {
            return (null, problem);
        }

        var (values, errors) = await body!.ToValuesAsync(db, ct);
        return values is null ? (null, ApiProblems.Validation(errors)) : (values, null);
    }

    private static async Task<Results<Ok<ActivityDto>, ProblemHttpResult, ForbidHttpResult>> ArchiveAsync(int id, bool archive, ClaimsPrincipal user,
        AppDbContext db, CancellationToken ct)
    {
        var activity = await db.Activities.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (activity is null)
        {
            return ApiProblems.NotFound($"Activity {id}");
        }

        if (!ActivityQueries.CanManage(user, activity.LeadBodyId))
        {
            return TypedResults.Forbid();
        }

        if (archive)
        {
            activity.Archive();
        }
        else
        {
            activity.Restore();
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok((await ActivityQueries.GetAsync(db, id, ct))!);
    }
}
