using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Scorecards.Data;
using Scorecards.Domain;
using Scorecards.Domain.Secondments;
using Scorecards.Web.Features.Shared;
using Scorecards.Web.Infrastructure;
using Scorecards.Web.Infrastructure.Spreadsheets;

namespace Scorecards.Web.Features.Secondments;

public static class SecondmentsApi
{
    public static void MapSecondmentsApi(this RouteGroupBuilder api)
    {
        var secondments = api.MapGroup("/secondments").WithTags("RSO secondment programme");
        secondments.MapGet("", ListAsync)
            .WithSummary("Expressions of interest the caller may see (the RSO and administrators all, with nominees' names; Co-Chairs all without; a focal point its member's), filtered by status and member, with the figures per year.");
        secondments.MapGet("/export", ExportAsync)
            .WithSummary("The list as a file (format=csv or xlsx), filtered as the list is; the nominee's columns only for the RSO and administrators.");
        secondments.MapGet("/{id:int}", GetAsync).WithSummary("One expression of interest with its timeline.");
        secondments.MapPost("", SubmitAsync).WithSummary("Expresses interest: a focal point for its member, the RSO or an administrator for any (memberId).");
        secondments.MapPost("/{id:int}/steps", StepAsync)
            .WithSummary("Moves it along (UnderDiscussion, Agreed, Placed with hostUnit, startDate, endDate and funder, Completed with outcomes and activityIds), or ends it (Withdrawn, Declined) with a note saying why; the RSO, or the focal point to withdraw.");
    }

    private static async Task<Results<Ok<SecondmentList>, ProblemHttpResult>> ListAsync(string? status, int? member, ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var (_, list, problem) = await ReadListAsync(status, member, user, db, ct);
        return list is null ? problem! : TypedResults.Ok(list);
    }

    /// <summary>What the caller may see, filtered, with the access it was read under; or the problem with the filter.</summary>
    private static async Task<(SecondmentAccess Access, SecondmentList? List, ProblemHttpResult? Problem)> ReadListAsync(string? status, int? member,
        ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var errors = new List<Domain.Scorecards.FieldError>();
        var parsed = EnumFields.Parse<SecondmentStatus>(status, nameof(status), errors);
        var access = await SecondmentAccess.ForAsync(user, db, ct);
        return errors.Count > 0
            ? (access, null, ApiProblems.Validation(errors))
            : (access, await SecondmentQueries.ListAsync(db, access, parsed, member, ct), null);
    }

    private static async Task<IResult> ExportAsync(string? format, string? status, int? member, HttpContext http, ClaimsPrincipal user, AppDbContext db,
        CancellationToken ct)
    {
        if (SheetWriter.Format(format) is not { } chosen)
        {
            return SheetWriter.UnknownFormat(format);
        }

        var (access, list, problem) = await ReadListAsync(status, member, user, db, ct);
        if (list is null)
        {
            return problem!;
        }

        await SheetWriter.SendAsync(http.Response, SecondmentQueries.ToTable(list.Secondments, access.SeesNames), chosen, "secondments", ct);
        return TypedResults.Empty;
    }

    private static async Task<Results<Ok<SecondmentDto>, ProblemHttpResult>> GetAsync(int id, ClaimsPrincipal user, AppDbContext db, CancellationToken ct) =>
        await SecondmentQueries.GetAsync(db, await SecondmentAccess.ForAsync(user, db, ct), id, ct) is { } secondment
            ? TypedResults.Ok(secondment)
            : ApiProblems.NotFound($"Expression of interest {id}");

    private static async Task<Results<Created<SecondmentDto>, ProblemHttpResult>> SubmitAsync(InterestRequest body, ClaimsPrincipal user, SecondmentService service,
        AppDbContext db, CancellationToken ct)
    {
        var submitted = await service.SubmitAsync(user, body, ct);
        return submitted.Succeeded
            ? TypedResults.Created($"/api/v1/secondments/{submitted.Value!.Id}", (await SecondmentQueries.GetAsync(db, await SecondmentAccess.ForAsync(user, db, ct), submitted.Value.Id, ct))!)
            : ApiProblems.From(submitted.Outcome);
    }

    private static async Task<Results<Ok<SecondmentDto>, ProblemHttpResult>> StepAsync(int id, StepRequest body, ClaimsPrincipal user, SecondmentService service,
        AppDbContext db, CancellationToken ct)
    {
        Result<Secondment> moved = await service.MoveAsync(user, id, body, ct);
        return moved.Succeeded
            ? TypedResults.Ok((await SecondmentQueries.GetAsync(db, await SecondmentAccess.ForAsync(user, db, ct), id, ct))!)
            : ApiProblems.From(moved.Outcome);
    }
}
