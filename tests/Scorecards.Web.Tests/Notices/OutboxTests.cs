using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Scorecards.Data;
using Scorecards.Data.Notices;
using Scorecards.Domain.Notices;
using Scorecards.Web.Features.Notices;
using Scorecards.Web.Tests.Infrastructure;

namespace Scorecards.Web.Tests.Notices;

/// <summary>
/// The outbox keeps every e-mail until it is sent: a mail server that is down is tried again on a schedule, a
/// message that keeps failing waits for an administrator, and of several servers, or a server that died mid-send,
/// exactly one sends each message.
/// </summary>
public sealed class OutboxTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    [Fact]
    public async Task WhenTheMailServerIsDown_AMessageIsTriedOnTheSchedule_ThenFails_AndAnAdministratorCanSendItAgain()
    {
        // Port 1 on this machine refuses connections: a real SMTP client meeting a mail server that is down.
        var world = await World.StartAsync(settings: new Dictionary<string, string?> { ["Mail:Host"] = "127.0.0.1", ["Mail:Port"] = "1", ["Mail:Security"] = "None" });
        await using var app = world.App;
        var clock = (FakeTimeProvider)app.Services.GetService(typeof(TimeProvider))!;
        var message = await app.WithDbAsync(db => db.Outbox.OrderBy(m => m.Id).FirstAsync(Ct)); // the round's opening, to a reporter
        var tries = new List<(int Attempts, OutboxStatus Status, double WaitMinutes)>();

        for (var i = 0; i < Retries.MaxAttempts; i++)
        {
            var triedAt = clock.GetUtcNow().UtcDateTime;
            var sent = await app.Given.WithAsync<OutboxDispatcher, int>(d => d.SendDueAsync(Ct));
            Assert.Equal(0, sent);
            var row = await app.WithDbAsync(db => db.Outbox.AsNoTracking().SingleAsync(m => m.Id == message.Id, Ct));
            tries.Add((row.Attempts, row.Status, (row.NextAttemptUtc - triedAt).TotalMinutes));
            if (row.Status == OutboxStatus.Failed)
            {
                break;
            }

            Assert.Contains("refused", row.LastError, StringComparison.OrdinalIgnoreCase);
            // Nothing is tried before its time.
            clock.Advance(row.NextAttemptUtc - clock.GetUtcNow().UtcDateTime - TimeSpan.FromSeconds(1));
            Assert.Equal(0, await app.Given.WithAsync<OutboxDispatcher, int>(d => d.SendDueAsync(Ct)));
            Assert.Equal(row.Attempts, await app.WithDbAsync(db => db.Outbox.Where(m => m.Id == message.Id).Select(m => m.Attempts).SingleAsync(Ct)));
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal([1, 2, 3, 4, 5, 6], tries.Select(t => t.Attempts));
        Assert.All(tries[..5], t => Assert.Equal(OutboxStatus.Pending, t.Status));
        Assert.Equal(OutboxStatus.Failed, tries[5].Status);
        Assert.Equal([1, 5, 15, 60, 240], tries[..5].Select(t => t.WaitMinutes));

        var admin = await world.SignInAsync(World.Admin);
        var page = await admin.GetStringAsync("/admin/outbox", Ct);
        Assert.Contains(message.To, page, StringComparison.Ordinal);
        Assert.Contains("Connection refused", page, StringComparison.OrdinalIgnoreCase);
        var resend = await TestApp.PostFormAsync(admin, $"/admin/outbox/Resend?id={message.Id}", new Dictionary<string, string>(), "/admin/outbox");
        Assert.Equal(HttpStatusCode.Redirect, resend.StatusCode);
        var again = await app.WithDbAsync(db => db.Outbox.AsNoTracking().SingleAsync(m => m.Id == message.Id, Ct));
        Assert.Equal((OutboxStatus.Pending, 0), (again.Status, again.Attempts));

        // Only administrators see the outbox.
        var reporter = await world.SignInAsync(World.WgTip);
        Assert.Equal("/account/denied", (await reporter.GetAsync("/admin/outbox", Ct)).Headers.Location?.AbsolutePath);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task TwoServersSendingAtOnce_SendEachMessageExactlyOnce(DatabaseProvider provider)
    {
        var world = await World.StartAsync(provider: provider);
        await using var app = world.App;
        await using var other = await app.AnotherServerAsync();
        await app.WithDbAsync(async db =>
        {
            var notifier = app.Services.GetService(typeof(Notifier)) as Notifier;
            for (var i = 0; i < 60; i++)
            {
                db.Outbox.Add(notifier!.Mail(null, $"person{i}@example.org", $"Person {i}", "test", $"Message {i}", ["Hello."], null, null, World.Now.UtcDateTime));
            }

            return await db.SaveChangesAsync(Ct);
        });
        var waiting = await app.WithDbAsync(db => db.Outbox.CountAsync(m => m.Status == OutboxStatus.Pending, Ct));

        var counts = await Task.WhenAll(
            app.Given.WithAsync<OutboxDispatcher, int>(d => d.SendDueAsync(Ct)),
            other.Given.WithAsync<OutboxDispatcher, int>(d => d.SendDueAsync(Ct)),
            app.Given.WithAsync<OutboxDispatcher, int>(d => d.SendDueAsync(Ct)));

        Assert.Equal(waiting, counts.Sum());
        Assert.Equal(waiting, await app.WithDbAsync(db => db.Outbox.CountAsync(m => m.Status == OutboxStatus.Sent && m.Attempts == 1, Ct)));
        Assert.Equal(waiting, NoticesTests.Mails(app).Count);
    }

    [Fact]
    public async Task AWorkerKilledMidBatch_AndOneStartedAfterIt_SendEachMessageOnce()
    {
        var world = await World.StartAsync();
        await using var app = world.App;
        var clock = (FakeTimeProvider)app.Services.GetService(typeof(TimeProvider))!;
        var settings = (MailSettings)app.Services.GetService(typeof(MailSettings))!;
        var notifier = (Notifier)app.Services.GetService(typeof(Notifier))!;
        await app.WithDbAsync(async db =>
        {
            for (var i = 0; i < 10; i++)
            {
                db.Outbox.Add(notifier.Mail(null, $"person{i}@example.org", $"Person {i}", "test", $"Message {i}", ["Hello."], null, null, World.Now.UtcDateTime));
            }

            return await db.SaveChangesAsync(Ct);
        });
        var total = await app.WithDbAsync(db => db.Outbox.CountAsync(Ct));
        using var kill = new CancellationTokenSource();
        var doomed = new OutboxDispatcher((Microsoft.Extensions.DependencyInjection.IServiceScopeFactory)app.Services.GetService(typeof(Microsoft.Extensions.DependencyInjection.IServiceScopeFactory))!,
            new KilledAfter(3, new PickupDirectoryTransport(settings), kill), settings, clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<OutboxDispatcher>.Instance);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => doomed.SendDueAsync(kill.Token));
        var restarted = await app.Given.WithAsync<OutboxDispatcher, int>(d => d.SendDueAsync(Ct));
        clock.Advance(settings.Lease + TimeSpan.FromSeconds(1));
        var afterLease = await app.Given.WithAsync<OutboxDispatcher, int>(d => d.SendDueAsync(Ct));

        Assert.Equal(total - 3 - 1, restarted); // the one the killed worker had taken waits for its lease to run out
        Assert.Equal(1, afterLease);
        Assert.Equal(total, NoticesTests.Mails(app).Count);
        Assert.Equal(total, await app.WithDbAsync(db => db.Outbox.CountAsync(m => m.Status == OutboxStatus.Sent, Ct)));
    }

    /// <summary>A transport whose process is killed after it has sent <paramref name="sends"/> messages: the next send never happens.</summary>
    private sealed class KilledAfter(int sends, IMailTransport inner, CancellationTokenSource kill) : IMailTransport
    {
        private int _sent;

        public async Task SendAsync(MimeKit.MimeMessage message, CancellationToken ct)
        {
            if (_sent == sends)
            {
                await kill.CancelAsync();
                ct.ThrowIfCancellationRequested();
            }

            await inner.SendAsync(message, ct);
            _sent++;
        }
    }

    [Fact]
    public async Task AMessageTakenByAServerThatDied_IsSentByAnotherOnceItsLeaseRunsOut()
    {
        var world = await World.StartAsync();
        await using var app = world.App;
        var clock = (FakeTimeProvider)app.Services.GetService(typeof(TimeProvider))!;
        var lease = ((MailSettings)app.Services.GetService(typeof(MailSettings))!).Lease;
        // A worker took every message and was killed before sending: its lease is on them, nothing is marked sent.
        var total = await app.WithDbAsync(db => db.Outbox.ExecuteUpdateAsync(u => u.SetProperty(m => m.LeaseOwner, "dead/1/x")
            .SetProperty(m => m.LeaseUntilUtc, World.Now.UtcDateTime + lease).SetProperty(m => m.Attempts, 1), Ct));

        var whileHeld = await app.Given.WithAsync<OutboxDispatcher, int>(d => d.SendDueAsync(Ct));
        clock.Advance(lease + TimeSpan.FromSeconds(1));
        var afterwards = await app.Given.WithAsync<OutboxDispatcher, int>(d => d.SendDueAsync(Ct));
        var again = await app.Given.WithAsync<OutboxDispatcher, int>(d => d.SendDueAsync(Ct));

        Assert.True(total > 0);
        Assert.Equal(0, whileHeld);
        Assert.Equal(total, afterwards);
        Assert.Equal(0, again);
        Assert.Equal(total, NoticesTests.Mails(app).Count);
    }
}
