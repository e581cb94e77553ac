using System.CommandLine;
using Scorecards.Data;
using static Scorecards.Web.Cli.CommandLine;

namespace Scorecards.Web.Cli.Verbs;

/// <summary><c>serve</c>: runs the web application.</summary>
internal static class ServeVerb
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "Addresses to listen on, such as http://127.0.0.1:5080 (default http://localhost:5000)." };
        var demo = new Option<bool>("--demo") { Description = "Seed demo data first if the database is empty." };
        var migrate = new Option<bool>("--migrate") { Description = "On PostgreSQL, apply pending migrations before serving (SQLite always does)." };
        var command = new Command("serve", "Runs the web application. The embedded SQLite database is created and migrated first; "
            + "on PostgreSQL the schema must be current, or --migrate given.") { urls, demo, migrate };
        command.SetAction(async (result, ct) =>
        {
            var args = new List<string>();
            if (result.GetValue(urls) is { Length: > 0 } u)
            {
                args.Add($"--urls={u}");
            }

            var builder = WebApp.CreateBuilder([.. args], result.GetValue(DataOption)!);
            var app = WebApp.Build(builder);
            var embedded = app.Services.GetRequiredService<DatabaseSettings>().Provider == DatabaseProvider.Sqlite;
            await PrepareAsync(app.Services, seedDemo: result.GetValue(demo), Console.Out, ct, migrate: embedded || result.GetValue(migrate));
            await AnnounceFirstRunAsync(app, ct);
            await app.RunAsync();
            return 0;
        });
        return command;
    }

    /// <summary>
    /// On an installation with no administrator, prints a link that creates the first one once the server listens; each
    /// start replaces the link before.
    /// </summary>
    private static async Task AnnounceFirstRunAsync(WebApplication app, CancellationToken ct)
    {
        await using var scope = app.Services.CreateAsyncScope();
        if (await scope.ServiceProvider.GetRequiredService<Features.Setup.FirstRun>().IssueAsync(ct) is not { } token)
        {
            return;
        }

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var address = app.Urls.FirstOrDefault()?.Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
                .Replace("://[::]", "://localhost", StringComparison.Ordinal) ?? "http://localhost:5000";
            Console.Out.WriteLine($"First run: there is no administrator yet. Create the first one at {address.TrimEnd('/')}{Features.Setup.FirstRun.PathPrefix}{token}");
            Console.Out.WriteLine("The link works once; until an administrator exists, each start of the server prints a new one and the old stops working.");
        });
    }
}
