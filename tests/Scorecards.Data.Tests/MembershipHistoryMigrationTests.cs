using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Scorecards.Data;
using Scorecards.Domain.Members;

namespace Scorecards.Data.Tests;

public sealed class MembershipHistoryMigrationTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Upgrading_GivesEveryMemberItsStatusSinceBeforeTheRegisterBegan(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: false);

        // Back to the schema before members had a history, with a member and an observer.
        await database.WithDbAsync(async db =>
        {
            var migrator = db.GetInfrastructure().GetRequiredService<IMigrator>();
            await migrator.MigrateAsync(db.Database.GetMigrations().Last(m => string.CompareOrdinal(m, "20261201053346") < 0), Ct);
            await db.Database.ExecuteSqlRawAsync("INSERT INTO \"Members\" (\"Name\", \"Kind\", \"Status\", \"IsCoChairGovernment\") VALUES ('Fiji', 'State', 'Member', FALSE), ('IOM', 'Organisation', 'Observer', FALSE)", Ct);
            await migrator.MigrateAsync(cancellationToken: Ct);
            return 0;
        });

        var members = await database.WithDbAsync(db => db.Members.AsNoTracking().Include(m => m.History).OrderBy(m => m.Name).ToListAsync(Ct));

        Assert.Equal(["Fiji", "IOM"], members.Select(m => m.Name));
        Assert.All(members, m => Assert.Null(Assert.Single(m.History).EffectiveDate));
        Assert.Equal([MemberStatus.Member, MemberStatus.Observer], members.Select(m => m.History[0].Status));
        Assert.Equal(MemberStatus.Observer, members[1].StatusOn(new DateOnly(2003, 1, 1)));
    }
}
