using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Scorecards.Data;
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
    }

    private static async Task<Results<KeptJson<RoundSummary>, StatusCodeHttpResult, ProblemHttpResult>> GetAsync(int id, string? body, string? area,
        string? level, ClaimsPrincipal user, AppDbContext db, RoundViews views, RequestVersion version, IOptions<JsonOptions> json, HttpContext context,
        CancellationToken ct)
    {
        var filter = SummaryFilters.Parse(body, area, level);
        var key = RoundViews.KeyFor(await version.CurrentAsync(ct), "summary", id, user, filter, db.Today);
        if (ConditionalGet.Matches(context, key.ToString()))
        {
            ConditionalGet.Tag(context, key.ToString(), isPublic: false);
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return await views.GetAsync(key, async (db, ct) => Utf8(await RoundSummaryQueries.ForUserAsync(db, id, user, filter, ct), json.Value), ct) is { } summary
            ? Tagged(new KeptJson<RoundSummary>(summary), context, key, isPublic: false)
            : ApiProblems.NotFound($"Round {id}");
    }

    private static async Task<Results<KeptJson<RoundSummary>, StatusCodeHttpResult, ProblemHttpResult>> GetPublicAsync(int id, string? body, string? area,
        string? level, AppDbContext db, RoundViews views, RequestVersion version, IOptions<JsonOptions> json, HttpContext context, CancellationToken ct)
    {
        var filter = SummaryFilters.Parse(body, area, level);
        var key = RoundViews.KeyFor(await version.CurrentAsync(ct), "public-summary", id, reader: null, filter, db.Today);
        if (ConditionalGet.Matches(context, key.ToString()))
        {
            ConditionalGet.Tag(context, key.ToString(), isPublic: true);
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return await views.GetAsync(key, async (db, ct) => Utf8(await RoundSummaryQueries.ForPublicAsync(db, id, filter, ct), json.Value), ct) is { } summary
            ? Tagged(new KeptJson<RoundSummary>(summary), context, key, isPublic: true)
            : ApiProblems.NotFound($"Published round {id}");
    }

    private static KeptJson<RoundSummary> Tagged(KeptJson<RoundSummary> answer, HttpContext context, RoundViews.Key key, bool isPublic)
    {
        ConditionalGet.Tag(context, key.ToString(), isPublic);
        return answer;
    }

    // The summary is kept as the bytes sent: writing its JSON costs more than everything else an answer from memory does.
    private static byte[]? Utf8(RoundSummary? summary, JsonOptions json) =>
        summary is null ? null : JsonSerializer.SerializeToUtf8Bytes(summary, json.SerializerOptions);

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
