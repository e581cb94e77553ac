using System.Diagnostics;
using Microsoft.Extensions.Logging.Console;

namespace Scorecards.Web.Infrastructure;

/// <summary>
/// What the server says when nothing is wrong: one line per request (method, path, status, time taken) and nothing
/// from the framework below Warning. The query string is left out, as it can carry a token or a signed link. Each
/// category can be raised by setting, as <c>Logging__LogLevel__Microsoft.AspNetCore=Information</c>.
/// </summary>
public static partial class RequestLog
{
    public const string Category = "Scorecards.Requests";

    /// <summary>The framework's categories that speak at Information on every request.</summary>
    private static readonly string[] QuietCategories = ["Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "System.Net.Http"];

    /// <summary>Framework categories at Warning, unless configuration names a level for them; each entry on one line.</summary>
    public static void AddQuietLogging(this ILoggingBuilder logging, IConfiguration configuration)
    {
        foreach (var category in QuietCategories)
        {
            if (configuration[$"Logging:LogLevel:{category}"] is null)
            {
                logging.AddFilter(category, LogLevel.Warning);
            }
        }

        // The console, where the host has one (a host that removed its providers keeps none), writes each entry on one
        // line, through the framework's formatter, in blocks rather than a line at a time.
        if (logging.Services.Any(d => d.ServiceType == typeof(ILoggerProvider) && d.ImplementationType == typeof(ConsoleLoggerProvider)))
        {
            // Logging:Format=json writes each entry as one JSON object, for a log collector; otherwise one line of text.
            if (string.Equals(configuration["Logging:Format"], "json", StringComparison.OrdinalIgnoreCase))
            {
                logging.AddJsonConsole(o =>
                {
                    o.UseUtcTimestamp = true;
                    o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                    o.IncludeScopes = false;
                    o.JsonWriterOptions = new System.Text.Json.JsonWriterOptions { Indented = false };
                });
            }
            else
            {
                logging.AddSimpleConsole(o =>
                {
                    o.SingleLine = true;
                    o.UseUtcTimestamp = true;
                    o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
                });
            }
            foreach (var console in logging.Services.Where(d => d.ServiceType == typeof(ILoggerProvider) && d.ImplementationType == typeof(ConsoleLoggerProvider)).ToList())
            {
                logging.Services.Remove(console);
            }

            logging.Services.AddSingleton<ILoggerProvider, BatchedConsoleLoggerProvider>();
        }
    }

    public static IApplicationBuilder UseRequestLog(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(Category);
        return app.Use(async (context, next) =>
        {
            if (!logger.IsEnabled(LogLevel.Information))
            {
                await next(context);
                return;
            }

            var started = Stopwatch.GetTimestamp();
            try
            {
                await next(context);
            }
            finally
            {
                Answered(logger, context.Request.Method, context.Request.Path.Value ?? "/", context.Response.StatusCode,
                    Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        });
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Method} {Path} {Status} in {ElapsedMs:0.0} ms")]
    private static partial void Answered(ILogger logger, string method, string path, int status, double elapsedMs);
}
