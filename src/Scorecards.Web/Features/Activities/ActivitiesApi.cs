using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Scorecards.Data;
using Scorecards.Domain;
using Scorecards.Domain.Activities;
using Scorecards.Web.Infrastructure;
using Scorecards.Web.Infrastructure.Spreadsheets;

namespace Scorecards.Web.Features.Activities;

public static class ActivitiesApi
{
    public static void MapActivitiesApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/activities").WithTags("Activities");
        group.MapGet("", SearchAsync).WithSummary("The activities register: filter by body, kind, area, member, from/to dates, status and text (q); paged.");
        group.MapGet("/export", ExportAsync)
            .WithSummary("The filtered register as a file: format=csv or xlsx, with the same filters as the list; the columns are those of the import.");
        group.MapPost("/import", ImportAsync).WithMetadata(new RequestSizeLimitAttribute(ActivityImporter.MaxBytes))
            .WithSummary("Imports activities from the body, sent as text/csv or as an .xlsx workbook. dryRun=true previews; otherwise the file is applied "
                + "in full, or, if any row is rejected, not at all (422 with every rejected row).")
            .AcceptsFile("The register as CSV (UTF-8) or an .xlsx workbook, with the columns of the export.", "Some rows are rejected; nothing was changed (`import.rejected`, with every row under `preview`).", "text/csv", UploadedSheet.XlsxType);
        group.MapGet("/{id:int}", GetAsync).WithSummary("One activity.");
        group.MapPost("", CreateAsync).WithSummary("Adds an activity; reporters add their own body's, administrators any body's.");
        group.MapPut("/{id:int}", UpdateAsync).WithSummary("Changes an activity.");
        group.MapPost("/{id:int}/archive", (int id, ClaimsPrincipal user, ActivityService activities, AppDbContext db, CancellationToken ct) =>
            ArchiveAsync(id, archive: true, user, activities, db, ct)).WithSummary("Archives an activity: it leaves the register but is never deleted.");
        group.MapPost("/{id:int}/restore", (int id, ClaimsPrincipal user, ActivityService activities, AppDbContext db, CancellationToken ct) =>
            ArchiveAsync(id, archive: false, user, activities, db, ct)).WithSummary("Brings an archived activity back into the register.");
    }

    private static async Task<Results<Ok<ActivityPage>, ProblemHttpResult>> SearchAsync(string? body, string? kind, string? area, string? member,
        DateOnly? from, DateOnly? to, string? q, string? status, bool? archived, int? page, int? pageSize, AppDbContext db, CancellationToken ct)
    {
        var (filter, problem) = ReadFilter(body, kind, area, member, from, to, q, status, archived, page, pageSize);
        return problem ?? (Results<Ok<ActivityPage>, ProblemHttpResult>)TypedResults.Ok(await ActivityQueries.SearchAsync(db, filter!, ct));
    }

    private static async Task<IResult> ExportAsync(string? format, string? body, string? kind, string? area, string? member,
        DateOnly? from, DateOnly? to, string? q, string? status, bool? archived, HttpContext http, AppDbContext db, CancellationToken ct)
    {
        var (filter, problem) = ReadFilter(body, kind, area, member, from, to, q, status, archived, null, null);
        if (problem is not null)
        {
            return problem;
        }

        if (SheetWriter.Format(format) is not { } chosen)
        {
            return SheetWriter.UnknownFormat(format);
        }

        var table = ActivitySheet.ToTable(await ActivityQueries.ListAsync(db, filter!, ct));
        await SheetWriter.SendAsync(http.Response, table, chosen, "activities", ct);
        return TypedResults.Empty;
    }

    private static async Task<IResult> ImportAsync(bool? dryRun, string? fileName, HttpRequest request, ClaimsPrincipal user, ActivityService activities,
        CancellationToken ct)
    {
        if ((await activities.ManagedBodiesAsync(user, ct)).Count == 0)
        {
            return TypedResults.Forbid();
        }

        var (name, content, problem) = await RequestBodies.ReadSheetAsync(request, fileName, "activities", ActivityImporter.MaxBytes, ct);
        if (problem is not null)
        {
            return problem;
        }

        if (dryRun == true)
        {
            return TypedResults.Ok(await activities.PreviewImportAsync(user, name, content, ct));
        }

        return (await activities.ApplyImportAsync(user, name, content, ct)).Answer();
    }

    private static (ActivityFilter? Filter, ProblemHttpResult? Problem) ReadFilter(string? body, string? kind, string? area, string? member,
        DateOnly? from, DateOnly? to, string? q, string? status, bool? archived, int? page, int? pageSize)
    {
        ActivityKind? parsedKind = null;
        if (!string.IsNullOrWhiteSpace(kind))
        {
            if (!Enum.TryParse<ActivityKind>(kind, ignoreCase: true, out var k))
            {
                return (null, ApiProblems.Problem(StatusCodes.Status400BadRequest, "validation", $"'{kind}' is not a kind of activity; use one of {string.Join(", ", Enum.GetNames<ActivityKind>())}."));
            }

            parsedKind = k;
        }

        ActivityStatus? parsedStatus = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!Enum.TryParse<ActivityStatus>(status, ignoreCase: true, out var s))
            {
                return (null, ApiProblems.Problem(StatusCodes.Status400BadRequest, "validation", $"'{status}' is not a status; use planned, delivered or cancelled."));
            }

            parsedStatus = s;
        }

        return (new ActivityFilter(body, parsedKind, area, member, from, to, q, parsedStatus, archived ?? false, page ?? 1, pageSize ?? 25), null);
    }

    private static async Task<Results<Ok<ActivityDto>, ProblemHttpResult>> GetAsync(int id, AppDbContext db, CancellationToken ct) =>
        await ActivityQueries.GetAsync(db, id, ct) is { } activity ? TypedResults.Ok(activity) : ApiProblems.NotFound($"Activity {id}");

    private static async Task<Results<Created<ActivityDto>, ProblemHttpResult>> CreateAsync(ActivityRequest body, ClaimsPrincipal user,
        ActivityService activities, AppDbContext db, CancellationToken ct)
    {
        var saved = await activities.SaveAsync(user, null, body, ct);
        return saved.Succeeded
            ? TypedResults.Created($"/api/v1/activities/{saved.Value!.Id}", (await ActivityQueries.GetAsync(db, saved.Value.Id, ct))!)
            : ApiProblems.From(saved.Outcome);
    }

    private static async Task<Results<Ok<ActivityDto>, ProblemHttpResult>> UpdateAsync(int id, ActivityRequest body, ClaimsPrincipal user,
        ActivityService activities, AppDbContext db, CancellationToken ct)
    {
        return await ActivityOrProblemAsync(await activities.SaveAsync(user, id, body, ct), db, ct);
    }

    private static async Task<Results<Ok<ActivityDto>, ProblemHttpResult>> ArchiveAsync(int id, bool archive, ClaimsPrincipal user,
        ActivityService activities, AppDbContext db, CancellationToken ct) =>
        await ActivityOrProblemAsync(await activities.ArchiveAsync(user, id, archive, ct), db, ct);

    private static async Task<Results<Ok<ActivityDto>, ProblemHttpResult>> ActivityOrProblemAsync(Result<Activity> result, AppDbContext db, CancellationToken ct) =>
        result.Succeeded ? TypedResults.Ok((await ActivityQueries.GetAsync(db, result.Value!.Id, ct))!) : ApiProblems.From(result.Outcome);
}
