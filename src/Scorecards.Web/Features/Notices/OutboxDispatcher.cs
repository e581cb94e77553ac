using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Scorecards.Data;
using Scorecards.Data.Notices;
using Scorecards.Domain.Notices;

namespace Scorecards.Web.Features.Notices;

/// <summary>
/// Sends what waits in the outbox. Each message is taken by writing this worker's lease on it in one conditional
/// update, so of several servers exactly one takes it; it is then sent and marked sent. A failed try is counted and
/// tried again later (<see cref="Retries"/>); after the last it is marked failed for an administrator. A worker that
/// dies between taking and marking leaves a lease that runs out, and the message is taken again.
/// </summary>
public sealed class OutboxDispatcher(IServiceScopeFactory scopes, IMailTransport transport, MailSettings settings, TimeProvider clock,
    ILogger<OutboxDispatcher> logger)
{
    private const int Batch = 20;

    /// <summary>Who this worker is, in the leases it writes.</summary>
    public string Owner { get; } = JobLease.NewOwner();

    /// <summary>Sends every message due now, batch by batch; returns how many were sent.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var sent = 0;
        while (!ct.IsCancellationRequested)
        {
            var (tried, succeeded) = await SendBatchAsync(ct);
            sent += succeeded;
            if (tried < Batch)
            {
                break;
            }
        }

        return sent;
    }

    private async Task<(int Tried, int Sent)> SendBatchAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = Now;
        var due = await db.Outbox.AsNoTracking().Where(Due(now))
            .OrderBy(m => m.NextAttemptUtc).ThenBy(m => m.Id)
            .Select(m => m.Id).Take(Batch).ToListAsync(ct);
        var sent = 0;
        foreach (var id in due)
        {
            if (await SendOneAsync(db, id, ct))
            {
                sent++;
            }
        }

        return (due.Count, sent);
    }

    private async Task<bool> SendOneAsync(AppDbContext db, long id, CancellationToken ct)
    {
        var now = Now;
        var until = now + settings.Lease;
        var taken = await db.Outbox.Where(m => m.Id == id).Where(Due(now))
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.LeaseOwner, Owner).SetProperty(m => m.LeaseUntilUtc, until)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1), ct);
        if (taken == 0)
        {
            return false; // another worker took it first
        }

        var message = await db.Outbox.AsNoTracking().SingleAsync(m => m.Id == id, ct);
        try
        {
            await transport.SendAsync(MailComposer.Compose(message, settings), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var failedAt = Now;
            var next = Retries.NextAttempt(message.Attempts, failedAt);
            var error = $"{e.GetType().Name}: {e.Message}";
            error = error.Length > 2000 ? error[..2000] : error;
            await db.Outbox.Where(m => m.Id == id && m.LeaseOwner == Owner)
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.Status, next is null ? OutboxStatus.Failed : OutboxStatus.Pending)
                    .SetProperty(m => m.NextAttemptUtc, next ?? failedAt).SetProperty(m => m.LastError, error)
                    .SetProperty(m => m.LeaseOwner, (string?)null).SetProperty(m => m.LeaseUntilUtc, (DateTime?)null), CancellationToken.None);
            if (next is null)
            {
                logger.LogWarning("E-mail {MessageId} to {To} failed for the last time after {Attempts} tries: {Error}", message.MessageId, message.To, message.Attempts, error);
            }
            else
            {
                logger.LogInformation("E-mail {MessageId} could not be sent (try {Attempts}); next try at {Next:u}: {Error}", message.MessageId, message.Attempts, next, error);
            }

            return false;
        }

        // Sent: from here on the message must not go out again, whatever happens to this request.
        await db.Outbox.Where(m => m.Id == id)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.Status, OutboxStatus.Sent).SetProperty(m => m.SentUtc, Now).SetProperty(m => m.LastError, (string?)null)
                .SetProperty(m => m.LeaseOwner, (string?)null).SetProperty(m => m.LeaseUntilUtc, (DateTime?)null), CancellationToken.None);
        return true;
    }

    /// <summary>A message to try now: waiting, its time come, and no worker's lease on it.</summary>
    private static Expression<Func<OutboxMessage, bool>> Due(DateTime now) =>
        m => m.Status == OutboxStatus.Pending && m.NextAttemptUtc <= now && (m.LeaseUntilUtc == null || m.LeaseUntilUtc < now);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}

/// <summary>Turns an outbox row into the e-mail that goes out: plain text and HTML alternatives, fixed Message-ID.</summary>
public static class MailComposer
{
    public static MimeMessage Compose(OutboxMessage row, MailSettings settings)
    {
        var message = new MimeMessage
        {
            MessageId = row.MessageId,
            Subject = row.Subject,
            Date = new DateTimeOffset(DateTime.SpecifyKind(row.CreatedUtc, DateTimeKind.Utc)),
        };
        message.From.Add(new MailboxAddress(settings.FromName, settings.From));
        message.To.Add(new MailboxAddress(row.ToName, row.To));
        if (row.UnsubscribeUrl is { } unsubscribe)
        {
            // One click in the mail program stops this kind of message (RFC 8058): it posts to the signed address.
            message.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Body = new BodyBuilder { TextBody = row.TextBody, HtmlBody = row.HtmlBody }.ToMessageBody();
        return message;
    }
}
