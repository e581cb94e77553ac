using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Scorecards.Data.Notices;
using Scorecards.Web.Features.Members;
using Scorecards.Web.Infrastructure;
using Scorecards.Web.Tests.Infrastructure;

namespace Scorecards.Web.Tests.Operations;

/// <summary>
/// Metrics are gathered by name across the process, so these tests run alone: no other app's counts mix with theirs.
/// </summary>
[CollectionDefinition(nameof(Telemetry), DisableParallelization = true)]
public sealed class TelemetryCollection;

/// <summary>What the servers tell their operators: metrics for Prometheus, readiness, and logs a collector can read.</summary>
[Collection(nameof(Telemetry))]
public sealed class TelemetryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Metrics_AreForAdministratorsOnly_AndCountScorecardsByState_TheOutbox_FailedSignIns_AndRefusedImports()
    {
        await using var world = await World.StartAsync();
        var wgTip = await world.ScorecardAsync("WG-TIP");
        await world.Given.RateAllAsync(wgTip);
        await world.Given.SubmitAsync(wgTip);
        // Opening the round wrote its notices' e-mails to the outbox.
        var pending = await world.App.WithDbAsync(db => db.Outbox.CountAsync(m => m.Status == OutboxStatus.Pending, Ct));
        await world.App.WithDbAsync(async db =>
        {
            db.Outbox.Add(Message("a", OutboxStatus.Failed));
            db.Outbox.Add(Message("b", OutboxStatus.Pending));
            db.Outbox.Add(Message("c", OutboxStatus.Sent));
            return await db.SaveChangesAsync(Ct);
        });
        var wrong = await TestApp.PostFormAsync(world.App.CreateClient(), "/account/login", new Dictionary<string, string> { ["Email"] = World.WgTip, ["Password"] = "not the password" });
        await world.Given.WithAsync<MemberImporter>(importer => importer.RunAsync("members.csv", "Name,Kind,Status\nAtlantis,island,member\n"u8.ToArray(), apply: false, Ct));

        var anonymous = await world.App.CreateClient().GetAsync(Telemetry.MetricsPath, Ct);
        var reporter = await (await world.App.ApiClientAsync(World.WgTip)).GetAsync(Telemetry.MetricsPath, Ct);
        var admin = await (await world.App.ApiClientAsync(World.Admin)).GetAsync(Telemetry.MetricsPath, Ct);
        var text = await admin.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode); // the form again, with its message
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, reporter.StatusCode);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Contains($"scorecards_scorecards{{otel_scope_name=\"Scorecards\",round=\"{World.RoundName}\",state=\"Submitted\"}} 1", text);
        Assert.Contains($"round=\"{World.RoundName}\",state=\"NotStarted\"}} 1", text);
        Assert.Contains("scorecards_outbox_messages{otel_scope_name=\"Scorecards\",state=\"failed\"} 1", text);
        Assert.Contains($"scorecards_outbox_messages{{otel_scope_name=\"Scorecards\",state=\"pending\"}} {pending + 1}", text);
        Assert.Contains("scorecards_outbox_oldest_pending_age_seconds", text);
        Assert.Matches("scorecards_sign_in_failures_total\\{otel_scope_name=\"Scorecards\"\\} [1-9]", text);
        Assert.Matches("scorecards_imports_refused_total\\{otel_scope_name=\"Scorecards\",kind=\"members\"\\} [1-9]", text);
        Assert.Contains("http_server_request_duration_seconds_bucket", text); // ASP.NET Core's own
    }

    [Fact]
    public async Task Ready_CoversTheDatabaseAndTheOutbox_AndMailThatFailedEveryRetryDegradesIt_WithoutTakingTheServerOutOfService()
    {
        await using var world = await World.StartAsync();
        var client = world.App.CreateClient();
        // Nothing has yet been counted on this server; the counts from the database are there all the same.
        var metrics = await (await world.App.ApiClientAsync(World.Admin)).GetStringAsync(Telemetry.MetricsPath, Ct);

        var healthy = await client.GetAsync("/health/ready", Ct);
        using var before = JsonDocument.Parse(await healthy.Content.ReadAsStringAsync(Ct));
        await world.App.WithDbAsync(async db =>
        {
            db.Outbox.Add(Message("a", OutboxStatus.Failed));
            return await db.SaveChangesAsync(Ct);
        });
        var degraded = await client.GetAsync("/health/ready", Ct);
        using var after = JsonDocument.Parse(await degraded.Content.ReadAsStringAsync(Ct));

        Assert.Contains($"scorecards_scorecards{{otel_scope_name=\"Scorecards\",round=\"{World.RoundName}\",state=\"NotStarted\"}} 2", metrics);
        Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
        Assert.Equal("Healthy", before.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", before.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Matches("^\\d+ pending, 0 failed after every retry$", before.RootElement.GetProperty("checks").GetProperty("outbox").GetProperty("description").GetString());
        Assert.Equal(HttpStatusCode.OK, degraded.StatusCode);
        Assert.Equal("Degraded", after.RootElement.GetProperty("status").GetString());
        Assert.EndsWith(" pending, 1 failed after every retry: see /admin/outbox.", after.RootElement.GetProperty("checks").GetProperty("outbox").GetProperty("description").GetString());
    }

    [Fact]
    public async Task WithACollectorNamed_RequestsAndTheirSqlAreTraced_AndWithoutOneNothingIs()
    {
        var traced = new System.Collections.Concurrent.ConcurrentBag<System.Diagnostics.Activity>();
        using var listener = new System.Diagnostics.ActivityListener
        {
            ShouldListenTo = source => source.Name is "Microsoft.AspNetCore" or "OpenTelemetry.Instrumentation.EntityFrameworkCore",
            Sample = (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) => System.Diagnostics.ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = traced.Add,
        };
        System.Diagnostics.ActivitySource.AddActivityListener(listener);

        await using (var quiet = await TestApp.StartAsync())
        {
            await quiet.CreateClient().GetAsync("/public", Ct);
        }

        var untraced = traced.Count(a => a.Source.Name != "Microsoft.AspNetCore");
        // Nothing listens at this address: the exporter's failures are its own, and the traces are made all the same.
        await using (var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:9/" }))
        {
            await app.CreateClient().GetAsync("/public", Ct);
        }

        Assert.Equal(0, untraced);
        var request = Assert.Single(traced, a => a.Source.Name == "Microsoft.AspNetCore" && a.GetTagItem("url.path") is "/public");
        Assert.Contains(traced, a => a.Source.Name == "OpenTelemetry.Instrumentation.EntityFrameworkCore" && a.TraceId == request.TraceId);
    }

    [Fact]
    public void LoggingFormatJson_WritesEachEntryAsOneJsonObject()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Logging:Format"] = "json" }).Build();
        using var services = new ServiceCollection().AddLogging(b =>
        {
            b.AddConsole();
            b.AddQuietLogging(configuration);
        }).BuildServiceProvider();
        var name = services.GetRequiredService<IOptions<ConsoleLoggerOptions>>().Value.FormatterName;
        var output = new StringWriter();
        var provider = new BatchedConsoleLoggerProvider(services.GetServices<ConsoleFormatter>().Single(f => f.Name == name), output, Timeout.InfiniteTimeSpan);

        provider.CreateLogger("Scorecards.Requests").LogInformation("GET {Path} {Status}", "/rounds/7", 200);
        provider.Dispose();
        using var entry = JsonDocument.Parse(output.ToString().Trim());

        Assert.Contains(services.GetServices<ILoggerProvider>(), p => p is BatchedConsoleLoggerProvider);
        Assert.Equal("json", name);
        Assert.Equal("Scorecards.Requests", entry.RootElement.GetProperty("Category").GetString());
        Assert.Equal("Information", entry.RootElement.GetProperty("LogLevel").GetString());
        Assert.Equal("GET /rounds/7 200", entry.RootElement.GetProperty("Message").GetString());
        Assert.Equal("/rounds/7", entry.RootElement.GetProperty("State").GetProperty("Path").GetString());
        Assert.EndsWith("Z", entry.RootElement.GetProperty("Timestamp").GetString());
    }

    private static OutboxMessage Message(string id, OutboxStatus status) => new()
    {
        MessageId = $"<{id}@example.org>",
        To = "someone@example.org",
        Subject = "Reporting is open",
        Purpose = "notice",
        CreatedUtc = World.Now.UtcDateTime,
        NextAttemptUtc = World.Now.UtcDateTime,
        Status = status,
    };
}
