using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
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
        group.MapPut("", ImportAsync).RequireAuthorization(Policies.Administrator)
            .WithSummary("Replaces the framework from a YAML or JSON framework file; nothing is applied if any error is found.");
        return group;
    }

    private static async Task<Ok<FrameworkView>> GetAsync(AppDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await FrameworkQueries.LoadAsync(db, includeRetired: false, ct));

    private static async Task<Results<Ok<FrameworkImportSummary>, ProblemHttpResult>> ImportAsync(HttpRequest request, FrameworkImporter importer, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(ct);
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
