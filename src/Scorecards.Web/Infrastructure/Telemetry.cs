using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Scorecards.Data;
using Scorecards.Data.Notices;
using Scorecards.Domain.Rounds;
using Scorecards.Web.Infrastructure.Authorization;

namespace Scorecards.Web.Infrastructure;

/// <summary>
/// What the servers tell their operators: OpenTelemetry metrics (requests, outgoing HTTP, and the counts the secretariat
/// cares about) for Prometheus at <c>/metrics</c>, behind the administrator policy; traces of requests, outgoing HTTP and
/// SQL, sent over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> names a collector; and <c>/health/ready</c> covering the
/// database and the mail outbox.
/// </summary>
public static class Telemetry
{
    public const string MetricsPath = "/metrics";

    public static void AddTelemetry(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<AppMetrics>();
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("scorecards", serviceVersion: typeof(Telemetry).Assembly.GetName().Version?.ToString()))
            .WithMetrics(m =>
            {
                m.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddMeter(AppMetrics.MeterName).AddPrometheusExporter();
                if (otlp)
                {
                    m.AddOtlpExporter();
                }
            });
        // Traces cost a little on every request and query, so they are gathered only where there is somewhere to send them.
        if (otlp)
        {
            telemetry.WithTracing(t => t
                .AddAspNetCoreInstrumentation(o => o.Filter = ctx => !ctx.Request.Path.StartsWithSegments("/health") && !ctx.Request.Path.StartsWithSegments(MetricsPath))
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation()
                .AddOtlpExporter());
        }

        services.AddHealthChecks()
            .AddDbContextCheck<AppDbContext>("database", tags: ["ready"])
            .AddCheck<OutboxHealthCheck>("outbox", tags: ["ready"]);
    }

    public static void MapTelemetry(this WebApplication app)
    {
        // The instruments exist from the start, not from the first sign-in that fails: a scrape finds every one.
        app.Services.GetRequiredService<AppMetrics>();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = WriteHealthAsync }).AllowAnonymous();
        // Prometheus reads it with an administrator's read-only API token (Authorization: Bearer sct_…).
        app.MapPrometheusScrapingEndpoint(MetricsPath).RequireAuthorization(Policies.Administrator);
    }

    /// <summary>The overall status, then each check's status and what it found, as JSON.</summary>
    private static Task WriteHealthAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        });
    }
}

/// <summary>
/// The counts the secretariat watches, as OpenTelemetry instruments: scorecards of the rounds not yet published by state,
/// the outbox's backlog, failed sign-ins and refused imports. The counts read from the database are read at most every
/// <see cref="ReadEvery"/>, however often they are scraped.
/// </summary>
public sealed class AppMetrics
{
    public const string MeterName = "Scorecards";
    public static readonly TimeSpan ReadEvery = TimeSpan.FromSeconds(15);

    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _clock;
    private readonly Counter<long> _signInFailures;
    private readonly Counter<long> _importsRefused;
    private readonly Lock _reading = new();
    private Readings? _readings;

    public AppMetrics(IMeterFactory meters, IServiceScopeFactory scopes, TimeProvider clock)
    {
        _scopes = scopes;
        _clock = clock;
        var meter = meters.Create(MeterName);
        _signInFailures = meter.CreateCounter<long>("scorecards.sign_in.failures", "{attempt}",
            "Sign-ins refused for a wrong password or code, on this server.");
        _importsRefused = meter.CreateCounter<long>("scorecards.imports.refused", "{file}",
            "Import files refused with at least one rejected row or error, by kind, on this server; nothing of them was applied.");
        meter.CreateObservableGauge("scorecards.scorecards", () => Read().Scorecards, "{scorecard}",
            "Scorecards of the rounds not yet published, by round and state.");
        meter.CreateObservableGauge("scorecards.outbox.messages", () => Read().Outbox, "{message}",
            "E-mails in the outbox not yet sent, by state: pending (to be sent or retried) and failed (every retry spent; see /admin/outbox).");
        meter.CreateObservableGauge("scorecards.outbox.oldest_pending_age", () => Read().OldestPending, "s",
            "How long the oldest e-mail not yet sent has waited.");
    }

    public void SignInFailed() => _signInFailures.Add(1);

    /// <summary>Counts a refused import of <paramref name="kind"/> (activities, members, bodies, accounts, framework).</summary>
    public void ImportRefused(string kind) => _importsRefused.Add(1, new KeyValuePair<string, object?>("kind", kind));

    /// <summary>Counts <paramref name="preview"/> if it was refused, and gives it back.</summary>
    public Features.Shared.ImportPreview Counted(string kind, Features.Shared.ImportPreview preview)
    {
        if (preview.Rejections.Count > 0)
        {
            ImportRefused(kind);
        }

        return preview;
    }

    // When the counts were read is the server's own time, not the app's clock: it bounds the database's work.
    private sealed record Readings(long ReadAt, Measurement<long>[] Scorecards, Measurement<long>[] Outbox, Measurement<double> OldestPending);

    private Readings Read()
    {
        lock (_reading)
        {
            if (_readings is { } kept && System.Diagnostics.Stopwatch.GetElapsedTime(kept.ReadAt) < ReadEvery)
            {
                return kept;
            }

            var now = _clock.GetUtcNow();

            using var scope = _scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            // Instruments are read synchronously; these are two small grouped counts on indexed columns.
            var cards = db.Scorecards.Join(db.Rounds.Where(r => r.Status != RoundStatus.Published), s => s.RoundId, r => r.Id, (s, r) => new { r.Name, s.Status })
                .GroupBy(x => new { x.Name, x.Status }).Select(g => new { g.Key.Name, g.Key.Status, Count = g.LongCount() }).ToList();
            var outbox = db.Outbox.Where(m => m.Status != OutboxStatus.Sent).GroupBy(m => m.Status).Select(g => new { Status = g.Key, Count = g.LongCount() }).ToList();
            var oldest = db.Outbox.Where(m => m.Status == OutboxStatus.Pending).OrderBy(m => m.CreatedUtc).Select(m => (DateTime?)m.CreatedUtc).FirstOrDefault();
            _readings = new Readings(System.Diagnostics.Stopwatch.GetTimestamp(),
                [.. cards.Select(c => new Measurement<long>(c.Count, new("round", c.Name), new("state", c.Status.ToString())))],
                [.. new[] { OutboxStatus.Pending, OutboxStatus.Failed }.Select(s => new Measurement<long>(
                    outbox.FirstOrDefault(o => o.Status == s)?.Count ?? 0, new KeyValuePair<string, object?>("state", s.ToString().ToLowerInvariant())))],
                new Measurement<double>(oldest is { } at ? Math.Max(0, (now.UtcDateTime - at).TotalSeconds) : 0));
            return _readings;
        }
    }
}

/// <summary>
/// The mail outbox, for readiness: degraded (still ready) when e-mails have failed every retry or the oldest waiting one
/// has waited over an hour, which means no server is sending; it never takes a server out of service, since pages work.
/// </summary>
public sealed class OutboxHealthCheck(AppDbContext db, TimeProvider clock) : IHealthCheck
{
    public static readonly TimeSpan Stalled = TimeSpan.FromHours(1);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var failed = await db.Outbox.CountAsync(m => m.Status == OutboxStatus.Failed, cancellationToken);
        var pending = await db.Outbox.CountAsync(m => m.Status == OutboxStatus.Pending, cancellationToken);
        var stalled = await db.Outbox.CountAsync(m => m.Status == OutboxStatus.Pending && m.CreatedUtc < now - Stalled, cancellationToken);
        var said = $"{pending} pending, {failed} failed after every retry";
        return failed > 0 || stalled > 0
            ? HealthCheckResult.Degraded(stalled > 0 ? $"{said}; {stalled} waiting over an hour: is mail being sent?" : $"{said}: see /admin/outbox.")
            : HealthCheckResult.Healthy(said);
    }
}
