using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Scorecards.Data;
using Scorecards.Web.Infrastructure;
using Scorecards.Web.Infrastructure.Authorization;

namespace Scorecards.Web.Features.Framework;

public static class FrameworkApi
{
    public static RouteGroupBuilder MapFrameworkApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/framework").WithTags("Framework");
        group.MapGet("", GetAsync).WithSummary("The strategy, its focus areas, objectives, indicators and the bodies assigned to each objective.");
        group.MapPut("", ImportAsync).WithMetadata(new RequestSizeLimitAttribute(FrameworkFile.MaxBytes)).RequireAuthorization(Policies.Administrator)
            .WithSummary("Replaces the framework from a YAML or JSON framework file; nothing is applied if any error is found.")
            .AcceptsFile("The framework file, UTF-8, at most 1 MB.", null, "application/yaml", "application/json");
        return group;
    }

    private static async Task<Ok<FrameworkView>> GetAsync(AppDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await FrameworkQueries.LoadAsync(db, includeRetired: false, ct));

    private static async Task<Results<Ok<FrameworkImportSummary>, ProblemHttpResult>> ImportAsync(HttpRequest request, FrameworkImporter importer, CancellationToken ct)
    {
        var content = await RequestBodies.ReadAsync(request, FrameworkFile.MaxBytes, ct);
        if (content is null)
        {
            return RequestBodies.TooLarge("The framework file", FrameworkFile.MaxBytes);
        }

        var (text, encodingError) = TextFiles.Decode(content);
        if (text is null)
        {
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, "framework.encoding", encodingError!);
        }

        if (FrameworkFile.ExceedsLimits(text) is { } limit)
        {
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, limit.Code, limit.ToString(),
                new Dictionary<string, object?> { ["line"] = limit.Line });
        }

        var (summary, errors) = await importer.ImportAsync(text, ct);
        if (summary is null)
        {
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, "framework.invalid",
                $"The framework file has {errors.Count} error(s); nothing was applied.",
                new Dictionary<string, object?> { ["errors"] = errors.Select(e => e.ToString()).ToArray() });
        }

        return TypedResults.Ok(summary);
    }
}
