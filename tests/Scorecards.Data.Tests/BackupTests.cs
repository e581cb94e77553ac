using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Scorecards.Data.Accounts;
using Scorecards.Data.Backups;
using Scorecards.Web;
using Scorecards.Web.Cli;
using Scorecards.Web.Features.Exports;

namespace Scorecards.Data.Tests;

/// <summary>A backup taken from a running database and restored into a new one gives back the same papers, byte for byte.</summary>
public sealed class BackupTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly ClaimsPrincipal Secretariat = new(new ClaimsIdentity([new Claim(ClaimTypes.Role, Roles.Administrator)], "test"));

    private static readonly DateTime Generated = new(2026, 3, 2, 9, 30, 0, DateTimeKind.Utc);

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Backup_ThenRestoreIntoANewDatabase_GivesEveryExportOfEveryRoundByteForByte(DatabaseProvider provider)
    {
        await using var source = await TestDatabase.CreateAsync(provider, demo: true);
        var folder = Path.Combine(Path.GetTempPath(), "scorecards-backup-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var (connection, drop) = provider == DatabaseProvider.Postgres
            ? Scorecards.Tests.TestPostgres.NewDatabase()
            : ($"Data Source={Path.Combine(folder, "restored", "scorecards.db")};Pooling=False", () => Task.CompletedTask);
        try
        {
            var file = Path.Combine(folder, provider == DatabaseProvider.Sqlite ? "scorecards.backup.db" : "scorecards.dump");
            DatabaseBackup.Copy copy;
            using (var scope = source.Services.CreateScope())
            {
                copy = await scope.ServiceProvider.GetRequiredService<DatabaseBackup>().BackupAsync(file, Ct);
            }

            await using var restored = TestDatabase.ServerOver(provider, connection, Path.Combine(folder, "restored"));
            DatabaseBackup.Copy back;
            using (var scope = restored.Services.CreateScope())
            {
                back = await scope.ServiceProvider.GetRequiredService<DatabaseBackup>().RestoreAsync(file, force: false, Ct);
            }

            await CommandLine.PrepareAsync(restored.Services, seedDemo: false, TextWriter.Null, Ct);
            var before = await ExportEverythingAsync(source.Services);
            var after = await ExportEverythingAsync(restored.Services);

            Assert.True(copy.Bytes > 0);
            Assert.Equal(copy.Migration, back.Migration);
            Assert.Null(back.Warning);
            Assert.Equal(2 * 2 * RoundExport.Formats.Count, before.Count); // two rounds, approved only and all, every format
            Assert.Equal(before.Keys, after.Keys);
            foreach (var (paper, bytes) in before)
            {
                Assert.True(bytes.AsSpan().SequenceEqual(after[paper]), $"{paper} differs after the restore.");
            }

            Assert.Equal(await KeysAsync(source.Services), await KeysAsync(restored.Services));
            var records = await ArchiveAsync(source.Services);
            Assert.Contains("\"Name\":\"18th AHG SOM, 2025\"", records);
            Assert.Equal(records, await ArchiveAsync(restored.Services)); // every record of every table
        }
        finally
        {
            await drop();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Restore_OverADatabaseThatHoldsData_IsRefusedWithoutForce_AndReplacesItWithForce(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true);
        var folder = Path.Combine(Path.GetTempPath(), "scorecards-backup-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var file = Path.Combine(folder, "copy");
            using var scope = database.Services.CreateScope();
            var backup = scope.ServiceProvider.GetRequiredService<DatabaseBackup>();
            await backup.BackupAsync(file, Ct);
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var round = await db.Rounds.OrderBy(r => r.Id).FirstAsync(Ct);
            var name = round.Name;
            await db.Database.ExecuteSqlRawAsync("UPDATE \"Rounds\" SET \"Name\" = 'Changed after the backup' WHERE \"Id\" = {0}", [round.Id], Ct);

            var again = await Assert.ThrowsAsync<BackupException>(() => backup.BackupAsync(file, Ct));
            var refused = await Assert.ThrowsAsync<BackupException>(() => backup.RestoreAsync(file, force: false, Ct));
            var nameWhenRefused = await NameAsync(database.Services, round.Id);
            await backup.RestoreAsync(file, force: true, Ct);
            var nameWhenForced = await NameAsync(database.Services, round.Id);

            Assert.Contains("already exists; a backup never replaces a file", again.Message);
            Assert.Matches(@"^The database already holds data \(\d+ accounts, 49 members, 6 bodies, 2 rounds\)\. .*give --force", refused.Message);
            Assert.Equal("Changed after the backup", nameWhenRefused);
            Assert.Equal(name, nameWhenForced);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Restore_OfAFileThatIsNoBackup_SaysSo_AndChangesNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: false);
        var file = Path.Combine(Path.GetTempPath(), $"not-a-backup-{Guid.NewGuid():N}.db");
        await File.WriteAllTextAsync(file, "Minutes of the 18th AHG SOM\n", Ct);
        try
        {
            using var scope = database.Services.CreateScope();
            var refused = await Assert.ThrowsAsync<BackupException>(() => scope.ServiceProvider.GetRequiredService<DatabaseBackup>().RestoreAsync(file, force: true, Ct));
            var migrations = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.GetAppliedMigrationsAsync(Ct);

            Assert.Contains(provider == DatabaseProvider.Sqlite ? "is not a SQLite database" : "pg_restore failed", refused.Message);
            Assert.NotEmpty(migrations);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Backup_OnPostgres_WithoutPgDump_SaysWhatToInstall_AndLeavesNoFile()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres, demo: false);
        var file = Path.Combine(Path.GetTempPath(), $"scorecards-{Guid.NewGuid():N}.dump");
        using var scope = database.Services.CreateScope();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Backup:PgDump"] = "/nonexistent/bin/pg_dump" }).Build();
        var backup = new DatabaseBackup(scope.ServiceProvider.GetRequiredService<DatabaseSettings>(), configuration, scope.ServiceProvider.GetRequiredService<AppDbContext>());

        var missing = await Assert.ThrowsAsync<BackupException>(() => backup.BackupAsync(file, Ct));

        Assert.StartsWith("/nonexistent/bin/pg_dump was not found. A PostgreSQL backup needs PostgreSQL's client programs", missing.Message);
        Assert.Contains("apt install postgresql-client", missing.Message);
        Assert.False(File.Exists(file));
        Assert.False(File.Exists(file + ".partial"));
    }

    private static async Task<string> NameAsync(IServiceProvider services, int round)
    {
        using var scope = services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Rounds.Where(r => r.Id == round).Select(r => r.Name).SingleAsync(Ct);
    }

    /// <summary>Every paper of every round, approved scorecards only and all of them, keyed by round, scope and format.</summary>
    private static async Task<SortedDictionary<string, byte[]>> ExportEverythingAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var t = scope.ServiceProvider.GetRequiredService<IStringLocalizer<Strings>>();
        var papers = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var round in await db.Rounds.Select(r => r.Id).ToListAsync(Ct))
        {
            foreach (var all in new[] { false, true })
            {
                var export = (await RoundExportQueries.LoadAsync(db, round, Secretariat, all, Ct))!;
                foreach (var format in RoundExport.Formats)
                {
                    using var output = new MemoryStream();
                    await RoundFiles.WriteAsync(export, format, t, Generated, output, Ct);
                    papers[$"round {round}, {(all ? "all" : "approved")}, {format}"] = output.ToArray();
                }
            }
        }

        return papers;
    }

    /// <summary>The keys that sign cookies, which the archive leaves out: a restore brings them back, so sign-ins survive it.</summary>
    private static async Task<string> KeysAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var keys = await scope.ServiceProvider.GetRequiredService<AppDbContext>().DataProtectionKeys.OrderBy(k => k.Id).Select(k => k.Xml).ToListAsync(Ct);
        return string.Join("\n", keys);
    }

    /// <summary>Every record of every table as the archive writes it, with the password hashes the archive leaves out.</summary>
    private static async Task<string> ArchiveAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        using var zip = new MemoryStream();
        await Archive.WriteAsync(db, Secretariat, scope.ServiceProvider.GetRequiredService<IStringLocalizer<Strings>>(), Generated, "schema", zip, Ct);
        zip.Position = 0;
        using var archive = new System.IO.Compression.ZipArchive(zip);
        var records = new System.Text.StringBuilder();
        foreach (var entry in archive.Entries.Where(e => e.FullName.StartsWith("records/", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(entry.Open());
            records.Append(entry.FullName).Append('\n').Append(await reader.ReadToEndAsync(Ct)).Append('\n');
        }

        var hashes = await db.Users.OrderBy(u => u.Id).Select(u => u.PasswordHash).ToListAsync(Ct);
        return records.Append(string.Join("\n", hashes)).ToString();
    }
}
