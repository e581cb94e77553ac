using System.CommandLine;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Data.Accounts;
using Scorecards.Web.Cli.Verbs;
using Scorecards.Web.Features.Accounts;
using Scorecards.Web.Features.Seeding;

namespace Scorecards.Web.Cli;

/// <summary>
/// The program's verbs. Each builds the same services as the web app, so a verb follows the same rules
/// and writes the same audit log as a page or API call.
/// </summary>
public static class CommandLine
{
    internal static readonly Option<string> DataOption = new("--data")
    {
        Description = "Folder for the embedded SQLite database (default: SCORECARDS_DATA when set, else ./data of the working directory).",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("SCORECARDS_DATA") is { Length: > 0 } folder ? folder : "data",
        Recursive = true,
    };

    public static Task<int> RunAsync(string[] args) => RunAsync(args, Console.Out, Console.Error);

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("Scorecards: reporting against the 2023 Adelaide Strategy for Cooperation.")
        {
            ServeVerb.Create(), MigrateVerb.Create(output), SeedVerb.Create(output), UserVerb.Create(output), CoChairVerb.Create(output), FrameworkVerb.Create(output),
            ActivitiesVerb.Create(output), MembersVerb.Create(output), MembersVerb.Bodies(output), MembersVerb.Secondments(output), ExportVerb.Create(output), TokenVerb.Create(output),
            BackupVerb.Backup(output), BackupVerb.Restore(output), ExportVerb.All(output), HealthVerb.Create(output),
        };
        root.Options.Add(DataOption);

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            var verb = parsed.CommandResult.Command == root ? "" : " " + string.Join(' ', CommandPath(parsed.CommandResult.Command, root));
            await error.WriteLineAsync($"error: {parsed.Errors[0].Message} Run 'scorecards{verb} --help' for usage.");
            return 2;
        }

        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (CommandException e)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return 1;
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException or DbUpdateException or Npgsql.NpgsqlException or Microsoft.Data.Sqlite.SqliteException)
        {
            await error.WriteLineAsync($"error: {e.GetBaseException().Message.ReplaceLineEndings(" ")}");
            return 1;
        }
    }

    private static IEnumerable<string> CommandPath(Command command, RootCommand root)
    {
        var names = new List<string>();
        for (Command? c = command; c is not null && c != root; c = c.Parents.OfType<Command>().FirstOrDefault())
        {
            names.Insert(0, c.Name);
        }

        return names;
    }

    /// <summary>The operator at the command line: the secretariat, acting as an administrator does.</summary>
    internal static readonly System.Security.Claims.ClaimsPrincipal Operator = new(new System.Security.Claims.ClaimsIdentity(
        [new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.Role, Roles.Administrator)], "command line"));

    internal static async Task<AppUser> FindUserAsync(IServiceScope scope, string email) =>
        await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email)
            ?? throw new CommandException($"--email: no account has the address {email}.");

    /// <summary>
    /// Migrates the database (or, with <paramref name="migrate"/> false, refuses one whose schema is not current, naming the
    /// command that migrates it) and, when asked and empty, seeds the demo data.
    /// </summary>
    public static async Task PrepareAsync(IServiceProvider services, bool seedDemo, TextWriter output, CancellationToken ct, bool migrate = true)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (migrate)
        {
            await db.MigrateAsync(scope.ServiceProvider.GetRequiredService<DatabaseSettings>(), ct);
        }
        else if ((await db.Database.GetPendingMigrationsAsync(ct)).ToList() is { Count: > 0 } pending)
        {
            throw new CommandException($"The database schema is not current: {pending.Count} migration(s) to apply, from {pending[0]}. "
                + "Run 'scorecards migrate' first, or start this server with 'serve --migrate'.");
        }

        await scope.ServiceProvider.GetRequiredService<AccountService>().EnsureRolesAsync();
        if (seedDemo)
        {
            var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
            if (await seeder.IsEmptyAsync(ct))
            {
                var seeded = await seeder.SeedAsync(ct);
                if (!seeded.Succeeded)
                {
                    throw new CommandException(seeded.Message!);
                }

                await PrintDemoAccountsAsync(output);
            }
        }
    }

    internal static async Task PrintDemoAccountsAsync(TextWriter output)
    {
        await output.WriteLineAsync($"Demo data seeded. Demo accounts (demo only; every password is '{DemoSeeder.DemoPassword}'):");
        foreach (var account in DemoSeeder.Accounts)
        {
            await output.WriteLineAsync($"  {account.Email,-44} {Roles.Label(account.Role)}{(account.Body is null ? "" : $", {account.Body}")}{(account.Member is null ? "" : $", {account.Member}")}");
        }
    }

    /// <summary>
    /// The shared start of every administrative verb: the app's services, the database migrated, one scope to work in. A verb
    /// works on a database that exists: unless it <paramref name="mayCreate"/> one (as seeding does), one that does not is
    /// refused, naming where it was looked for, rather than made empty in the wrong folder.
    /// </summary>
    internal static Task InScopeAsync(ParseResult result, TextWriter output, CancellationToken ct, Func<IServiceScope, Task> work, bool mayCreate = false) =>
        WithServicesAsync(result, async services =>
        {
            if (!mayCreate)
            {
                await RefuseMissingDatabaseAsync(services, ct);
            }

            await PrepareAsync(services, seedDemo: false, output, ct);
            using var scope = services.CreateScope();
            await work(scope);
        });

    internal static async Task RefuseMissingDatabaseAsync(IServiceProvider services, CancellationToken ct)
    {
        const string Remedy = "Run the command from the folder that holds it, or give its folder with --data or SCORECARDS_DATA; "
            + "'scorecards migrate' or 'scorecards serve' creates a new one.";
        var settings = services.GetRequiredService<DatabaseSettings>();
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            var file = Path.GetFullPath(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(settings.ConnectionString).DataSource);
            if (!File.Exists(file))
            {
                throw new CommandException($"There is no database in {Path.GetDirectoryName(file)} (looked for {Path.GetFileName(file)}). {Remedy}");
            }

            return;
        }

        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (!(await db.Database.GetAppliedMigrationsAsync(ct)).Any())
        {
            var name = new Npgsql.NpgsqlConnectionStringBuilder(settings.ConnectionString).Database;
            throw new CommandException($"The PostgreSQL database {name} holds no Scorecards data yet. {Remedy}");
        }
    }

    /// <summary>The spreadsheet format a file's extension names, "csv" or "xlsx"; any other is refused before any work is done.</summary>
    internal static string SheetFormat(FileInfo file, string what) => file.Extension.ToLowerInvariant() switch
    {
        ".csv" => "csv",
        ".xlsx" => "xlsx",
        _ => throw new CommandException($"{file.Name}: write {what} to a .csv or an .xlsx file."),
    };

    /// <summary>Writes a table to the file in the format <see cref="SheetFormat"/> gave.</summary>
    internal static async Task WriteSheetAsync(FileInfo file, string format, Infrastructure.Spreadsheets.SheetTable table, CancellationToken ct)
    {
        await using var stream = File.Create(file.FullName);
        await Infrastructure.Spreadsheets.SheetWriter.WriteAsync(table, format, stream, ct);
    }

    /// <summary>
    /// Imports a file the way every import verb does: checks it exists and is not too large, runs the import (or, with
    /// --dry-run, its check), prints each rejected row and the counts, and fails when anything was rejected.
    /// </summary>
    internal static async Task ImportFileAsync(ParseResult result, TextWriter output, FileInfo file, bool dryRun, long maxBytes, string what,
        Func<IServiceScope, byte[], Task<Features.Shared.ImportPreview>> run, CancellationToken ct)
    {
        if (!file.Exists)
        {
            throw new CommandException($"{file.FullName} does not exist.");
        }

        if (file.Length > maxBytes)
        {
            throw new CommandException($"{file.Name} is larger than {maxBytes / 1024} KB; {what} is far smaller.");
        }

        var content = await File.ReadAllBytesAsync(file.FullName, ct);
        await InScopeAsync(result, output, ct, async scope =>
        {
            var preview = await run(scope, content);
            foreach (var r in preview.Rejections)
            {
                var where = r.Row == 0 ? "" : r.Record is null ? $"row {r.Row}, " : $"row {r.Row} ({r.Record}), ";
                await output.WriteLineAsync($"{file.Name}: {where}{(r.Column.Length == 0 ? "" : $"{r.Column}: ")}{r.Reason}");
            }

            var counts = $"{preview.Rows} rows: {preview.Created} to add, {preview.Updated} to change, {preview.Unchanged} unchanged, {preview.Rejected} rejected";
            if (preview.Rejections.Count > 0)
            {
                throw new CommandException($"{file.Name} cannot be imported ({counts}); nothing was changed.");
            }

            await output.WriteLineAsync(preview.Applied
                ? $"Imported {file.Name}: {preview.Created} added, {preview.Updated} changed, {preview.Unchanged} unchanged."
                : $"{(dryRun ? "Dry run of" : "Nothing to change in")} {file.Name}, nothing changed: {counts}.");
        });
    }

    internal static async Task WithServicesAsync(ParseResult result, Func<IServiceProvider, Task> work)
    {
        var builder = WebApp.CreateBuilder([], result.GetValue(DataOption)!);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Error);
        await using var app = WebApp.Build(builder);
        await work(app.Services);
    }
}

/// <summary>A verb could not do what was asked; its message is printed as the one-line reason.</summary>
public sealed class CommandException(string message) : Exception(message);
