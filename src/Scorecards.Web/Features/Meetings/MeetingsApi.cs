using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Scorecards.Data;
using Scorecards.Domain;
using Scorecards.Domain.Meetings;
using Scorecards.Domain.Scorecards;
using Scorecards.Web.Infrastructure;

namespace Scorecards.Web.Features.Meetings;

public static class MeetingsApi
{
    public static void MapMeetingsApi(this RouteGroupBuilder api)
    {
        var meetings = api.MapGroup("/meetings").WithTags("Meetings and decisions");
        meetings.MapGet("", SearchAsync).WithSummary("Meetings of the Process: filter by kind, body, member attending, from/to dates and text (q); paged.");
        meetings.MapGet("/{id:int}", GetAsync).WithSummary("One meeting with its chairs, attendance and decisions.");
        meetings.MapPost("", CreateAsync).WithSummary("Records a meeting (administrators).");
        meetings.MapPut("/{id:int}", UpdateAsync).WithSummary("Changes a meeting (administrators).");
        meetings.MapPost("/{id:int}/decisions", AddDecisionAsync).WithSummary("Records a decision the meeting took (administrators).");

        var decisions = api.MapGroup("/decisions").WithTags("Meetings and decisions");
        decisions.MapGet("", DecisionsAsync)
            .WithSummary("Decisions across meetings: open=true for those still to follow up; filter by status, owner body, meeting and overdue; paged.");
        decisions.MapGet("/{id:int}", DecisionAsync).WithSummary("One decision.");
        decisions.MapPut("/{id:int}", UpdateDecisionAsync).WithSummary("Changes a decision (administrators).");
        decisions.MapPost("/{id:int}/status", FollowUpAsync)
            .WithSummary("Reports the follow-up: a new status (open, in progress, done, dropped) and a note; the owner body's reporters or administrators.");
    }

    private static async Task<Results<Ok<MeetingPage>, ProblemHttpResult>> SearchAsync(string? kind, string? body, string? member, DateOnly? from,
        DateOnly? to, string? q, int? page, int? pageSize, AppDbContext db, CancellationToken ct)
    {
        MeetingKind? parsed = null;
        if (!string.IsNullOrWhiteSpace(kind))
        {
            if (!Enum.TryParse<MeetingKind>(kind, ignoreCase: true, out var k) || !Enum.IsDefined(k))
            {
                return ApiProblems.Problem(StatusCodes.Status400BadRequest, "validation",
                    $"'{kind}' is not a kind of meeting; use one of {string.Join(", ", Enum.GetNames<MeetingKind>())}.");
            }

            parsed = k;
        }

        return TypedResults.Ok(await MeetingQueries.SearchAsync(db, new MeetingFilter(parsed, body, member, from, to, q, page ?? 1, pageSize ?? 25), ct));
    }

    private static async Task<Results<Ok<MeetingView>, ProblemHttpResult>> GetAsync(int id, AppDbContext db, MeetingService meetings, CancellationToken ct)
    {
        var meeting = await MeetingQueries.GetAsync(db, id, ct);
        if (meeting is null)
        {
            return ApiProblems.NotFound($"Meeting {id}");
        }

        var decisions = await MeetingQueries.DecisionsAsync(db, new DecisionFilter(Meeting: id, PageSize: MeetingQueries.MaxPageSize), meetings.Today, ct);
        return TypedResults.Ok(new MeetingView(meeting, decisions.Decisions.OrderBy(d => d.Number).ToList()));
    }

    private static async Task<Results<Created<MeetingDto>, ProblemHttpResult>> CreateAsync(MeetingRequest body, ClaimsPrincipal user,
        MeetingService meetings, AppDbContext db, CancellationToken ct)
    {
        var saved = await meetings.SaveAsync(user, null, body, ct);
        return saved.Succeeded
            ? TypedResults.Created($"/api/v1/meetings/{saved.Value!.Id}", (await MeetingQueries.GetAsync(db, saved.Value.Id, ct))!)
            : ApiProblems.From(saved.Outcome);
    }

    private static async Task<Results<Ok<MeetingDto>, ProblemHttpResult>> UpdateAsync(int id, MeetingRequest body, ClaimsPrincipal user,
        MeetingService meetings, AppDbContext db, CancellationToken ct)
    {
        var saved = await meetings.SaveAsync(user, id, body, ct);
        return saved.Succeeded ? TypedResults.Ok((await MeetingQueries.GetAsync(db, id, ct))!) : ApiProblems.From(saved.Outcome);
    }

    private static async Task<Results<Created<DecisionDto>, ProblemHttpResult>> AddDecisionAsync(int id, DecisionRequest body,
        ClaimsPrincipal user, MeetingService meetings, AppDbContext db, CancellationToken ct)
    {
        var added = await meetings.AddDecisionAsync(user, id, body, ct);
        return added.Succeeded
            ? TypedResults.Created($"/api/v1/decisions/{added.Value!.Id}", (await MeetingQueries.DecisionAsync(db, added.Value.Id, meetings.Today, ct))!)
            : ApiProblems.From(added.Outcome);
    }

    private static async Task<Results<Ok<DecisionPage>, ProblemHttpResult>> DecisionsAsync(bool? open, string? status, string? body, int? meeting,
        bool? overdue, int? page, int? pageSize, AppDbContext db, MeetingService meetings, CancellationToken ct)
    {
        DecisionStatus? parsed = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            var errors = new List<FieldError>();
            parsed = DecisionRequest.ParseStatus(status, errors);
            if (parsed is null)
            {
                return ApiProblems.Validation(errors);
            }
        }

        return TypedResults.Ok(await MeetingQueries.DecisionsAsync(db,
            new DecisionFilter(open, parsed, body, meeting, overdue ?? false, page ?? 1, pageSize ?? 50), meetings.Today, ct));
    }

    private static async Task<Results<Ok<DecisionDto>, ProblemHttpResult>> DecisionAsync(int id, AppDbContext db, MeetingService meetings, CancellationToken ct) =>
        await MeetingQueries.DecisionAsync(db, id, meetings.Today, ct) is { } decision ? TypedResults.Ok(decision) : ApiProblems.NotFound($"Decision {id}");

    private static async Task<Results<Ok<DecisionDto>, ProblemHttpResult>> UpdateDecisionAsync(int id, DecisionRequest body,
        ClaimsPrincipal user, MeetingService meetings, AppDbContext db, CancellationToken ct)
    {
        return await DecisionOrProblemAsync(await meetings.UpdateDecisionAsync(user, id, body, ct), meetings, db, ct);
    }

    private static async Task<Results<Ok<DecisionDto>, ProblemHttpResult>> FollowUpAsync(int id, DecisionStatusRequest body,
        ClaimsPrincipal user, MeetingService meetings, AppDbContext db, CancellationToken ct)
    {
        return await DecisionOrProblemAsync(await meetings.FollowUpAsync(user, id, body, ct), meetings, db, ct);
    }

    private static async Task<Results<Ok<DecisionDto>, ProblemHttpResult>> DecisionOrProblemAsync(Result<Decision> result, MeetingService meetings,
        AppDbContext db, CancellationToken ct) =>
        result.Succeeded ? TypedResults.Ok((await MeetingQueries.DecisionAsync(db, result.Value!.Id, meetings.Today, ct))!) : ApiProblems.From(result.Outcome);
}

public sealed record MeetingView(MeetingDto Meeting, IReadOnlyList<DecisionDto> Decisions);
