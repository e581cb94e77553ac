using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;

namespace Scorecards.Web.Infrastructure;

/// <summary>
/// Request bodies read with a limit: anything larger is refused as soon as the limit is passed, before it is held in
/// memory, and answered 413 with problem details that name the limit.
/// </summary>
public static class RequestBodies
{
    /// <summary>Every request body the server accepts unless an endpoint says otherwise; JSON bodies are far smaller.</summary>
    public const long DefaultMaxBytes = 1024 * 1024;

    /// <summary>
    /// Refuses, before reading a byte of it, a body that declares itself longer than its endpoint accepts (its
    /// <see cref="IRequestSizeLimitMetadata"/>, or <see cref="DefaultMaxBytes"/>). The server enforces the same limits on
    /// bodies sent without a length.
    /// </summary>
    public static IApplicationBuilder UseRequestBodyLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? DefaultMaxBytes;
        if (context.Request.ContentLength > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                await TooLarge("The request body", limit).ExecuteAsync(context);
            }

            return;
        }

        await next(context);
    });

    /// <summary>
    /// A spreadsheet sent as the raw body — text/csv or an .xlsx workbook, not a form: a browser cannot send these types
    /// across sites without asking first — with its file name; or the problem to answer.
    /// </summary>
    public static async Task<(string Name, byte[] Content, IResult? Problem)> ReadSheetAsync(HttpRequest request, string? fileName, string defaultName,
        long maxBytes, CancellationToken ct)
    {
        var extension = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant() switch
        {
            Spreadsheets.UploadedSheet.CsvType => ".csv",
            Spreadsheets.UploadedSheet.XlsxType => ".xlsx",
            _ => null,
        };
        if (extension is null)
        {
            return ("", [], ApiProblems.Problem(StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type",
                $"Send the file as the body with Content-Type text/csv or {Spreadsheets.UploadedSheet.XlsxType}."));
        }

        var content = await ReadAsync(request, maxBytes, ct);
        if (content is null)
        {
            return ("", [], TooLarge("The file", maxBytes));
        }

        return ((string.IsNullOrWhiteSpace(fileName) ? defaultName : Path.GetFileNameWithoutExtension(fileName)) + extension, content, null);
    }

    /// <summary>The body, or null when it is longer than <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, long maxBytes, CancellationToken ct)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        // The endpoint's own limit replaces the server-wide one, so the answer is this one's 413 rather than the server's.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = maxBytes + 1;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        try
        {
            while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }

        return buffer.ToArray();
    }

    public static ProblemHttpResult TooLarge(string what, long? maxBytes) =>
        ApiProblems.Problem(StatusCodes.Status413PayloadTooLarge, "too-large",
            $"{what} is larger than {Size(maxBytes ?? 0)}, the most this address accepts.", new Dictionary<string, object?> { ["limitBytes"] = maxBytes });

    public static string Size(long bytes) => bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0
        ? $"{bytes / 1024 / 1024} MB"
        : $"{bytes / 1024} KB";
}
