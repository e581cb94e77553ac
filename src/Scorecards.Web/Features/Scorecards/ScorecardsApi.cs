using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Scorecards.Data;
using Scorecards.Domain;
using Scorecards.Web.Infrastructure;
using Scorecards.Web.Infrastructure.Authorization;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Scorecards.Web.Features.Scorecards;

public sealed record ReasonRequest(string? Reason);

/// <summary>A submission's body: the reply to the Co-Chairs' reason, needed when the scorecard was returned or reopened.</summary>
public sealed record SubmitRequest(string? Reply);

/// <summary>The scorecards a Co-Chair approves in one request.</summary>
public sealed record ApprovalsRequest(IReadOnlyList<int>? ScorecardIds);

/// <summary>How many were approved, how many refused, and what became of each, in the order named.</summary>
public sealed record ApprovalsResponse(int Approved, int Refused, IReadOnlyList<ApprovalOutcome> Outcomes);

public static class ScorecardsApi
{
    public static void MapScorecardsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/scorecards").WithTags("Scorecards");
        group.MapGet("/{id:int}", GetAsync).WithSummary("A scorecard with its entries, checklist, approvals and review history.");
        group.MapGet("/{id:int}/entries/{objectiveCode}", GetEntryAsync).WithSummary("One entry of a scorecard.");
        group.MapPut("/{id:int}/entries/{objectiveCode}", PutEntryAsync).Accepts<EntryRequest>("application/json")
            .WithSummary("Replaces an entry: every field is sent, null where it is to be empty (400 naming any left out). Send the version you "
                + "started from; if someone saved since, the answer is 409 with both versions.");
        group.MapPatch("/{id:int}/entries/{objectiveCode}", PatchEntryAsync).Accepts<EntryRequest>("application/merge-patch+json", "application/json")
            .WithSummary("Changes some fields of an entry (a JSON merge patch): what is sent replaces, null clears, what is left out stays. "
                + "Send the version you started from; if someone saved since, the answer is 409 with both versions.");
        group.MapGet("/{id:int}/offline", OfflineDownloadAsync)
            .WithSummary("The scorecard as an Excel workbook to fill in offline, with drop-down lists for the ratings (the body's reporters).");
        group.MapPost("/{id:int}/offline", OfflineUploadAsync).WithMetadata(new RequestSizeLimitAttribute(OfflineWorkbook.MaxBytes))
            .WithSummary("Uploads a filled-in offline workbook as the body: dryRun=true previews every change; otherwise it is saved whole, or, "
                + "with any rejected cell or any entry changed by someone else since the download, not at all (422).")
            .AcceptsFile("The offline workbook as downloaded, filled in.", "Some cells are refused; nothing was saved (`offline.rejected`).", Infrastructure.Spreadsheets.UploadedSheet.XlsxType);
        group.MapPost("/{id:int}/entries/{objectiveCode}/confirm", ConfirmEntryAsync)
            .WithSummary("Confirms a carried-over entry as still accurate this round, unchanged (the body's reporters).");
        group.MapPost("/{id:int}/confirm-carried-over", ConfirmAllAsync)
            .WithSummary("Confirms every entry still carried over from the last round as still accurate (the body's reporters).");
        group.MapPost("/{id:int}/submit", SubmitAsync)
            .WithSummary("Submits the scorecard for review; refused with the checklist while anything required is missing or any carried-over entry is unreviewed. "
                + "After a return, send {\"reply\": \"…\"} answering the Co-Chairs' reason.");
        group.MapPost("/{id:int}/return", ReturnAsync).WithSummary("Returns a submitted scorecard to its body with a reason (Co-Chairs).");
        group.MapPost("/{id:int}/approve", ApproveAsync)
            .WithSummary("Approves for the caller's Co-Chair government (403 approval.not-co-chair for anyone else); once every Co-Chair government has approved, it is locked.");
        group.MapPost("/approvals", ApproveManyAsync).RequireAuthorization(Policies.CoChair)
            .WithSummary($"Approves several submitted scorecards for the caller's Co-Chair government, each on its own (at most {BulkApproval.MaxScorecards}); answers what became of each.");
        group.MapPost("/{id:int}/unapprove", UnapproveAsync).WithSummary("Withdraws approval and reopens the scorecard, with a reason (Co-Chairs).");
    }

    private static async Task<Results<Ok<ScorecardDto>, ProblemHttpResult, ForbidHttpResult>> GetAsync(
        int id, ClaimsPrincipal user, ScorecardService service, AppDbContext db, IAuthorizationService auth, CancellationToken ct)
    {
        var loaded = await service.LoadAsync(id, ct);
        if (loaded is null)
        {
            return ApiProblems.NotFound($"Scorecard {id}");
        }

        if (!(await auth.AuthorizeAsync(user, loaded.Scorecard, ScorecardOperations.Read)).Succeeded)
        {
            return TypedResults.Forbid();
        }

        return TypedResults.Ok(await ScorecardQueries.ToDtoAsync(db, loaded.Scorecard, loaded.RoundRef, ct));
    }

    private static async Task<Results<Ok<EntryDto>, ProblemHttpResult, ForbidHttpResult>> GetEntryAsync(
        int id, string objectiveCode, ClaimsPrincipal user, ScorecardService service, AppDbContext db, IAuthorizationService auth, CancellationToken ct)
    {
        var loaded = await service.LoadAsync(id, ct);
        if (loaded is null)
        {
            return ApiProblems.NotFound($"Scorecard {id}");
        }

        if (!(await auth.AuthorizeAsync(user, loaded.Scorecard, ScorecardOperations.Read)).Succeeded)
        {
            return TypedResults.Forbid();
        }

        var dto = await ScorecardQueries.ToDtoAsync(db, loaded.Scorecard, loaded.RoundRef, ct);
        var entry = dto.Entries.FirstOrDefault(e => string.Equals(e.ObjectiveCode, objectiveCode, StringComparison.OrdinalIgnoreCase));
        return entry is null ? ApiProblems.NotFound($"Objective '{objectiveCode}' on scorecard {id}") : TypedResults.Ok(entry);
    }

    private static Task<Results<Ok<EntryDto>, ProblemHttpResult, ForbidHttpResult>> PutEntryAsync(int id, string objectiveCode, JsonObject body,
        ClaimsPrincipal user, ScorecardService service, AppDbContext db, IAuthorizationService auth, IOptions<JsonOptions> json, CancellationToken ct) =>
        SaveEntryAsync(id, objectiveCode, body, merge: false, user, service, db, auth, json.Value.SerializerOptions, ct);

    private static Task<Results<Ok<EntryDto>, ProblemHttpResult, ForbidHttpResult>> PatchEntryAsync(int id, string objectiveCode, JsonObject body,
        ClaimsPrincipal user, ScorecardService service, AppDbContext db, IAuthorizationService auth, IOptions<JsonOptions> json, CancellationToken ct) =>
        SaveEntryAsync(id, objectiveCode, body, merge: true, user, service, db, auth, json.Value.SerializerOptions, ct);

    /// <summary>The one path by which the API saves an entry, whole (<c>PUT</c>) or merged into what is there (<c>PATCH</c>).</summary>
    private static async Task<Results<Ok<EntryDto>, ProblemHttpResult, ForbidHttpResult>> SaveEntryAsync(int id, string objectiveCode, JsonObject body,
        bool merge, ClaimsPrincipal user, ScorecardService service, AppDbContext db, IAuthorizationService auth, JsonSerializerOptions options, CancellationToken ct)
    {
        var loaded = await service.LoadAsync(id, ct);
        if (loaded is null)
        {
            return ApiProblems.NotFound($"Scorecard {id}");
        }

        if (!(await auth.AuthorizeAsync(user, loaded.Scorecard, ScorecardOperations.Edit)).Succeeded)
        {
            return TypedResults.Forbid();
        }

        var code = objectiveCode.ToUpperInvariant();
        var before = (await ScorecardQueries.ToDtoAsync(db, loaded.Scorecard, loaded.RoundRef, ct)).Entries.FirstOrDefault(e => e.ObjectiveCode == code);
        if (before is null)
        {
            return ApiProblems.NotFound($"Objective '{objectiveCode}' on scorecard {id}");
        }

        EntryRequest? request;
        IReadOnlyList<Domain.Scorecards.FieldError> invalid;
        try
        {
            (request, invalid) = EntryRequest.Read(body, merge ? EntryRequest.From(before) : null, options);
        }
        catch (JsonException e)
        {
            var (problem, detail) = ApiProblems.Unreadable(e);
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, problem, detail);
        }

        if (request is null)
        {
            return ApiProblems.Validation(invalid);
        }

        var indicators = await db.Indicators.AsNoTracking()
            .Where(i => !i.IsRetired && db.Objectives.Any(o => o.Id == i.ObjectiveId && o.Code == code)).ToListAsync(ct);
        var (values, errors) = request.ToValues(indicators);
        if (values is null)
        {
            return ApiProblems.Validation(errors);
        }

        var outcome = await service.SaveEntryAsync(loaded, code, values, request.Version!.Value, user, ct);
        var current = (await ScorecardQueries.ToDtoAsync(db, (await service.LoadAsync(id, ct))!.Scorecard, loaded.RoundRef, ct))
            .Entries.FirstOrDefault(e => e.ObjectiveCode == code);
        return outcome.Succeeded ? TypedResults.Ok(current!)
            : outcome.Outcome.Code == ScorecardService.StaleVersion ? ApiProblems.Problem(StatusCodes.Status409Conflict, ScorecardService.StaleVersion,
                $"Someone saved this entry (now version {current!.Version}) after your edit started from version {request.Version}. Nothing was overwritten: compare the two, then save again with version {current.Version}.",
                new Dictionary<string, object?> { ["yours"] = request, ["theirs"] = current })
            : ApiProblems.From(outcome.Outcome);
    }

    private static async Task<Results<Ok<ScorecardDto>, ProblemHttpResult, ForbidHttpResult>> SubmitAsync(
        int id, [FromBody(EmptyBodyBehavior = Microsoft.AspNetCore.Mvc.ModelBinding.EmptyBodyBehavior.Allow)] SubmitRequest? body, ClaimsPrincipal user, ScorecardService service, AppDbContext db, IAuthorizationService auth, CancellationToken ct)
    {
        // The body is optional: only a scorecard that was returned needs a reply.
        var reply = body?.Reply;
        return await ActAsync(id, user, service, db, auth, ScorecardOperations.Edit, loaded => service.SubmitAsync(loaded, reply, user, ct), ct);
    }

    private static Task<Results<Ok<ScorecardDto>, ProblemHttpResult, ForbidHttpResult>> ConfirmEntryAsync(
        int id, string objectiveCode, ClaimsPrincipal user, ScorecardService service, AppDbContext db, IAuthorizationService auth, CancellationToken ct) =>
        ActAsync(id, user, service, db, auth, ScorecardOperations.Edit, loaded => service.ConfirmCarriedOverAsync(loaded, objectiveCode, user, ct), ct);

    private static Task<Results<Ok<ScorecardDto>, ProblemHttpResult, ForbidHttpResult>> ConfirmAllAsync(
        int id, ClaimsPrincipal user, ScorecardService service, AppDbContext db, IAuthorizationService auth, CancellationToken ct) =>
        ActAsync(id, user, service, db, auth, ScorecardOperations.Edit, loaded => service.ConfirmCarriedOverAsync(loaded, null, user, ct), ct);

    private static async Task<Results<Ok<ScorecardDto>, ProblemHttpResult, ForbidHttpResult>> ReturnAsync(
        int id, ReasonRequest body, ClaimsPrincipal user, ScorecardService service, AppDbContext db, IAuthorizationService auth, CancellationToken ct)
    {
        return await ActAsync(id, user, service, db, auth, ScorecardOperations.Review, loaded => service.ReturnAsync(loaded, body.Reason, user, ct), ct);
    }

    private static Task<Results<Ok<ScorecardDto>, ProblemHttpResult, ForbidHttpResult>> ApproveAsync(
        int id, ClaimsPrincipal user, ScorecardService service, AppDbContext db, IAuthorizationService auth, CancellationToken ct) =>
        ActAsync(id, user, service, db, auth, ScorecardOperations.Review, loaded => service.ApproveAsync(loaded, user, ct), ct);

    private static async Task<Results<Ok<ApprovalsResponse>, ProblemHttpResult>> ApproveManyAsync(
        ApprovalsRequest body, ClaimsPrincipal user, BulkApproval approval, CancellationToken ct)
    {
        var ids = body.ScorecardIds ?? [];
        if (ids.Count == 0 || ids.Count > BulkApproval.MaxScorecards)
        {
            return ApiProblems.Validation([new Domain.Scorecards.FieldError("scorecardIds", ids.Count == 0
                ? "Name at least one scorecard to approve."
                : $"{ids.Count} scorecards were named; at most {BulkApproval.MaxScorecards} can be approved in one request.")]);
        }

        var outcomes = await approval.ApproveAsync(ids, user, ct);
        return TypedResults.Ok(new ApprovalsResponse(outcomes.Count(o => o.Approved), outcomes.Count(o => !o.Approved), outcomes));
    }

    private static async Task<Results<Ok<ScorecardDto>, ProblemHttpResult, ForbidHttpResult>> UnapproveAsync(
        int id, ReasonRequest body, ClaimsPrincipal user, ScorecardService service, AppDbContext db, IAuthorizationService auth, CancellationToken ct)
    {
        return await ActAsync(id, user, service, db, auth, ScorecardOperations.Review, loaded => service.UnapproveAsync(loaded, body.Reason, user, ct), ct);
    }

    private static async Task<Results<Ok<ScorecardDto>, ProblemHttpResult, ForbidHttpResult>> ActAsync(
        int id, ClaimsPrincipal user, ScorecardService service, AppDbContext db, IAuthorizationService auth,
        Microsoft.AspNetCore.Authorization.Infrastructure.OperationAuthorizationRequirement operation, Func<LoadedScorecard, Task<Result>> act, CancellationToken ct)
    {
        var loaded = await service.LoadAsync(id, ct);
        if (loaded is null)
        {
            return ApiProblems.NotFound($"Scorecard {id}");
        }

        if (!(await auth.AuthorizeAsync(user, loaded.Scorecard, operation)).Succeeded)
        {
            return TypedResults.Forbid();
        }

        var result = await act(loaded);
        if (!result.Succeeded)
        {
            // The refusal carries the scorecard as it now is, so a client that lost a race sees what won.
            var now = await service.LoadAsync(id, ct);
            var status = result.Code switch
            {
                Domain.Scorecards.Scorecard.NotCoChair => StatusCodes.Status403Forbidden,
                "not-found" => StatusCodes.Status404NotFound,
                _ => StatusCodes.Status409Conflict,
            };
            return ApiProblems.FromResult(result, status,
                new Dictionary<string, object?> { ["scorecard"] = await ScorecardQueries.ToDtoAsync(db, now!.Scorecard, now.RoundRef, ct) });
        }

        return TypedResults.Ok(await ScorecardQueries.ToDtoAsync(db, loaded.Scorecard, loaded.RoundRef, ct));
    }

    private static async Task<IResult> OfflineDownloadAsync(int id, ClaimsPrincipal user, HttpContext http, ScorecardService service, IAuthorizationService auth,
        AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var (loaded, problem) = await LoadEditableAsync(id, user, service, auth, ct);
        if (problem is not null)
        {
            return problem;
        }

        var body = await db.Bodies.Where(b => b.Id == loaded!.Scorecard.BodyId).Select(b => b.Code).SingleAsync(ct);
        http.Response.ContentType = Infrastructure.Spreadsheets.UploadedSheet.XlsxType;
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{OfflineWorkbook.FileName(body, loaded!.Round.Name)}\"";
        await OfflineWorkbook.WriteAsync(db, loaded, clock.GetUtcNow().UtcDateTime, http.Response.Body, ct);
        return TypedResults.Empty;
    }

    private static async Task<IResult> OfflineUploadAsync(int id, bool? dryRun, string? fileName, HttpRequest request, ClaimsPrincipal user,
        ScorecardService service, IAuthorizationService auth, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var (loaded, problem) = await LoadEditableAsync(id, user, service, auth, ct);
        if (problem is not null)
        {
            return problem;
        }

        if (request.ContentType?.Split(';')[0].Trim() != Infrastructure.Spreadsheets.UploadedSheet.XlsxType)
        {
            return ApiProblems.Problem(StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type",
                $"Send the workbook as the body with Content-Type {Infrastructure.Spreadsheets.UploadedSheet.XlsxType}.");
        }

        var content = await RequestBodies.ReadAsync(request, OfflineWorkbook.MaxBytes, ct);
        if (content is null)
        {
            return RequestBodies.TooLarge("The workbook", OfflineWorkbook.MaxBytes);
        }

        var name = string.IsNullOrWhiteSpace(fileName) ? "scorecard.xlsx" : Path.GetFileNameWithoutExtension(fileName) + ".xlsx";
        if (dryRun == true)
        {
            return TypedResults.Ok((await OfflineWorkbook.PlanAsync(db, loaded!, name, content, ct)).Preview);
        }

        var result = await OfflineWorkbook.ApplyAsync(db, loaded!, name, content, user, clock.GetUtcNow().UtcDateTime, ct);
        return result.Applied
            ? TypedResults.Ok(result)
            : ApiProblems.Problem(StatusCodes.Status422UnprocessableEntity, "offline.rejected",
                result.Changes.Count == 0 && result.Rejections.Count == 0 && result.Conflicts.Count == 0
                    ? "The workbook matches the scorecard; there is nothing to save."
                    : $"{result.Rejections.Count} rejected cell(s) and {result.Conflicts.Count} conflict(s); nothing was saved.",
                new Dictionary<string, object?> { ["preview"] = result });
    }

    private static async Task<(LoadedScorecard? Loaded, IResult? Problem)> LoadEditableAsync(int id, ClaimsPrincipal user, ScorecardService service,
        IAuthorizationService auth, CancellationToken ct)
    {
        var loaded = await service.LoadAsync(id, ct);
        if (loaded is null)
        {
            return (null, ApiProblems.NotFound($"Scorecard {id}"));
        }

        if (!(await auth.AuthorizeAsync(user, loaded.Scorecard, ScorecardOperations.Edit)).Succeeded)
        {
            return (null, TypedResults.Forbid());
        }

        var editable = loaded.Scorecard.CanEdit(loaded.Round.Status);
        return editable.Succeeded ? (loaded, null) : (null, ApiProblems.FromResult(editable));
    }
}
