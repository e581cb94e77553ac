using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Scorecards.Web.Cli;

namespace Scorecards.Data.Tests;

/// <summary>On PostgreSQL a server does not start on an old schema unless told to migrate, and two instances migrating at once do not collide.</summary>
public sealed class SchemaTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Serving_AnOldSchema_IsRefusedWithTheCommandToRun_UnlessToldToMigrate()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres, demo: false);
        var last = await database.WithDbAsync(async db =>
        {
            var migrations = db.Database.GetMigrations().ToList();
            await db.GetInfrastructure().GetRequiredService<IMigrator>().MigrateAsync(migrations[^2], Ct);
            return migrations[^1];
        });

        var refused = await Assert.ThrowsAsync<CommandException>(() => CommandLine.PrepareAsync(database.Services, seedDemo: false, TextWriter.Null, Ct, migrate: false));
        await CommandLine.PrepareAsync(database.Services, seedDemo: false, TextWriter.Null, Ct, migrate: true);

        Assert.Equal($"The database schema is not current: 1 migration(s) to apply, from {last}. Run 'scorecards migrate' first, or start this server with 'serve --migrate'.",
            refused.Message);
        Assert.Empty(await database.WithDbAsync(async db => (await db.Database.GetPendingMigrationsAsync(Ct)).ToList()));
    }

    [Fact]
    public async Task TwoInstancesMigratingAnEmptyDatabaseAtOnce_BothFinish_AndEachMigrationIsAppliedOnce()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres, demo: false);
        var count = await database.WithDbAsync(async db =>
        {
            await db.GetInfrastructure().GetRequiredService<IMigrator>().MigrateAsync(Migration.InitialDatabase, Ct);
            return db.Database.GetMigrations().Count();
        });

        await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => CommandLine.PrepareAsync(database.Services, seedDemo: false, TextWriter.Null, Ct), Ct)));

        var applied = await database.WithDbAsync(db => db.Database.GetAppliedMigrationsAsync(Ct));
        Assert.Equal(count, applied.Count());
        Assert.Equal(applied.Count(), applied.Distinct().Count());
    }
}
