using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
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

    private static async Task<Results<Ok<MeetingView>, ProblemHttpResult>> GetAsync(int id, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var meeting = await MeetingQueries.GetAsync(db, id, ct);
        if (meeting is null)
        {
            return ApiProblems.NotFound($"Meeting {id}");
        }

        var decisions = await MeetingQueries.DecisionsAsync(db, new DecisionFilter(Meeting: id, PageSize: MeetingQueries.MaxPageSize), Today(clock), ct);
        return TypedResults.Ok(new MeetingView(meeting, decisions.Decisions.OrderBy(d => d.Number).ToList()));
    }

    private static async Task<Results<Created<MeetingDto>, ProblemHttpResult, ForbidHttpResult>> CreateAsync(HttpRequest request, ClaimsPrincipal user,
        AppDbContext db, CancellationToken ct)
    {
        if (!MeetingQueries.CanManage(user))
        {
            return TypedResults.Forbid();
        }

        var (values, problem) = await ReadAsync<MeetingRequest, MeetingValues>(request, (r, c) => r.ToValuesAsync(db, c), ct);
        if (problem is not null)
        {
            return problem;
        }

        var meeting = new Meeting(values!.Title!);
        meeting.Apply(values);
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/meetings/{meeting.Id}", (await MeetingQueries.GetAsync(db, meeting.Id, ct))!);
    }

    private static async Task<Results<Ok<MeetingDto>, ProblemHttpResult, ForbidHttpResult>> UpdateAsync(int id, HttpRequest request, ClaimsPrincipal user,
        AppDbContext db, CancellationToken ct)
    {
        if (!MeetingQueries.CanManage(user))
        {
            return TypedResults.Forbid();
        }

        var meeting = await db.Meetings.Include(m => m.Attendees).SingleOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null)
        {
            return ApiProblems.NotFound($"Meeting {id}");
        }

        var (values, problem) = await ReadAsync<MeetingRequest, MeetingValues>(request, (r, c) => r.ToValuesAsync(db, c), ct);
        if (problem is not null)
        {
            return problem;
        }

        meeting.Apply(values!);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok((await MeetingQueries.GetAsync(db, id, ct))!);
    }

    private static async Task<Results<Created<DecisionDto>, ProblemHttpResult, ForbidHttpResult>> AddDecisionAsync(int id, HttpRequest request,
        ClaimsPrincipal user, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (!MeetingQueries.CanManage(user))
        {
            return TypedResults.Forbid();
        }

        if (!await db.Meetings.AnyAsync(m => m.Id == id, ct))
        {
            return ApiProblems.NotFound($"Meeting {id}");
        }

        var (values, problem) = await ReadAsync<DecisionRequest, DecisionValues>(request, (r, c) => r.ToValuesAsync(db, c), ct);
        if (problem is not null)
        {
            return problem;
        }

        var decision = await DecisionCommands.AddAsync(db, id, values!, clock.GetUtcNow().UtcDateTime, ct);
        return TypedResults.Created($"/api/v1/decisions/{decision.Id}", (await MeetingQueries.DecisionAsync(db, decision.Id, Today(clock), ct))!);
    }

    private static async Task<Results<Ok<DecisionPage>, ProblemHttpResult>> DecisionsAsync(bool? open, string? status, string? body, int? meeting,
        bool? overdue, int? page, int? pageSize, AppDbContext db, TimeProvider clock, CancellationToken ct)
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
            new DecisionFilter(open, parsed, body, meeting, overdue ?? false, page ?? 1, pageSize ?? 50), Today(clock), ct));
    }

    private static async Task<Results<Ok<DecisionDto>, ProblemHttpResult>> DecisionAsync(int id, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        await MeetingQueries.DecisionAsync(db, id, Today(clock), ct) is { } decision ? TypedResults.Ok(decision) : ApiProblems.NotFound($"Decision {id}");

    private static async Task<Results<Ok<DecisionDto>, ProblemHttpResult, ForbidHttpResult>> UpdateDecisionAsync(int id, HttpRequest request,
        ClaimsPrincipal user, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (!MeetingQueries.CanManage(user))
        {
            return TypedResults.Forbid();
        }

        var decision = await db.Decisions.SingleOrDefaultAsync(d => d.Id == id, ct);
        if (decision is null)
        {
            return ApiProblems.NotFound($"Decision {id}");
        }

        var (values, problem) = await ReadAsync<DecisionRequest, DecisionValues>(request, (r, c) => r.ToValuesAsync(db, c), ct);
        if (problem is not null)
        {
            return problem;
        }

        decision.Apply(values!, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok((await MeetingQueries.DecisionAsync(db, id, Today(clock), ct))!);
    }

    private static async Task<Results<Ok<DecisionDto>, ProblemHttpResult, ForbidHttpResult>> FollowUpAsync(int id, HttpRequest request,
        ClaimsPrincipal user, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var decision = await db.Decisions.SingleOrDefaultAsync(d => d.Id == id, ct);
        if (decision is null)
        {
            return ApiProblems.NotFound($"Decision {id}");
        }

        if (!MeetingQueries.CanFollowUp(user, decision.OwnerBodyId))
        {
            return TypedResults.Forbid();
        }

        var (body, problem) = await ApiProblems.ReadJsonAsync<DecisionStatusRequest>(request, ct);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new List<FieldError>();
        var status = string.IsNullOrWhiteSpace(body!.Status) ? null : DecisionRequest.ParseStatus(body.Status, errors);
        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        var result = decision.SetStatus(status, body.Note, clock.GetUtcNow().UtcDateTime);
        if (!result.Succeeded)
        {
            return ApiProblems.FromResult(result, StatusCodes.Status400BadRequest);
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok((await MeetingQueries.DecisionAsync(db, id, Today(clock), ct))!);
    }

    private static async Task<(TValues? Values, ProblemHttpResult? Problem)> ReadAsync<TRequest, TValues>(HttpRequest request,
        Func<TRequest, CancellationToken, Task<(TValues? Values, IReadOnlyList<FieldError> Errors)>> resolve, CancellationToken ct)
        where TRequest : class
        where TValues : class
    {
        var (body, problem) = await ApiProblems.ReadJsonAsync<TRequest>(request, ct);
        if (problem is not null)
        {
            return (null, problem);
        }

        var (values, errors) = await resolve(body!, ct);
        return values is null ? (null, ApiProblems.Validation(errors)) : (values, null);
    }

    internal static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}

public sealed record MeetingView(MeetingDto Meeting, IReadOnlyList<DecisionDto> Decisions);

/// <summary>Changes shared by the pages and the API.</summary>
public static class DecisionCommands
{
    /// <summary>Adds a decision as the meeting's next numbered one.</summary>
    public static async Task<Decision> AddAsync(AppDbContext db, int meetingId, DecisionValues values, DateTime nowUtc, CancellationToken ct)
    {
        var number = (await db.Decisions.Where(d => d.MeetingId == meetingId).MaxAsync(d => (int?)d.Number, ct) ?? 0) + 1;
        var decision = new Decision(meetingId, number);
        decision.Apply(values, nowUtc);
        db.Decisions.Add(decision);
        await db.SaveChangesAsync(ct);
        return decision;
    }
}
