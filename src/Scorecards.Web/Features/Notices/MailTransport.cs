using MailKit.Net.Smtp;
using MimeKit;

namespace Scorecards.Web.Features.Notices;

/// <summary>Hands one message on: to an SMTP server, or to a folder.</summary>
public interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken ct);
}

/// <summary>Sends through the SMTP server of <see cref="MailSettings"/>, one connection per message.</summary>
public sealed class SmtpTransport(MailSettings settings) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        using var client = new SmtpClient { Timeout = 30_000 };
        await client.ConnectAsync(settings.Host ?? throw new InvalidOperationException("Mail:Host is not set."), settings.Port, settings.Security, ct);
        if (!string.IsNullOrEmpty(settings.User))
        {
            await client.AuthenticateAsync(settings.User, settings.Password ?? "", ct);
        }

        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}

/// <summary>
/// Writes each message as an <c>.eml</c> file named by its Message-ID, so that writing one again replaces the file
/// rather than adding a second. The file appears whole or not at all: it is written under a temporary name first.
/// </summary>
public sealed class PickupDirectoryTransport(MailSettings settings) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        Directory.CreateDirectory(settings.PickupDirectory);
        var name = FileName(message.MessageId ?? throw new InvalidOperationException("A message to write has no Message-ID."));
        var path = Path.Combine(settings.PickupDirectory, name);
        var temporary = Path.Combine(settings.PickupDirectory, $".{name}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var file = File.Create(temporary))
            {
                await message.WriteToAsync(file, ct);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>The file name of a message: its Message-ID with anything but letters, digits, dots and dashes replaced.</summary>
    public static string FileName(string messageId) =>
        new string(messageId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '_').ToArray()) + ".eml";
}
