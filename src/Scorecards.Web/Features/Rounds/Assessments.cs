using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Domain;
using Scorecards.Domain.Rounds;
using Scorecards.Domain.Scorecards;
using Scorecards.Web.Infrastructure;
using Scorecards.Web.Infrastructure.Authorization;

namespace Scorecards.Web.Features.Rounds;

/// <summary>The Co-Chairs' assessment as sent: the overall text and a text per focus area code; a missing one is left as it is.</summary>
public sealed record AssessmentRequest(string? Overall, [MaxLength(RequestLimits.Codes, ErrorMessage = RequestLimits.TooMany)] IReadOnlyDictionary<string, string?>? FocusAreas);

public static class AssessmentCommands
{
    /// <summary>Writes the texts given, all or none: an unknown focus area or a text too long refuses the whole request.</summary>
    public static async Task<Result> SaveAsync(AppDbContext db, int roundId, AssessmentRequest request,
        string by, DateTime nowUtc, CancellationToken ct)
    {
        var round = await db.Rounds.SingleOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null)
        {
            return Result.NotFound($"Round {roundId}");
        }

        var allowed = Assessment.CanWrite(round.Status);
        if (!allowed.Succeeded)
        {
            return allowed;
        }

        var areas = await db.FocusAreas.AsNoTracking().ToDictionaryAsync(f => f.Code, f => f.Id, StringComparer.OrdinalIgnoreCase, ct);
        var existing = await db.Assessments.Where(a => a.RoundId == roundId).ToListAsync(ct);
        var errors = new List<FieldError>();
        var texts = new List<(int? AreaId, string? Text, string Field)>();
        if (request.Overall is not null)
        {
            texts.Add((null, request.Overall, "overall"));
        }

        foreach (var (code, text) in request.FocusAreas ?? new Dictionary<string, string?>())
        {
            if (areas.TryGetValue(code, out var id))
            {
                texts.Add((id, text, $"focusAreas.{code.ToUpperInvariant()}"));
            }
            else
            {
                errors.Add(new FieldError($"focusAreas.{code}", $"'{code}' is not a focus area."));
            }
        }

        foreach (var (areaId, text, field) in texts)
        {
            var assessment = existing.Find(a => a.FocusAreaId == areaId);
            if (assessment is null)
            {
                assessment = new Assessment(roundId, areaId);
                db.Assessments.Add(assessment);
            }

            if (Markdown.Check(text) is { } problem)
            {
                errors.Add(new FieldError(field, problem));
                continue;
            }

            var written = assessment.Write(round.Status, text, by, nowUtc);
            if (!written.Succeeded)
            {
                errors.Add(new FieldError(field, written.Message!));
            }
        }

        if (errors.Count > 0)
        {
            return Result.Invalid(errors);
        }

        await db.SaveChangesAsync(ct);
        return Result.Ok();
    }
}

public static class AssessmentApi
{
    public static void MapAssessmentApi(this RouteGroupBuilder api)
    {
        api.MapGet("/rounds/{id:int}/assessment", GetAsync).WithTags("Rounds")
            .WithSummary("The Co-Chairs' assessment of a round: the overall text and one per focus area, in Markdown. Until the round is published, "
                + "only Co-Chairs and administrators read it (403 assessment.draft for others).");
        api.MapPut("/rounds/{id:int}/assessment", PutAsync).WithTags("Rounds").RequireAuthorization(Policies.CoChair)
            .WithSummary("Writes the Co-Chairs' assessment while the round is open or in review: {\"overall\": \"…\", \"focusAreas\": {\"LE\": \"…\"}}.");
    }

    private static async Task<Results<Ok<IReadOnlyList<AssessmentDto>>, ProblemHttpResult>> GetAsync(int id, System.Security.Claims.ClaimsPrincipal user,
        AppDbContext db, CancellationToken ct)
    {
        var status = await db.Rounds.Where(r => r.Id == id).Select(r => (RoundStatus?)r.Status).SingleOrDefaultAsync(ct);
        if (status is null)
        {
            return ApiProblems.NotFound($"Round {id}");
        }

        if (!user.SeesAllWork() && !Assessment.IsPublishedIn(status.Value))
        {
            return ApiProblems.Problem(StatusCodes.Status403Forbidden, "assessment.draft",
                "The Co-Chairs' assessment is their draft until the round is published; only Co-Chairs and the secretariat read it before then.");
        }

        return TypedResults.Ok(await LoadAsync(db, id, ct));
    }

    private static async Task<Results<Ok<IReadOnlyList<AssessmentDto>>, ProblemHttpResult>> PutAsync(int id, AssessmentRequest body, System.Security.Claims.ClaimsPrincipal user,
        AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var result = await AssessmentCommands.SaveAsync(db, id, body, user.DisplayName(), clock.GetUtcNow().UtcDateTime, ct);
        if (!result.Succeeded)
        {
            return ApiProblems.From(result);
        }

        return TypedResults.Ok(await LoadAsync(db, id, ct));
    }

    public static async Task<IReadOnlyList<AssessmentDto>> LoadAsync(AppDbContext db, int roundId, CancellationToken ct)
    {
        var areas = await db.FocusAreas.AsNoTracking().OrderBy(f => f.SortOrder).ThenBy(f => f.Code).Select(f => new { f.Id, f.Code, f.Name }).ToListAsync(ct);
        var rows = await db.Assessments.AsNoTracking().Where(a => a.RoundId == roundId && a.Text != "").ToListAsync(ct);
        return rows.OrderBy(a => a.FocusAreaId is null ? -1 : areas.FindIndex(f => f.Id == a.FocusAreaId))
            .Select(a => areas.Find(f => f.Id == a.FocusAreaId) is { } area
                ? new AssessmentDto(area.Code, area.Name, a.Text, a.UpdatedBy, a.UpdatedUtc)
                : new AssessmentDto(null, null, a.Text, a.UpdatedBy, a.UpdatedUtc)).ToList();
    }
}
