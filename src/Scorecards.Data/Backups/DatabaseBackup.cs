using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Scorecards.Data.Backups;

/// <summary>
/// A consistent copy of the whole database, made while servers run, and putting one back. SQLite copies with its online
/// backup (a snapshot of every page, the write-ahead log included), so the copy is itself a database file that opens as
/// it is; PostgreSQL runs <c>pg_dump</c> in its custom format and <c>pg_restore</c>, which must be on the path or named in
/// <c>Backup:PgDump</c> and <c>Backup:PgRestore</c>. A copy is written beside its target and renamed into place, so a
/// failed backup never leaves a file that looks whole.
/// </summary>
public sealed class DatabaseBackup(DatabaseSettings settings, IConfiguration configuration, AppDbContext db)
{
    /// <summary>What a backup wrote or a restore read: where, how large, the latest migration it holds, and anything to heed.</summary>
    public sealed record Copy(string File, long Bytes, string? Migration, string? Warning = null);

    /// <summary>Copies the database to <paramref name="file"/>, which must not exist yet.</summary>
    public async Task<Copy> BackupAsync(string file, CancellationToken ct)
    {
        file = Path.GetFullPath(file);
        if (File.Exists(file) || Directory.Exists(file))
        {
            throw new BackupException($"{file} already exists; a backup never replaces a file. Choose a new name (a date in it helps).");
        }

        if (Path.GetDirectoryName(file) is { } folder && !Directory.Exists(folder))
        {
            throw new BackupException($"The folder {folder} does not exist.");
        }

        if (!(await db.Database.GetAppliedMigrationsAsync(ct)).Any())
        {
            throw new BackupException("The database holds no Scorecards data yet; there is nothing to back up.");
        }

        var partial = file + ".partial";
        try
        {
            if (settings.Provider == DatabaseProvider.Sqlite)
            {
                await BackupSqliteAsync(partial, ct);
            }
            else
            {
                await RunAsync(Tool("PgDump", "pg_dump"), ["--format=custom", "--no-owner", "--no-privileges", $"--file={partial}"], ct);
            }

            File.Move(partial, file);
        }
        finally
        {
            File.Delete(partial);
        }

        return new Copy(file, new FileInfo(file).Length, (await db.Database.GetAppliedMigrationsAsync(ct)).LastOrDefault());
    }

    private async Task BackupSqliteAsync(string target, CancellationToken ct)
    {
        await using var source = new SqliteConnection(settings.ConnectionString);
        await using var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString());
        await source.OpenAsync(ct);
        await copy.OpenAsync(ct);
        // One step copies every page under one read transaction: a snapshot, whatever the servers write meanwhile.
        source.BackupDatabase(copy);
        // The copy is one file, whatever the source's journal: it opens, and copies, on its own.
        await ExecuteAsync(copy, "PRAGMA journal_mode=DELETE;", ct);
        if (await ScalarAsync(copy, "PRAGMA integrity_check;", ct) is not "ok" and var problem)
        {
            throw new BackupException($"The copy did not pass SQLite's integrity check ({problem}); the database itself may be damaged.");
        }
    }

    /// <summary>
    /// Puts a backup back into the configured database. A database that holds data is refused unless
    /// <paramref name="force"/>; the backup is checked before anything is touched, and applied whole or not at all.
    /// </summary>
    public async Task<Copy> RestoreAsync(string file, bool force, CancellationToken ct)
    {
        file = Path.GetFullPath(file);
        if (!File.Exists(file))
        {
            throw new BackupException($"{file} does not exist.");
        }

        var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        if (!force && await HoldsDataAsync(ct) is { } held)
        {
            throw new BackupException($"The database already holds data ({held}). Restoring would replace all of it; "
                + "give --force to do so, after a backup of it if it may be wanted again.");
        }

        string? latest;
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            latest = await RestoreSqliteAsync(file, known, ct);
        }
        else
        {
            // pg_restore --list reads the whole table of contents: a file that is not a custom-format dump is refused here.
            await RunAsync(Tool("PgRestore", "pg_restore"), ["--list", file], ct);
            var creator = db.GetService<IRelationalDatabaseCreator>();
            if (!await creator.ExistsAsync(ct))
            {
                await creator.CreateAsync(ct);
            }

            // --clean drops what the dump holds before creating it again, and --single-transaction makes the whole restore
            // one transaction: an error leaves the database as it was.
            await RunAsync(Tool("PgRestore", "pg_restore"), ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", $"--dbname={PgDatabase()}", file], ct);
            NpgsqlConnection.ClearAllPools();
            latest = (await db.Database.GetAppliedMigrationsAsync(ct)).LastOrDefault();
            if (latest is not null && !known.Contains(latest))
            {
                // A custom-format dump is only read by pg_restore, so this is learnt after the restore, not before.
                return new Copy(file, new FileInfo(file).Length, latest, $"The backup was made by a newer Scorecards (its schema has migration {latest}, "
                    + "which this program does not know): serve it with that version or a later one.");
            }
        }

        return new Copy(file, new FileInfo(file).Length, latest);
    }

    private async Task<string?> RestoreSqliteAsync(string file, HashSet<string> known, CancellationToken ct)
    {
        await using var backup = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        try
        {
            await backup.OpenAsync(ct);
            if (await ScalarAsync(backup, "PRAGMA integrity_check;", ct) is not "ok" and var problem)
            {
                throw new BackupException($"{Path.GetFileName(file)} did not pass SQLite's integrity check ({problem}); it cannot be restored.");
            }
        }
        catch (SqliteException e)
        {
            throw new BackupException($"{Path.GetFileName(file)} is not a SQLite database ({e.Message.TrimEnd('.')}); a backup of an embedded database is one.");
        }

        var migrations = new List<string>();
        try
        {
            await using var read = backup.CreateCommand();
            read.CommandText = "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\" ORDER BY \"MigrationId\"";
            await using var rows = await read.ExecuteReaderAsync(ct);
            while (await rows.ReadAsync(ct))
            {
                migrations.Add(rows.GetString(0));
            }
        }
        catch (SqliteException)
        {
            throw new BackupException($"{Path.GetFileName(file)} is a SQLite database, but not a Scorecards one: it has no migration history.");
        }

        if (migrations.FirstOrDefault(m => !known.Contains(m)) is { } unknown)
        {
            throw new BackupException($"{Path.GetFileName(file)} was made by a newer Scorecards (its schema has migration {unknown}, which this program does not know); "
                + "restore it with that version or a later one. Nothing was changed.");
        }

        if (settings.SqliteDirectory() is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        await using var target = new SqliteConnection(settings.ConnectionString);
        await target.OpenAsync(ct);
        // The online backup writes every page of the target in one transaction: readers see the old database or the new.
        backup.BackupDatabase(target);
        SqliteConnection.ClearAllPools();
        return migrations.LastOrDefault();
    }

    /// <summary>What makes the database hold data, or null if it holds none worth keeping (no schema, or no records yet).</summary>
    private async Task<string?> HoldsDataAsync(CancellationToken ct)
    {
        if (settings.SqliteFile() is { } path && !File.Exists(path))
        {
            return null;
        }

        if (settings.Provider == DatabaseProvider.Postgres && !await db.GetService<IRelationalDatabaseCreator>().ExistsAsync(ct))
        {
            return null;
        }

        if (!(await db.Database.GetAppliedMigrationsAsync(ct)).Any())
        {
            return null;
        }

        var counts = new (string What, int Count)[]
        {
            ("accounts", await db.Users.CountAsync(ct)),
            ("members", await db.Members.CountAsync(ct)),
            ("bodies", await db.Bodies.CountAsync(ct)),
            ("rounds", await db.Rounds.CountAsync(ct)),
        };
        return counts.Any(c => c.Count > 0)
            ? string.Join(", ", counts.Where(c => c.Count > 0).Select(c => $"{c.Count} {c.What}"))
            : null;
    }

    private string Tool(string setting, string name) => configuration[$"Backup:{setting}"] is { Length: > 0 } path ? path : name;

    private string PgDatabase() => new NpgsqlConnectionStringBuilder(settings.ConnectionString).Database
        ?? throw new BackupException("ConnectionStrings:Scorecards names no database.");

    /// <summary>Runs a PostgreSQL client program with the connection's settings in its environment, never on its command line.</summary>
    private async Task RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken ct)
    {
        var connection = new NpgsqlConnectionStringBuilder(settings.ConnectionString);
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PGHOST"] = connection.Host ?? "localhost";
        start.Environment["PGPORT"] = connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGDATABASE"] = connection.Database ?? "";
        start.Environment["PGUSER"] = connection.Username ?? Environment.UserName;
        if (connection.Password is { Length: > 0 } password)
        {
            start.Environment["PGPASSWORD"] = password;
        }

        start.Environment["PGSSLMODE"] = connection.SslMode switch
        {
            SslMode.Disable => "disable",
            SslMode.Allow => "allow",
            SslMode.Require => "require",
            SslMode.VerifyCA => "verify-ca",
            SslMode.VerifyFull => "verify-full",
            _ => "prefer",
        };
        start.Environment["PGCONNECT_TIMEOUT"] = "15";

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new BackupException($"{program} did not start.");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new BackupException($"{program} was not found. A PostgreSQL backup needs PostgreSQL's client programs (Debian and Ubuntu: "
                + "apt install postgresql-client), of the server's major version or newer; name them with Backup__PgDump and Backup__PgRestore "
                + "where they are not on the path (such as /usr/lib/postgresql/16/bin/pg_dump).");
        }

        using (process)
        {
            var errors = process.StandardError.ReadToEndAsync(ct);
            var output = process.StandardOutput.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            var said = (await errors).Trim();
            _ = await output;
            // What it says on success (a table of contents, notices) is not needed; on failure it is the reason.
            if (process.ExitCode != 0)
            {
                throw new BackupException($"{Path.GetFileName(program)} failed (exit code {process.ExitCode}){(said.Length == 0 ? "." : $": {said.ReplaceLineEndings(" ")}")}");
            }
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<string?> ScalarAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (await command.ExecuteScalarAsync(ct))?.ToString();
    }
}

/// <summary>A backup or restore could not be done; the message says why and what to do.</summary>
public sealed class BackupException(string message) : Exception(message);
