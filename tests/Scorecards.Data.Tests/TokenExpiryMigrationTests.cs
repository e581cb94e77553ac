using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Scorecards.Data.Accounts;

namespace Scorecards.Data.Tests;

/// <summary>Tokens made when tokens never expired get the default life from the upgrade on, on both providers.</summary>
public sealed class TokenExpiryMigrationTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Upgrading_GivesATokenWithoutExpiryNinetyDays_AndLeavesRevokedOnesAlone(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: false);
        var user = await database.WithDbAsync(async db =>
        {
            var account = new AppUser { UserName = "script@example.org", Email = "script@example.org", DisplayName = "Script" };
            db.Users.Add(account);
            await db.SaveChangesAsync(Ct);
            return account.Id;
        });

        // Back to the schema before tokens expired, with a live token and a revoked one, both without expiry.
        await database.WithDbAsync(async db =>
        {
            var migrator = db.GetInfrastructure().GetRequiredService<IMigrator>();
            await migrator.MigrateAsync(db.Database.GetMigrations().Last(m => !m.EndsWith("_AccountSecurity", StringComparison.Ordinal) && string.CompareOrdinal(m, "20261130160000") < 0), Ct);
            var created = new DateTime(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc);
            await db.Database.ExecuteSqlAsync($"INSERT INTO \"ApiTokens\" (\"UserId\", \"Name\", \"Prefix\", \"Hash\", \"CreatedUtc\") VALUES ({user}, 'live', 'sct_live', 'a', {created})", Ct);
            await db.Database.ExecuteSqlAsync($"INSERT INTO \"ApiTokens\" (\"UserId\", \"Name\", \"Prefix\", \"Hash\", \"CreatedUtc\", \"RevokedUtc\") VALUES ({user}, 'revoked', 'sct_gone', 'b', {created}, {created})", Ct);
            await migrator.MigrateAsync(cancellationToken: Ct);
            return 0;
        });

        var tokens = await database.WithDbAsync(db => db.ApiTokens.AsNoTracking().OrderBy(t => t.Name).ToListAsync(Ct));

        var live = tokens.Single(t => t.Name == "live");
        Assert.InRange(live.ExpiresUtc!.Value, DateTime.UtcNow.AddDays(89), DateTime.UtcNow.AddDays(91));
        Assert.Equal(TokenScope.ReadWrite, live.Scope);
        Assert.Null(tokens.Single(t => t.Name == "revoked").ExpiresUtc);
    }
}
