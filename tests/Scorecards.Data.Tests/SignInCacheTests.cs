using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scorecards.Data.Accounts;
using Scorecards.Web.Features.Accounts;
using Scorecards.Web.Infrastructure.Authorization;

namespace Scorecards.Data.Tests;

/// <summary>
/// Two servers on one database, each keeping the sign-ins it has checked: a token revoked on one is dropped by the other
/// within a second, with no message between them but the accounts version in the database. (That the other keeps
/// answering from memory until then is shown on a fake clock in the HTTP tests.)
/// </summary>
public sealed class SignInCacheTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ATokenRevokedOnOneServer_IsDroppedByTheOther_WithinASecond(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: false);
        await using var other = database.AnotherServer();
        var (secret, tokenId) = await TokenAsync(database.Services);
        var hash = ApiTokenService.Hash(secret);
        var cache = database.Services.GetRequiredService<SignInCache>();
        var before = await VersionAsync(database, cache);
        cache.Keep(hash, new SignInCache.Token(tokenId, "reporter", TokenScope.ReadWrite, null, new(), before, DateTime.UtcNow));
        Assert.NotNull(cache.FindToken(hash, before));

        using (var scope = other.Services.CreateScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<ApiTokenService>().RevokeAsync(tokenId, null, Ct));
        }

        await Task.Delay(SignInCache.CheckEvery + TimeSpan.FromMilliseconds(200), Ct);
        var after = await VersionAsync(database, cache);

        Assert.NotEqual(before, after);
        Assert.Null(cache.FindToken(hash, after));
        Assert.Null(cache.FindToken(hash, before));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task WhatIsKeptWhileARevocationAwaitsItsCommit_IsDroppedAtTheCommit(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: false);
        var (secret, tokenId) = await TokenAsync(database.Services);
        var hash = ApiTokenService.Hash(secret);
        var cache = database.Services.GetRequiredService<SignInCache>();

        var db = database.NewContext(out var scope);
        using (scope)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(Ct);
            var token = await db.ApiTokens.SingleAsync(t => t.Id == tokenId, Ct);
            token.RevokedUtc = DateTime.UtcNow;
            await db.SaveChangesAsync(Ct);

            // A request meanwhile reads the version and the token as committed, before the revocation, and keeps them.
            var meanwhile = await VersionAsync(database, cache);
            cache.Keep(hash, new SignInCache.Token(tokenId, "reporter", TokenScope.ReadWrite, null, new(), meanwhile, DateTime.UtcNow));
            Assert.NotNull(cache.FindToken(hash, meanwhile));

            await transaction.CommitAsync(Ct);
            Assert.Null(cache.FindToken(hash, meanwhile));
        }

        var now = await VersionAsync(database, cache);
        Assert.Null(cache.FindToken(hash, now));
    }

    private static async Task<(string Secret, int Id)> TokenAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = "reporter@example.org", Email = "reporter@example.org", DisplayName = "Reporter" };
        Assert.True((await users.CreateAsync(user)).Succeeded);
        var tokens = scope.ServiceProvider.GetRequiredService<ApiTokenService>();
        var (secret, error) = await tokens.CreateAsync(user, "script", TokenScope.ReadWrite, null, Ct);
        Assert.True(secret is not null, error);
        return (secret!, (await tokens.ListAsync(user.Id, Ct)).Single().Id);
    }

    /// <summary>The accounts version as a request of its own reads it, in its own scope.</summary>
    private static async Task<string> VersionAsync(TestDatabase database, SignInCache cache)
    {
        await using var scope = database.Services.CreateAsyncScope();
        return await cache.VersionAsync(scope.ServiceProvider, Ct);
    }
}
