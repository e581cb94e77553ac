using Microsoft.AspNetCore.Diagnostics;

namespace Scorecards.Web.Infrastructure;

/// <summary>Gives bare error status codes a body: problem details for the API, a page for people.</summary>
public static class StatusCodePages
{
    /// <summary>
    /// Unhandled errors: the API answers problem details with the trace id to quote; pages show the error page. A request
    /// the server refused to read (a body over its limit, a malformed request) keeps its own status, not 500.
    /// </summary>
    public static void UseAppExceptionHandler(this WebApplication app)
    {
        app.UseWhen(ctx => ctx.Request.Path.StartsWithSegments("/api"), api => api.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = StatusFor,
            ExceptionHandler = async http =>
            {
                var status = http.Response.StatusCode;
                var (code, detail) = http.Features.Get<IExceptionHandlerFeature>()?.Error is BadHttpRequestException bad
                    ? ApiProblems.Unreadable(bad)
                    : (ApiProblems.CodeFor(status), status >= 500
                        ? "The server could not complete the request; nothing was half-applied. Quote the trace id if it happens again."
                        : "The request could not be read.");
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = { Status = status, Detail = detail, Extensions = { ["code"] = code } },
                });
            },
            // A body the client got wrong is the client's error, not the server's: answered, not logged as a failure.
            SuppressDiagnosticsCallback = c => c.Exception is BadHttpRequestException,
        }));
        app.UseWhen(ctx => !ctx.Request.Path.StartsWithSegments("/api"), pages => pages.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error",
            StatusCodeSelector = StatusFor,
        }));
    }

    private static int StatusFor(Exception e) => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;

    public static void UseAppStatusCodePages(this WebApplication app)
    {
        app.UseWhen(ctx => ctx.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages(WriteProblemAsync));
        app.UseWhen(ctx => !ctx.Request.Path.StartsWithSegments("/api"), pages => pages.UseStatusCodePagesWithReExecute("/error/{0}"));
    }

    private static async Task WriteProblemAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = http.Response.StatusCode,
                Detail = http.Response.StatusCode switch
                {
                    401 => "Sign in, or send a personal access token as 'Authorization: Bearer <token>'.",
                    403 => "Your account is not allowed to do this.",
                    404 => "Nothing is at this address.",
                    405 => "This address does not accept that method.",
                    415 => "Send the body as application/json.",
                    _ => null,
                },
            },
        });
    }
}

/// <summary>Headers that keep pages from being framed, sniffed or made to load anything from elsewhere.</summary>
public static class SecurityHeaders
{
    private const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The API reference is a script application served from this app (nothing from elsewhere): it starts from an inline
    /// module carrying a fresh nonce and styles itself inline; it shows only the API document, never anything a person typed.
    /// </summary>
    private static string ApiReferencePolicy(string? nonce) =>
        $"default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'{(nonce is null ? "" : $" 'nonce-{nonce}'")}; "
        + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public const string ApiReferencePath = "/api/reference";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        if (context.Request.Path.StartsWithSegments(ApiReferencePath))
        {
            context.Response.OnStarting(() =>
            {
                headers.ContentSecurityPolicy = ApiReferencePolicy(context.Items[Scalar.AspNetCore.ScalarOptions.NonceHttpContextItemKey] as string);
                return Task.CompletedTask;
            });
        }

        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        await next();
    });
}
