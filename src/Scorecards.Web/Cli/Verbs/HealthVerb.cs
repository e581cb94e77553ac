using System.CommandLine;

namespace Scorecards.Web.Cli.Verbs;

/// <summary>
/// <c>health</c>: asks a running server whether it is ready, for a container's health check or a monitoring script where
/// there is no curl. It reads no settings and opens no database: it only asks.
/// </summary>
internal static class HealthVerb
{
    public static Command Create(TextWriter output)
    {
        var url = new Option<string>("--url") { Description = "The address to ask.", DefaultValueFactory = _ => "http://127.0.0.1:8080/health/ready" };
        var command = new Command("health", "Asks a running server whether it is ready: exits 0 when it answers 200, 1 otherwise.") { url };
        command.SetAction(async (result, ct) =>
        {
            if (!Uri.TryCreate(result.GetValue(url), UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
            {
                throw new CommandException($"--url: '{result.GetValue(url)}' is not an http or https address.");
            }

            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            try
            {
                using var response = await http.GetAsync(address, ct);
                var body = await response.Content.ReadAsStringAsync(ct);
                await output.WriteLineAsync($"{(int)response.StatusCode} {body}");
                return response.IsSuccessStatusCode ? 0 : 1;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                throw new CommandException($"{address} did not answer: {e.Message}");
            }
        });
        return command;
    }
}
