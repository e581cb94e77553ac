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
            await app.RunAsync();
            return 0;
        });
        return command;
    }
}
