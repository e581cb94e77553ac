using Scorecards.Data;

namespace Scorecards.Web.Features.Notices;

public static class NoticesRegistration
{
    /// <summary>
    /// Notices and their e-mail: the workflow's notices, the outbox and its sender, by SMTP when <c>Mail:Host</c> is
    /// set, else into the pickup folder. <c>Mail:SendInBackground=false</c> leaves sending to whoever calls the
    /// dispatcher and the scheduler (tests on a fake clock).
    /// </summary>
    public static IServiceCollection AddNotices(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        var mail = MailSettings.Read(configuration, dataDirectory);
        services.AddSingleton(mail);
        if (mail.UsesSmtp)
        {
            services.AddSingleton<IMailTransport, SmtpTransport>();
        }
        else
        {
            services.AddSingleton<IMailTransport, PickupDirectoryTransport>();
        }

        services.AddSingleton<Notifier>();
        services.AddSingleton<ISaveFollower, WorkflowNotices>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<NoticeScheduler>();
        if (configuration.GetValue("Mail:SendInBackground", true))
        {
            services.AddHostedService<NoticesWorker>();
        }

        return services;
    }
}
