using System.CommandLine;
using static Scorecards.Web.Cli.CommandLine;

namespace Scorecards.Web.Cli.Verbs;

/// <summary><c>migrate</c>: creates the database if needed and applies every migration.</summary>
internal static class MigrateVerb
{
    public static Command Create(TextWriter output)
    {
        var command = new Command("migrate", "Creates the database if needed and applies every migration.");
        command.SetAction(async (result, ct) =>
        {
            await WithServicesAsync(result, async services =>
            {
                await PrepareAsync(services, seedDemo: false, output, ct);
                await output.WriteLineAsync("The database is up to date.");
            });
            return 0;
        });
        return command;
    }
}
