using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scorecards.Data.Accounts;

namespace Scorecards.Data.Tests;

/// <summary>
/// The content version is read on kept connections with the read prepared: each read must still see the latest
/// commit, from any context, and a kept connection the database server dropped must not fail a request.
/// </summary>
public sealed class ContentVersionReaderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task EachReadOnAKeptConnectionSeesTheLatestSavedVersion(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: false);
        var reader = database.Services.GetRequiredService<ContentVersionReader>();
        var seen = new List<string> { (await reader.ReadAsync(null, Ct)).Version };

        for (var i = 0; i < 3; i++)
        {
            // Several reads at once keep several connections; the save comes from a context of its own.
            await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => reader.ReadAsync(null, Ct)));
            await database.WithDbAsync(async db =>
            {
                db.Settings.Add(new AppSetting { Key = $"test.setting.{i}", Value = "changed", UpdatedUtc = DateTime.UtcNow });
                return await db.SaveChangesAsync(Ct);
            });
            var reads = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => reader.ReadAsync(null, Ct)));
            Assert.Single(reads.Distinct());
            seen.Add(reads[0].Version);
        }

        var stored = await database.WithDbAsync(db => db.Settings.Where(s => s.Key == ContentVersion.Key).Select(s => s.Value).SingleAsync(Ct));
        Assert.Equal(4, seen.Distinct().Count());
        Assert.Equal(stored, seen[^1]);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ForASignedInPerson_TheSameReadCountsTheirUnreadNotices(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: false);
        var reader = database.Services.GetRequiredService<ContentVersionReader>();
        await database.WithDbAsync(async db =>
        {
            db.Users.AddRange(new AppUser { Id = "reader", UserName = "reader", Email = "reader@example.org" },
                new AppUser { Id = "other", UserName = "other", Email = "other@example.org" });
            foreach (var (user, read) in new[] { ("reader", false), ("reader", false), ("reader", true), ("other", false) })
            {
                db.Notices.Add(new Notices.Notice { UserId = user, Subject = "A notice", CreatedUtc = DateTime.UtcNow, ReadUtc = read ? DateTime.UtcNow : null });
            }

            return await db.SaveChangesAsync(Ct);
        });

        var mine = await reader.ReadAsync("reader", Ct);
        var nobody = await reader.ReadAsync(null, Ct);
        var again = await reader.ReadAsync("reader", Ct);

        Assert.Equal(2, mine.UnreadNotices);
        Assert.Equal(0, nobody.UnreadNotices);
        Assert.Equal(mine, again);
        Assert.Equal(nobody.Version, mine.Version);
    }

    [Fact]
    public async Task WhenPostgresDropsTheKeptConnections_TheNextReadOpensANewOne()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres, demo: false);
        var reader = database.Services.GetRequiredService<ContentVersionReader>();
        var before = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => reader.ReadAsync(i % 2 == 0 ? null : "someone", Ct)));
        var name = await database.WithDbAsync(db => Task.FromResult(db.Database.GetDbConnection().Database));

        Assert.True(await Scorecards.Tests.TestPostgres.DropConnectionsAsync(name, Ct) >= 1);

        var after = await reader.ReadAsync(null, Ct);

        Assert.Equal(before[0], after);
    }
}
