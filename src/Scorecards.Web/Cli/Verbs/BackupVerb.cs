using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Data.Backups;
using static Scorecards.Web.Cli.CommandLine;

namespace Scorecards.Web.Cli.Verbs;

/// <summary><c>backup</c> and <c>restore</c>: a consistent copy of the whole database, and putting one back.</summary>
internal static class BackupVerb
{
    public static Command Backup(TextWriter output)
    {
        var file = new Option<FileInfo>("--out") { Description = "The file to write; it must not exist yet.", Required = true };
        var command = new Command("backup", "Copies the whole database to a file while the servers run: SQLite's online backup (a database file), "
            + "or pg_dump's custom format on PostgreSQL.") { file };
        command.SetAction(async (result, ct) =>
        {
            // A backup copies the database as it is: it never migrates it first.
            await WithServicesAsync(result, async services =>
            {
                await RefuseMissingDatabaseAsync(services, ct);
                using var scope = services.CreateScope();
                var copy = await Run(() => scope.ServiceProvider.GetRequiredService<DatabaseBackup>().BackupAsync(result.GetValue(file)!.FullName, ct));
                await output.WriteLineAsync($"Backed up {Describe(scope)} to {copy.File} ({Size(copy.Bytes)}; schema at {copy.Migration}).");
            });
            return 0;
        });
        return command;
    }

    public static Command Restore(TextWriter output)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "A file 'scorecards backup' wrote, from a database of the same kind." };
        var force = new Option<bool>("--force") { Description = "Replace a database that already holds data." };
        var command = new Command("restore", "Puts a backup back into the configured database, whole or not at all, then brings its schema up to date. "
            + "Stop every server first. A database that holds data is refused unless --force.") { file, force };
        command.SetAction(async (result, ct) =>
        {
            await WithServicesAsync(result, async services =>
            {
                using var scope = services.CreateScope();
                var restored = await Run(() => scope.ServiceProvider.GetRequiredService<DatabaseBackup>().RestoreAsync(result.GetValue(file)!.FullName, result.GetValue(force), ct));
                if (restored.Warning is { } warning)
                {
                    throw new CommandException(warning);
                }

                await PrepareAsync(services, seedDemo: false, output, ct);
                using var after = services.CreateScope();
                var db = after.ServiceProvider.GetRequiredService<AppDbContext>();
                await output.WriteLineAsync($"Restored {restored.File} into {Describe(after)}: {await db.Users.CountAsync(ct)} accounts, "
                    + $"{await db.Rounds.CountAsync(ct)} rounds, {await db.Scorecards.CountAsync(ct)} scorecards. Start the servers again.");
            });
            return 0;
        });
        return command;
    }

    private static async Task<DatabaseBackup.Copy> Run(Func<Task<DatabaseBackup.Copy>> work)
    {
        try
        {
            return await work();
        }
        catch (BackupException e)
        {
            throw new CommandException(e.Message);
        }
    }

    private static string Describe(IServiceScope scope)
    {
        var settings = scope.ServiceProvider.GetRequiredService<DatabaseSettings>();
        return settings.Provider == DatabaseProvider.Sqlite
            ? settings.SqliteFile() ?? "the SQLite database in memory"
            : $"the PostgreSQL database {new Npgsql.NpgsqlConnectionStringBuilder(settings.ConnectionString).Database}";
    }

    private static string Size(long bytes) => bytes < 1024 * 1024 ? $"{Math.Max(1, bytes / 1024)} KB" : $"{bytes / (1024.0 * 1024):0.0} MB";
}
