namespace Scorecards.Web.Features.Notices;

/// <summary>
/// The notices' background work: at start, then every <see cref="MailSettings.PollInterval"/> by the app's clock, it
/// writes what has fallen due (<see cref="NoticeScheduler"/>) and sends the outbox (<see cref="OutboxDispatcher"/>).
/// Every server runs one; the leases make sure each notice is written, and each message sent, once.
/// </summary>
public sealed class NoticesWorker(NoticeScheduler scheduler, OutboxDispatcher dispatcher, MailSettings settings, TimeProvider clock,
    ILogger<NoticesWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await scheduler.RunAsync(stoppingToken);
                await dispatcher.SendDueAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The database was away for a moment: what is due is still due, and is looked at again next time.
                logger.LogWarning(e, "Notices could not be scheduled or sent; they are looked at again in {Interval}.", settings.PollInterval);
            }

            try
            {
                await Task.Delay(settings.PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
