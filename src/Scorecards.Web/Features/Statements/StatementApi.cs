using System.Security.Claims;
using System.Text;
using Scorecards.Data;
using Scorecards.Web.Features.Exports;
using Scorecards.Web.Infrastructure;
using Scorecards.Web.Infrastructure.Authorization;

namespace Scorecards.Web.Features.Statements;

public static class StatementApi
{
    public static void MapStatementApi(this RouteGroupBuilder api) =>
        api.MapGet("/rounds/{id:int}/statement", GetAsync).WithTags("Rounds")
            .WithSummary("The draft of the Co-Chairs' statement sections for the round, as Markdown (text/markdown), or as Word with format=docx; "
                + "as the Co-Chairs edited it, or else written from the approved entries, the period's activities and the assessment. Co-Chairs and administrators.");

    private static async Task<IResult> GetAsync(int id, string? format, ClaimsPrincipal user, HttpContext http, AppDbContext db, CancellationToken ct)
    {
        if (!user.SeesAllWork())
        {
            return TypedResults.Forbid();
        }

        if (format is not (null or "md" or "markdown" or "docx"))
        {
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, "validation", $"'{format}' is not a format of the statement; use md or docx.");
        }

        var statement = await StatementQueries.GetAsync(db, id, ct);
        if (statement is null)
        {
            return ApiProblems.NotFound($"Round {id}");
        }

        await SendAsync(http.Response, statement, format == "docx", ct);
        return TypedResults.Empty;
    }

    public static async Task SendAsync(HttpResponse response, StatementView statement, bool word, CancellationToken ct)
    {
        var name = $"statement-{FileNames.Slug(statement.Round)}";
        response.Headers.ContentDisposition = $"attachment; filename=\"{name}.{(word ? "docx" : "md")}\"";
        if (word)
        {
            response.ContentType = RoundFiles.ContentType("docx");
            await PackageOutput.WriteAsync(stream => Word.FromMarkdown(statement.Markdown, stream), response.Body, ct);
        }
        else
        {
            response.ContentType = "text/markdown; charset=utf-8";
            await response.Body.WriteAsync(Encoding.UTF8.GetBytes(statement.Markdown), ct);
        }
    }
}
