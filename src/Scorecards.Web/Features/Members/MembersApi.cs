using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Scorecards.Data;
using Scorecards.Domain.Members;
using Scorecards.Web.Features.Rounds;
using Scorecards.Web.Features.Shared;
using Scorecards.Web.Infrastructure;
using Scorecards.Web.Infrastructure.Authorization;
using Scorecards.Web.Infrastructure.Spreadsheets;

namespace Scorecards.Web.Features.Members;

public static class MembersApi
{
    public static void MapMembersApi(this RouteGroupBuilder api)
    {
        var members = api.MapGroup("/members").WithTags("Members");
        members.MapGet("", GetMembersAsync)
            .WithSummary("The members and observers of the Process as at a day (asAt, today by default), each with its status then and its whole history; withdrawn=true adds those that had withdrawn by then.");
        members.MapGet("/export", ExportMembersAsync)
            .WithSummary("The register as at a day as a file (format=csv or xlsx), with the columns of the import.");
        members.MapPost("/import", ImportMembersAsync).WithMetadata(new RequestSizeLimitAttribute(MemberImporter.MaxBytes))
            .WithSummary("Imports the register from the body, sent as text/csv or an .xlsx workbook (administrators). dryRun=true previews; otherwise the file is "
                + "applied in full, or, if any row is rejected, not at all (422 with every rejected row).")
            .AcceptsFile("The register as CSV (UTF-8) or an .xlsx workbook, with the columns of the export.",
                "Some rows are rejected; nothing was changed (`import.rejected`, with every row under `preview`).", "text/csv", UploadedSheet.XlsxType);
        members.MapGet("/{id:int}", GetMemberAsync).WithSummary("One member with its history of status, its seats on bodies and its co-chair terms.");
        members.MapPost("", AddMemberAsync).WithSummary("Adds a member or observer, with the day it joined and the decision behind it when known (administrators).");
        members.MapPut("/{id:int}", ChangeMemberAsync).WithSummary("Renames or reclassifies a member (administrators); its status changes through /status.");
        members.MapPost("/{id:int}/status", RecordStatusAsync)
            .WithSummary("Records a change of status (member, observer, withdrawn) on the day it took effect, with the decision behind it (administrators).");

        var proposals = api.MapGroup("/membership-proposals").WithTags("Members");
        proposals.MapGet("", ProposalsAsync).WithSummary("The membership review's proposals, newest first; filter by status.");
        proposals.MapGet("/{id:int}", ProposalAsync).WithSummary("One proposal with its timeline.");
        proposals.MapPost("", ProposeAsync)
            .WithSummary("Proposes a change: kind JoinBody or LeaveBody (with body) or ChangeStatus (with newStatus), the memberId and the rationale (administrators and Co-Chairs).");
        proposals.MapPost("/{id:int}/steps", ProposalStepAsync)
            .WithSummary("Tables it at a meeting (meetingId), records the decision (Agreed, Deferred, Declined with decisionId), applies what was agreed on effectiveDate, or withdraws it with a note (administrators and Co-Chairs).");

        api.MapGet("/seats/export", ExportSeatsAsync).WithTags("Bodies")
            .WithSummary("Every seat and co-chair term on every body, past, current and future, as a file (format=csv or xlsx).");

        var bodies = api.MapGroup("/bodies").WithTags("Bodies");
        bodies.MapGet("", GetBodiesAsync).WithSummary("The reporting bodies with the seats and co-chairs held on a day (asAt, today by default).");
        bodies.MapGet("/export", ExportBodiesAsync)
            .WithSummary("The bodies with their current co-chairs as a file (format=csv or xlsx), with the columns of the import.");
        bodies.MapPost("/import", ImportBodiesAsync).WithMetadata(new RequestSizeLimitAttribute(BodyImporter.MaxBytes))
            .WithSummary("Imports bodies and their co-chairs from the body, sent as text/csv or an .xlsx workbook (administrators). dryRun=true previews; otherwise "
                + "the file is applied in full, or, if any row is rejected, not at all (422 with every rejected row).")
            .AcceptsFile("The bodies as CSV (UTF-8) or an .xlsx workbook, with the columns of the export.",
                "Some rows are rejected; nothing was changed (`import.rejected`, with every row under `preview`).", "text/csv", UploadedSheet.XlsxType);
        bodies.MapGet("/{code}", GetBodyAsync).WithSummary("One body with every seat and co-chair term, past, current and future.");
        bodies.MapPost("/{code}/seats", AddSeatAsync).WithSummary("Gives a member a seat on the body from a day, by a decision (administrators).");
        bodies.MapPost("/{code}/seats/{id:int}/end", EndSeatAsync).WithSummary("Ends a seat on its last day (administrators).");
        bodies.MapPost("/{code}/co-chairs", AddCoChairAsync).WithSummary("Adds a co-chair's term: a member by id or a person by name (administrators).");
        bodies.MapPost("/{code}/co-chairs/{id:int}/end", EndCoChairAsync).WithSummary("Ends a co-chair's term on its last day (administrators).");
    }

    private static async Task<Ok<List<MemberDto>>> GetMembersAsync(DateOnly? asAt, bool? withdrawn, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await RegisterQueries.MembersAsync(db, asAt ?? RoundViews.Today(clock), withdrawn ?? false, ct));

    private static async Task<IResult> ExportMembersAsync(string? format, DateOnly? asAt, bool? withdrawn, HttpContext http, AppDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        if (SheetWriter.Format(format) is not { } chosen)
        {
            return SheetWriter.UnknownFormat(format);
        }

        var members = await RegisterQueries.MembersAsync(db, asAt ?? RoundViews.Today(clock), withdrawn ?? false, ct);
        await SheetWriter.SendAsync(http.Response, MemberSheet.ToTable(members), chosen, "members", ct);
        return TypedResults.Empty;
    }

    private static async Task<IResult> ExportBodiesAsync(string? format, HttpContext http, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (SheetWriter.Format(format) is not { } chosen)
        {
            return SheetWriter.UnknownFormat(format);
        }

        await SheetWriter.SendAsync(http.Response, BodySheet.ToTable(await RegisterQueries.BodiesAsync(db, RoundViews.Today(clock), ct)), chosen, "bodies", ct);
        return TypedResults.Empty;
    }

    private static async Task<IResult> ImportBodiesAsync(bool? dryRun, string? fileName, HttpRequest request, ClaimsPrincipal user, BodyImporter importer,
        CancellationToken ct)
    {
        if (!user.IsAdministrator())
        {
            return TypedResults.Forbid();
        }

        var (name, content, problem) = await RequestBodies.ReadSheetAsync(request, fileName, "bodies", BodyImporter.MaxBytes, ct);
        if (problem is not null)
        {
            return problem;
        }

        var preview = await importer.RunAsync(user, name, content, apply: dryRun != true, ct);
        return dryRun == true ? TypedResults.Ok(preview) : preview.Answer();
    }

    private static async Task<IResult> ExportSeatsAsync(string? format, HttpContext http, AppDbContext db, CancellationToken ct)
    {
        if (SheetWriter.Format(format) is not { } chosen)
        {
            return SheetWriter.UnknownFormat(format);
        }

        await SheetWriter.SendAsync(http.Response, MemberSheet.SeatsTable(await RegisterQueries.BodiesAsync(db, null, ct)), chosen, "seats", ct);
        return TypedResults.Empty;
    }

    private static async Task<IResult> ImportMembersAsync(bool? dryRun, string? fileName, HttpRequest request, ClaimsPrincipal user, MemberImporter importer,
        CancellationToken ct)
    {
        if (!user.IsAdministrator())
        {
            return TypedResults.Forbid();
        }

        var (name, content, problem) = await RequestBodies.ReadSheetAsync(request, fileName, "members", MemberImporter.MaxBytes, ct);
        if (problem is not null)
        {
            return problem;
        }

        var preview = await importer.RunAsync(name, content, apply: dryRun != true, ct);
        return dryRun == true ? TypedResults.Ok(preview) : preview.Answer();
    }

    private static async Task<Results<Ok<MemberDetailsDto>, ProblemHttpResult>> GetMemberAsync(int id, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        await RegisterQueries.MemberAsync(db, id, RoundViews.Today(clock), ct) is { } member ? TypedResults.Ok(member) : ApiProblems.NotFound($"Member {id}");

    private static async Task<Results<Created<MemberDetailsDto>, ProblemHttpResult>> AddMemberAsync(MemberRequest body, ClaimsPrincipal user,
        RegisterService register, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var added = await register.AddMemberAsync(user, body, ct);
        return added.Succeeded
            ? TypedResults.Created($"/api/v1/members/{added.Value!.Id}", (await RegisterQueries.MemberAsync(db, added.Value.Id, RoundViews.Today(clock), ct))!)
            : ApiProblems.From(added.Outcome);
    }

    private static async Task<Results<Ok<MemberDetailsDto>, ProblemHttpResult>> ChangeMemberAsync(int id, MemberChange body, ClaimsPrincipal user,
        RegisterService register, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        await MemberOrProblemAsync(await register.ChangeMemberAsync(user, id, body, ct), db, clock, ct);

    private static async Task<Results<Ok<MemberDetailsDto>, ProblemHttpResult>> RecordStatusAsync(int id, StatusRequest body, ClaimsPrincipal user,
        RegisterService register, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        await MemberOrProblemAsync(await register.RecordStatusAsync(user, id, body, ct), db, clock, ct);

    private static async Task<Results<Ok<MemberDetailsDto>, ProblemHttpResult>> MemberOrProblemAsync(Domain.Result<Member> result, AppDbContext db,
        TimeProvider clock, CancellationToken ct) =>
        result.Succeeded ? TypedResults.Ok((await RegisterQueries.MemberAsync(db, result.Value!.Id, RoundViews.Today(clock), ct))!) : ApiProblems.From(result.Outcome);

    private static async Task<Results<Ok<List<ProposalDto>>, ProblemHttpResult>> ProposalsAsync(string? status, AppDbContext db, CancellationToken ct)
    {
        var errors = new List<Domain.Scorecards.FieldError>();
        var parsed = EnumFields.Parse<ProposalStatus>(status, nameof(status), errors);
        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        return TypedResults.Ok(await MembershipReview.ListAsync(db, parsed, ct));
    }

    private static async Task<Results<Ok<ProposalDto>, ProblemHttpResult>> ProposalAsync(int id, AppDbContext db, CancellationToken ct) =>
        await MembershipReview.GetAsync(db, id, ct) is { } proposal ? TypedResults.Ok(proposal) : ApiProblems.NotFound($"Proposal {id}");

    private static async Task<Results<Created<ProposalDto>, ProblemHttpResult>> ProposeAsync(ProposalRequest body, ClaimsPrincipal user, MembershipReview review,
        AppDbContext db, CancellationToken ct)
    {
        var proposed = await review.ProposeAsync(user, body, ct);
        return proposed.Succeeded
            ? TypedResults.Created($"/api/v1/membership-proposals/{proposed.Value!.Id}", (await MembershipReview.GetAsync(db, proposed.Value.Id, ct))!)
            : ApiProblems.From(proposed.Outcome);
    }

    private static async Task<Results<Ok<ProposalDto>, ProblemHttpResult>> ProposalStepAsync(int id, ProposalStepRequest body, ClaimsPrincipal user,
        MembershipReview review, AppDbContext db, CancellationToken ct)
    {
        var moved = await review.MoveAsync(user, id, body, ct);
        return moved.Succeeded ? TypedResults.Ok((await MembershipReview.GetAsync(db, id, ct))!) : ApiProblems.From(moved.Outcome);
    }

    private static async Task<Ok<List<BodyDto>>> GetBodiesAsync(DateOnly? asAt, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await RegisterQueries.BodiesAsync(db, asAt ?? RoundViews.Today(clock), ct));

    private static async Task<Results<Ok<BodyDto>, ProblemHttpResult>> GetBodyAsync(string code, AppDbContext db, CancellationToken ct) =>
        await RegisterQueries.BodyAsync(db, code, ct) is { } body ? TypedResults.Ok(body) : ApiProblems.NotFound($"Body {code}");

    private static async Task<Results<Ok<BodyDto>, ProblemHttpResult>> AddSeatAsync(string code, SeatRequest body, ClaimsPrincipal user,
        RegisterService register, AppDbContext db, CancellationToken ct) =>
        await BodyOrProblemAsync(await register.AddSeatAsync(user, code, body, ct), db, ct);

    private static async Task<Results<Ok<BodyDto>, ProblemHttpResult>> EndSeatAsync(string code, int id, TermEnd body, ClaimsPrincipal user,
        RegisterService register, AppDbContext db, CancellationToken ct) =>
        await BodyOrProblemAsync(await register.EndSeatAsync(user, code, id, body, ct), db, ct);

    private static async Task<Results<Ok<BodyDto>, ProblemHttpResult>> AddCoChairAsync(string code, CoChairRequest body, ClaimsPrincipal user,
        RegisterService register, AppDbContext db, CancellationToken ct) =>
        await BodyOrProblemAsync(await register.AddCoChairAsync(user, code, body, ct), db, ct);

    private static async Task<Results<Ok<BodyDto>, ProblemHttpResult>> EndCoChairAsync(string code, int id, TermEnd body, ClaimsPrincipal user,
        RegisterService register, AppDbContext db, CancellationToken ct) =>
        await BodyOrProblemAsync(await register.EndCoChairAsync(user, code, id, body, ct), db, ct);

    private static async Task<Results<Ok<BodyDto>, ProblemHttpResult>> BodyOrProblemAsync(Domain.Result<Domain.Bodies.Body> result, AppDbContext db, CancellationToken ct) =>
        result.Succeeded ? TypedResults.Ok((await RegisterQueries.BodyAsync(db, result.Value!.Code, ct))!) : ApiProblems.From(result.Outcome);
}
