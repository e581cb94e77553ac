using Microsoft.EntityFrameworkCore;

namespace Scorecards.Data.Tests;

/// <summary>A query over a list longer than a provider allows parameters (SQLite: 32,766) still runs: the list goes as one parameter.</summary>
public sealed class LargeListTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Contains_Over40000Values_RunsOnEveryProvider(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true);
        var codes = Enumerable.Range(0, 40_000).Select(i => $"X-{i}").Append("VM-1").ToList();

        var found = await database.WithDbAsync(db => db.Objectives.Where(o => codes.Contains(o.Code)).Select(o => o.Code).ToListAsync(TestContext.Current.CancellationToken));

        Assert.Equal(["VM-1"], found);
    }
}
