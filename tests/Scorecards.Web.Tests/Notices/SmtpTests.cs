using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Scorecards.Data.Notices;
using Scorecards.Web.Features.Notices;
using Scorecards.Web.Tests.Infrastructure;

namespace Scorecards.Web.Tests.Notices;

/// <summary>
/// E-mail through a real SMTP server (aiosmtpd, storing what it receives in a maildir): what the server receives is what
/// a mail program would show, with its Message-ID, both parts and the one-click unsubscribe headers.
/// </summary>
public sealed class SmtpTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AReturnedScorecardsEmail_ReachesTheSmtpServer_Whole()
    {
        await using var smtp = await SmtpServer.StartAsync();
        var world = await World.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Mail:Host"] = "127.0.0.1",
            ["Mail:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail:Security"] = "None",
            ["Mail:From"] = "scorecards@baliprocess.example",
            ["Mail:SiteUrl"] = "https://scorecards.baliprocess.example/",
        });
        await using var app = world.App;
        var id = await world.ScorecardAsync("WG-TIP");
        await world.Given.RateAllAsync(id);
        await world.Given.SubmitAsync(id);
        await world.Given.ActAsync(id, "reviewer", async (service, loaded, user) => await service.ReturnAsync(loaded, "Cite the Bangkok workshop.", user, Ct));

        var sent = await app.Given.WithAsync<OutboxDispatcher, int>(d => d.SendDueAsync(Ct));
        var received = smtp.Received();
        var returned = received.Single(m => (m.Subject ?? "").EndsWith("was returned", StringComparison.Ordinal));
        var row = await app.WithDbAsync(db => db.Outbox.AsNoTracking().SingleAsync(m => m.Purpose == "Returned", Ct));

        Assert.Equal(await app.WithDbAsync(db => db.Outbox.CountAsync(Ct)), sent);
        Assert.Equal(sent, received.Count);
        Assert.Equal((OutboxStatus.Sent, 1), (row.Status, row.Attempts));
        Assert.Equal(row.MessageId, returned.MessageId);
        Assert.Equal("scorecards@baliprocess.example", returned.From.Mailboxes.Single().Address);
        Assert.Equal(World.WgTip, returned.To.Mailboxes.Single().Address);
        Assert.Contains($"Open it: https://scorecards.baliprocess.example/scorecards/{id}", returned.TextBody, StringComparison.Ordinal);
        Assert.Contains("Cite the Bangkok workshop.", returned.HtmlBody, StringComparison.Ordinal);
        Assert.StartsWith("<https://scorecards.baliprocess.example/notices/unsubscribe?t=", returned.Headers["List-Unsubscribe"], StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", returned.Headers["List-Unsubscribe-Post"]);

        // The link works when followed in the app by the person it was sent to.
        var link = new Uri(System.Text.RegularExpressions.Regex.Match(returned.TextBody ?? "", @"Open it: (\S+)").Groups[1].Value);
        var reporter = await world.SignInAsync(World.WgTip);
        var page = await reporter.GetAsync(link.PathAndQuery, Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Cite the Bangkok workshop.", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    /// <summary>aiosmtpd on a free local port, keeping each message it receives in a maildir.</summary>
    private sealed class SmtpServer : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly string _maildir;

        private SmtpServer(Process process, string maildir, int port)
        {
            _process = process;
            _maildir = maildir;
            Port = port;
        }

        public int Port { get; }

        public static async Task<SmtpServer> StartAsync()
        {
            var command = Environment.GetEnvironmentVariable("SCORECARDS_TEST_SMTPD") ?? "/usr/bin/python3 -m aiosmtpd";
            var parts = command.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (!File.Exists(parts[0]) || !await ImportsAsync(parts[0]))
            {
                if (Environment.GetEnvironmentVariable("SCORECARDS_REQUIRE_SERVICES") == "1")
                {
                    Assert.Fail($"No SMTP server to test with: '{command}' does not run, and the mail tests are required here.");
                }

                global::Scorecards.Tests.Skipped.Because($"SMTP tests skipped: '{command}' does not run (apt-get install python3-aiosmtpd, or set SCORECARDS_TEST_SMTPD).");
            }

            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            var maildir = Path.Combine(Path.GetTempPath(), "scorecards-smtp", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path.GetDirectoryName(maildir)!); // the server makes the maildir itself, with its tmp, new and cur
            var start = new ProcessStartInfo(parts[0]) { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var arg in parts.Skip(1).Concat(["-n", "-l", $"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Mailbox", maildir]))
            {
                start.ArgumentList.Add(arg);
            }

            var process = Process.Start(start)!;
            for (var i = 0; i < 100; i++)
            {
                try
                {
                    using var probe = new TcpClient();
                    await probe.ConnectAsync(IPAddress.Loopback, port, Ct);
                    return new SmtpServer(process, maildir, port);
                }
                catch (SocketException)
                {
                    await Task.Delay(100, Ct);
                }
            }

            process.Kill();
            throw new InvalidOperationException($"aiosmtpd did not start on port {port}: {await process.StandardError.ReadToEndAsync(Ct)}");
        }

        /// <summary>Every message received so far, read back from the maildir.</summary>
        public List<MimeMessage> Received() =>
            [.. new[] { "new", "cur" }.Select(d => Path.Combine(_maildir, d)).Where(Directory.Exists).SelectMany(Directory.GetFiles).Select(f => MimeMessage.Load(f))];

        public async ValueTask DisposeAsync()
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            _process.Dispose();
            if (Directory.Exists(_maildir))
            {
                Directory.Delete(_maildir, recursive: true);
            }
        }

        private static async Task<bool> ImportsAsync(string python)
        {
            using var check = Process.Start(new ProcessStartInfo(python, ["-c", "import aiosmtpd"]) { RedirectStandardError = true })!;
            await check.WaitForExitAsync(Ct);
            return check.ExitCode == 0;
        }
    }
}
