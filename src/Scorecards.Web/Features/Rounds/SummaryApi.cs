using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Scorecards.Data;
using Scorecards.Web.Features.Exports;
using Scorecards.Web.Infrastructure;
using Scorecards.Web.Infrastructure.Authorization;

namespace Scorecards.Web.Features.Rounds;

public static class SummaryApi
{
    public static void MapSummaryApi(this RouteGroupBuilder api)
    {
        api.MapGet("/rounds/{id:int}/summary", GetAsync).WithTags("Rounds")
            .WithSummary("The consolidated scorecard: matrix, distributions, trends and gaps, the same numbers the round page shows. Filters: body, area, level.");
        api.MapPost("/rounds/{id:int}/publish", PublishAsync).WithTags("Rounds").RequireAuthorization(Policies.CoChair)
            .WithSummary("Publishes a round in review (Co-Chairs): it is frozen and its approved scorecards become public.");
    }

    /// <summary>The public API: published rounds only, without signing in.</summary>
    public static void MapPublicApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/public").WithTags("Public").AllowAnonymous();
        group.MapGet("/rounds", async (AppDbContext db, CancellationToken ct) => TypedResults.Ok(await PublicQueries.PublishedRoundsAsync(db, ct)))
            .WithSummary("Published rounds.");
        group.MapGet("/rounds/{id:int}/summary", GetPublicAsync).CacheOutput(PublicRoundOutputCache.Name).WithSummary("The consolidated scorecard of a published round, from approved scorecards only.");
        group.MapPublicExports();
    }

    private static async Task<Results<KeptJson<RoundSummary>, StatusCodeHttpResult, ProblemHttpResult>> GetAsync(int id, string? body, string? area,
        string? level, ClaimsPrincipal user, TimeProvider clock, RoundViews views, RequestVersion version, IOptions<JsonOptions> json, HttpContext context,
        CancellationToken ct)
    {
        // No database context is asked for: an answer from memory needs none, and a computation makes its own.
        var filter = SummaryFilters.Parse(body, area, level);
        var key = RoundViews.KeyFor(await version.CurrentAsync(ct), "summary", id, user, filter, RoundViews.Today(clock));
        return await AnswerAsync(key, isPublic: false, (db, ct) => RoundSummaryQueries.ForUserAsync(db, id, user, filter, ct), $"Round {id}", views, json, context, ct);
    }

    private static async Task<Results<KeptJson<RoundSummary>, StatusCodeHttpResult, ProblemHttpResult>> GetPublicAsync(int id, string? body, string? area,
        string? level, TimeProvider clock, RoundViews views, RequestVersion version, IOptions<JsonOptions> json, HttpContext context, CancellationToken ct)
    {
        var filter = SummaryFilters.Parse(body, area, level);
        var key = RoundViews.KeyFor(await version.CurrentAsync(ct), "public-summary", id, reader: null, filter, RoundViews.Today(clock));
        return await AnswerAsync(key, isPublic: true, (db, ct) => RoundSummaryQueries.ForPublicAsync(db, id, filter, ct), $"Published round {id}", views, json,
            context, ct);
    }

    /// <summary>
    /// The summary filed under <paramref name="key"/>, as the JSON kept for it (written once: it costs more than everything
    /// else an answer from memory does), tagged; 304 to a client that holds the tag; 404 naming <paramref name="what"/>.
    /// </summary>
    private static async Task<Results<KeptJson<RoundSummary>, StatusCodeHttpResult, ProblemHttpResult>> AnswerAsync(RoundViews.Key key, bool isPublic,
        Func<AppDbContext, CancellationToken, Task<RoundSummary?>> compute, string what, RoundViews views, IOptions<JsonOptions> json, HttpContext context,
        CancellationToken ct)
    {
        if (ConditionalGet.NotModified(context, key.ToString(), isPublic))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        var kept = await views.GetAsync(key, async (db, ct) => await compute(db, ct) is { } summary
            ? JsonSerializer.SerializeToUtf8Bytes(summary, json.Value.SerializerOptions)
            : null, ct);
        if (kept is null)
        {
            return ApiProblems.NotFound(what);
        }

        ConditionalGet.Tag(context, key.ToString(), isPublic);
        return new KeptJson<RoundSummary>(kept);
    }

    private static async Task<Results<Ok<RoundDto>, ProblemHttpResult>> PublishAsync(int id, AppDbContext db, RoundService rounds, TimeProvider clock, CancellationToken ct)
    {
        var round = await db.Rounds.FindAsync([id], ct);
        if (round is null)
        {
            return ApiProblems.NotFound($"Round {id}");
        }

        var result = await rounds.ChangeStateAsync(round, r => r.Publish(clock.GetUtcNow().UtcDateTime), ct);
        return result.Succeeded ? TypedResults.Ok(RoundDto.From(round)) : ApiProblems.FromResult(result);
    }
}
