using System.Security.Claims;
using System.Text.Json;
using Microsoft.Extensions.Localization;
using Scorecards.Data;
using Scorecards.Web.Infrastructure;
using Scorecards.Web.Infrastructure.Localization;
using Scorecards.Web.Infrastructure.Spreadsheets;

namespace Scorecards.Web.Features.Exports;

public static class ExportsApi
{
    public static void MapExportsApi(this RouteGroupBuilder api) =>
        api.MapGet("/rounds/{id:int}/export", ExportAsync).WithTags("Rounds")
            .WithSummary("The round as a file: format=docx (meeting paper), pdf (print-ready A4), xlsx (a flat sheet of entries and a sheet per focus area), csv or json "
                + "(the flat sheet; columns in docs/round-export.md). It holds the approved scorecards the caller may read and names the others; "
                + "include=all adds the unapproved ones the caller may read, each marked as not approved by the Co-Chairs.");

    /// <summary>The papers of a published round, for anyone: kept and served from memory until something changes.</summary>
    public static void MapPublicExports(this RouteGroupBuilder publicApi) =>
        publicApi.MapGet("/rounds/{id:int}/export", PublicExportAsync).CacheOutput(PublicRoundOutputCache.Name)
            .WithSummary("A published round as a file, for anyone: format=docx, pdf, xlsx, csv or json as for signed-in readers, holding the approved "
                + "scorecards only and without what bodies ask of governments (support needed). 404 for a round not published.");

    private static async Task<IResult> ExportAsync(int id, string? format, string? include, ClaimsPrincipal user, HttpContext http, AppDbContext db,
        TimeProvider clock, Microsoft.Extensions.Localization.IStringLocalizer<Strings> t, CancellationToken ct)
    {
        if (ParseFormat(format) is not { } kind)
        {
            return UnknownFormat(format);
        }

        var scope = (include ?? "approved").Trim().ToLowerInvariant();
        if (scope is not ("approved" or "all"))
        {
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, "validation",
                $"'{include}' is not what a paper can include; use include=approved (the default) or include=all.");
        }

        var export = await RoundExportQueries.LoadAsync(db, id, user, includeUnapproved: scope == "all", ct);
        if (export is null)
        {
            return ApiProblems.NotFound($"Round {id}");
        }

        await RoundFiles.SendAsync(http.Response, export, kind, t, clock.GetUtcNow().UtcDateTime, ct);
        return TypedResults.Empty;
    }

    private static async Task<IResult> PublicExportAsync(int id, string? format, HttpContext http, AppDbContext db, TimeProvider clock, Microsoft.Extensions.Localization.IStringLocalizer<Strings> t, CancellationToken ct)
    {
        if (ParseFormat(format) is not { } kind)
        {
            return UnknownFormat(format);
        }

        var export = await RoundExportQueries.LoadPublicAsync(db, id, ct);
        if (export is null)
        {
            return ApiProblems.NotFound($"Published round {id}");
        }

        await RoundFiles.SendAsync(http.Response, export, kind, t, clock.GetUtcNow().UtcDateTime, ct);
        return TypedResults.Empty;
    }

    private static string? ParseFormat(string? format) => (format ?? "docx").Trim().ToLowerInvariant() is var kind && RoundExport.Formats.Contains(kind) ? kind : null;

    private static IResult UnknownFormat(string? format) =>
        ApiProblems.Problem(StatusCodes.Status400BadRequest, "validation", $"'{format}' is not an export format; use one of {string.Join(", ", RoundExport.Formats)}.");
}

/// <summary>Writes a round export in each format, to a response or a file.</summary>
public static class RoundFiles
{
    public static string ContentType(string format) => format switch
    {
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xlsx" => UploadedSheet.XlsxType,
        "pdf" => "application/pdf",
        "csv" => UploadedSheet.CsvType + "; charset=utf-8",
        _ => "application/json; charset=utf-8",
    };

    public static string FileName(RoundExport export, string format) =>
        $"scorecard-{FileNames.Slug(export.Round)}{(export.IncludesUnapproved ? "-with-drafts" : "")}.{format}";

    public static Task SendAsync(HttpResponse response, RoundExport export, string format, IStringLocalizer t, DateTime generatedUtc, CancellationToken ct)
    {
        response.ContentType = ContentType(format);
        response.Headers.ContentDisposition = $"attachment; filename=\"{FileName(export, format)}\"";
        return WriteAsync(export, format, t, generatedUtc, response.Body, ct);
    }

    /// <summary>The file in <paramref name="format"/>, in the language of <paramref name="t"/> (the current UI culture).</summary>
    public static Task WriteAsync(RoundExport export, string format, IStringLocalizer t, DateTime generatedUtc, Stream output, CancellationToken ct) => format switch
    {
        "docx" => RoundPaper.WriteAsync(export, t, generatedUtc, output, ct),
        "xlsx" => SheetWriter.WriteXlsxAsync([export.FlatTable(), .. export.AreaTables(t)], output, ct),
        "pdf" => RoundPdf.WriteAsync(export, t, generatedUtc, output, ct),
        "csv" => SheetWriter.WriteCsvAsync(export.FlatTable(), output, ct),
        _ => JsonAsync(export, t, generatedUtc, output, ct),
    };

    // The JSON is data, as the CSV is: in English whatever the reader's language, so that programs read it the same way.
    private static Task JsonAsync(RoundExport export, IStringLocalizer t, DateTime generatedUtc, Stream output, CancellationToken ct)
    {
        IReadOnlyList<string> contents;
        using (Languages.Use(Languages.English))
        {
            contents = export.Contents(t);
        }

        return JsonSerializer.SerializeAsync(output, new
        {
            round = export.Round,
            roundId = export.RoundId,
            meeting = export.Meeting,
            periodStart = export.PeriodStart,
            periodEnd = export.PeriodEnd,
            status = export.Status,
            generatedUtc,
            includesUnapproved = export.IncludesUnapproved,
            contents,
            notIncluded = export.NotIncluded,
            columns = RoundExport.Columns.Select(c => new { c.Name, c.Description }),
            rows = export.Rows,
        }, ApiProblems.Json, ct);
    }
}
