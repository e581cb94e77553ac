using MailKit.Security;

namespace Scorecards.Web.Features.Notices;

/// <summary>
/// Where e-mail goes, from the <c>Mail</c> section of configuration. With no <c>Mail:Host</c>, messages are written as
/// <c>.eml</c> files to <c>Mail:PickupDirectory</c> (by default <c>mail</c> in the data folder), so nothing leaves the
/// machine until an SMTP server is named.
/// </summary>
public sealed record MailSettings
{
    public string? Host { get; init; }
    public int Port { get; init; } = 587;

    /// <summary>Auto, None, StartTls, StartTlsWhenAvailable or SslOnConnect, as MailKit names them.</summary>
    public SecureSocketOptions Security { get; init; } = SecureSocketOptions.Auto;
    public string? User { get; init; }
    public string? Password { get; init; }
    public string From { get; init; } = "scorecards@localhost";
    public string FromName { get; init; } = "Bali Process Scorecards";
    public string PickupDirectory { get; init; } = "mail";

    /// <summary>
    /// The address people reach the app at, for the links in e-mails, such as https://scorecards.baliprocess.net. Unset,
    /// it is the first address the server listens on (<c>--urls</c>) when that names a host, else http://localhost:5000/.
    /// </summary>
    public Uri SiteUrl { get; init; } = new("http://localhost:5000/");

    /// <summary>How often the outbox is looked at when nothing new was written on this server.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a worker holds a message it took; after that another worker may take it again.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(2);

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Host);

    public static MailSettings Read(IConfiguration configuration, string dataDirectory)
    {
        var section = configuration.GetSection("Mail");
        var settings = section.Get<MailSettings>() ?? new MailSettings();
        if (section["SiteUrl"] is null && Listening(configuration["urls"]) is { } listening)
        {
            settings = settings with { SiteUrl = listening };
        }

        var pickup = Path.IsPathRooted(settings.PickupDirectory) ? settings.PickupDirectory : Path.Combine(dataDirectory, settings.PickupDirectory);
        if (!MimeKit.MailboxAddress.TryParse(settings.From, out _))
        {
            throw new InvalidOperationException($"Mail:From is '{settings.From}', which is not an e-mail address.");
        }

        if (!settings.SiteUrl.IsAbsoluteUri || settings.SiteUrl.Scheme is not ("http" or "https"))
        {
            throw new InvalidOperationException($"Mail:SiteUrl is '{settings.SiteUrl}'; give the app's address, such as https://scorecards.example.org.");
        }

        return settings with { PickupDirectory = Path.GetFullPath(pickup) };
    }

    /// <summary>The first of the server's addresses, if it names a host people can reach (not a wildcard such as http://+:80).</summary>
    private static Uri? Listening(string? urls)
    {
        var first = urls?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return first is not null && Uri.TryCreate(first, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            && uri.Host is not ("+" or "*" or "0.0.0.0" or "[::]" or "::") && uri.Port != 0
            ? new Uri(uri.GetLeftPart(UriPartial.Authority) + "/")
            : null;
    }

    /// <summary>The absolute address of a path in the app, for a link in an e-mail.</summary>
    public string Link(string path) => new Uri(SiteUrl, path.TrimStart('/')).ToString();
}
