using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Scorecards.Data.Tests;

/// <summary>
/// When PostgreSQL drops every connection (as a restart does), the next request's queries are retried on a new
/// connection instead of failing: the pool of a running server is full of connections that are dead.
/// </summary>
public sealed class TransientFailureTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AfterTheServerDropsEveryConnection_TheNextQueriesAndSavesSucceed()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres, demo: true);
        // Five connections in the pool, as a server under load has.
        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => database.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync(Ct);
            await db.Database.ExecuteSqlRawAsync("SELECT pg_sleep(0.2)", Ct);
            await db.Database.CloseConnectionAsync();
            return 0;
        })));
        var name = await database.WithDbAsync(db => Task.FromResult(db.Database.GetDbConnection().Database));

        Assert.True(await Scorecards.Tests.TestPostgres.DropConnectionsAsync(name, Ct) >= 1);

        var bodies = await database.WithDbAsync(db => db.Bodies.CountAsync(Ct));
        var renamed = await database.WithDbAsync(async db =>
        {
            var body = await db.Bodies.OrderBy(b => b.Id).FirstAsync(Ct);
            db.Entry(body).Property("Name").CurrentValue = "Renamed after the restart";
            return await db.SaveChangesAsync(Ct);
        });

        Assert.Equal(6, bodies);
        Assert.True(renamed >= 1);
    }
}
