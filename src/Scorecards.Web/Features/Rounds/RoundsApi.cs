using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Domain;
using Scorecards.Domain.Rounds;
using Scorecards.Web.Features.Scorecards;
using Scorecards.Web.Infrastructure;
using Scorecards.Web.Infrastructure.Authorization;

namespace Scorecards.Web.Features.Rounds;

public sealed record RoundDto(int Id, string Name, string? Meeting, int? MeetingId, DateOnly? MeetingOn, DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly OpensOn, DateOnly DueOn,
    RoundStatus Status, string StatusLabel, DateTime? PublishedUtc, string TimeZone, int RemindDaysBefore, int EscalateAfterDays)
{
    public static RoundDto From(Round r) =>
        new(r.Id, r.Name, r.Meeting, r.MeetingId, r.MeetingOn, r.PeriodStart, r.PeriodEnd, r.OpensOn, r.DueOn, r.Status, Round.Label(r.Status), r.PublishedUtc,
            r.TimeZone, r.RemindDaysBefore, r.EscalateAfterDays);
}

/// <summary>The recorded meeting a round reports to.</summary>
public sealed record MeetingLink(int MeetingId);

public static class RoundsApi
{
    public static void MapRoundsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/rounds").WithTags("Rounds");
        group.MapGet("", ListAsync).WithSummary("Every reporting round, newest first.");
        group.MapGet("/{id:int}", GetAsync).WithSummary("One round.");
        group.MapGet("/{id:int}/scorecards", ScorecardsAsync).WithSummary("The round's scorecards the caller may read, with their states.");
        group.MapPost("", CreateAsync).RequireAuthorization(Policies.Administrator).WithSummary("Plans a new round (administrators).");
        group.MapPost("/{id:int}/open", (int id, RoundService rounds, AppDbContext db, CancellationToken ct) =>
            ChangeAsync(id, db, round => rounds.OpenAsync(round, ct), ct)).RequireAuthorization(Policies.Administrator)
            .WithSummary("Opens a planned round: every body gets its scorecard, starting from its last approved entries.");
        group.MapPost("/{id:int}/review", (int id, RoundService rounds, AppDbContext db, CancellationToken ct) =>
            ChangeAsync(id, db, round => rounds.ChangeStateAsync(round, r => r.StartReview(), ct), ct)).RequireAuthorization(Policies.Administrator)
            .WithSummary("Closes reporting and moves the round to review.");
        group.MapPost("/{id:int}/reopen", (int id, RoundService rounds, AppDbContext db, CancellationToken ct) =>
            ChangeAsync(id, db, round => rounds.ChangeStateAsync(round, r => r.Reopen(), ct), ct)).RequireAuthorization(Policies.Administrator)
            .WithSummary("Reopens reporting on a round in review.");
        group.MapPut("/{id:int}/meeting", (int id, MeetingLink body, RoundService rounds, AppDbContext db, CancellationToken ct) =>
            ChangeAsync(id, db, round => rounds.ReportToAsync(round, body.MeetingId, ct), ct)).RequireAuthorization(Policies.Administrator)
            .WithSummary("Ties the round to the record of the meeting it reports to: the round takes that meeting's name and day (administrators).");
    }

    private static async Task<Ok<List<RoundDto>>> ListAsync(AppDbContext db, CancellationToken ct)
    {
        var rounds = await db.Rounds.AsNoTracking().ToListAsync(ct);
        return TypedResults.Ok(rounds.OrderByDescending(r => r.PeriodEnd).Select(RoundDto.From).ToList());
    }

    private static async Task<Results<Ok<RoundDto>, ProblemHttpResult>> GetAsync(int id, AppDbContext db, CancellationToken ct) =>
        await db.Rounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct) is { } round
            ? TypedResults.Ok(RoundDto.From(round))
            : ApiProblems.NotFound($"Round {id}");

    private static async Task<Results<Ok<List<ScorecardSummary>>, ProblemHttpResult>> ScorecardsAsync(int id, ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        if (!await db.Rounds.AnyAsync(r => r.Id == id, ct))
        {
            return ApiProblems.NotFound($"Round {id}");
        }

        return TypedResults.Ok(await ScorecardQueries.ListAsync(db, db.Scorecards.Readable(user).Where(s => s.RoundId == id), ct));
    }

    private static async Task<Results<Created<RoundDto>, ProblemHttpResult>> CreateAsync(RoundInput body, RoundService rounds, CancellationToken ct)
    {
        var (round, errors) = await rounds.CreateAsync(body, ct);
        return round is null ? ApiProblems.Validation(errors) : TypedResults.Created($"/api/v1/rounds/{round.Id}", RoundDto.From(round));
    }

    private static async Task<Results<Ok<RoundDto>, ProblemHttpResult>> ChangeAsync(int id, AppDbContext db, Func<Round, Task<Result>> change, CancellationToken ct)
    {
        var round = await db.Rounds.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (round is null)
        {
            return ApiProblems.NotFound($"Round {id}");
        }

        var result = await change(round);
        return result.Succeeded ? TypedResults.Ok(RoundDto.From(round)) : ApiProblems.From(result);
    }
}
