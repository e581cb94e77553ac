using System.Collections.Concurrent;
using System.Security.Claims;
using Scorecards.Data;
using Scorecards.Data.Accounts;

namespace Scorecards.Web.Infrastructure.Authorization;

/// <summary>
/// What a server has read about a sign-in, kept in memory so that a request does not go to the database to learn who is
/// asking: for a cookie, the account's stamp and disabled flag; for a token, the token and the claims of its account.
/// Everything kept is tagged with the <see cref="AccountsVersion"/> it was read under and is dropped as soon as that
/// version is no longer current: at once when this server saves a change to accounts (<see cref="Changed"/>), and within
/// <see cref="CheckEvery"/> when another server (or the command line) does. Nothing is kept longer than
/// <see cref="KeepFor"/>, nor more than <see cref="MaxEntries"/> sign-ins.
/// </summary>
public sealed class SignInCache(TimeProvider clock) : IAccountsWatcher, IDisposable
{
    public static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(1);
    public const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, Session> _sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Token> _tokens = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _checking = new(1, 1);
    private volatile string? _version;
    private long _checkedTicks;

    /// <summary>An account's facts a cookie is checked against.</summary>
    public sealed record Session(string? Stamp, bool Disabled, string Version, DateTime ReadUtc);

    /// <summary>A live token and the claims of its account, without the token's scope.</summary>
    public sealed record Token(int Id, string UserId, TokenScope Scope, DateTime? ExpiresUtc, ClaimsPrincipal Principal, string Version, DateTime ReadUtc);

    /// <summary>The version to tag what is read now with, after checking the database when the last check is old.</summary>
    /// <remarks>The request's database context is asked of <paramref name="services"/> only for that check: making one costs more than the rest of a kept sign-in.</remarks>
    public async ValueTask<string> VersionAsync(IServiceProvider services, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcTicks;
        if (_version is { } known && now - Interlocked.Read(ref _checkedTicks) < CheckEvery.Ticks)
        {
            return known;
        }

        await _checking.WaitAsync(ct);
        try
        {
            if (_version is { } checkedMeanwhile && now - Interlocked.Read(ref _checkedTicks) < CheckEvery.Ticks)
            {
                return checkedMeanwhile;
            }

            var current = await AccountsVersion.ReadAsync(services.GetRequiredService<AppDbContext>(), ct) ?? "";
            if (current != _version)
            {
                Clear();
                _version = current;
            }

            Interlocked.Exchange(ref _checkedTicks, now);
            return current;
        }
        finally
        {
            _checking.Release();
        }
    }

    public Session? FindSession(string userId, string version) => Fresh(_sessions, userId, version, s => s.Version, s => s.ReadUtc);

    public Token? FindToken(string hash, string version) => Fresh(_tokens, hash, version, t => t.Version, t => t.ReadUtc);

    public void Keep(string userId, Session session) => Put(_sessions, userId, session, session.Version);

    public void Keep(string hash, Token token) => Put(_tokens, hash, token, token.Version);

    /// <summary>Drops everything kept: this server changed an account, so it reads the version again on the next request.</summary>
    public void Changed()
    {
        _version = null;
        Clear();
    }

    public void Dispose() => _checking.Dispose();

    private T? Fresh<T>(ConcurrentDictionary<string, T> kept, string key, string version, Func<T, string> versionOf, Func<T, DateTime> readOf)
        where T : class =>
        kept.TryGetValue(key, out var value) && versionOf(value) == version && version == _version
            && clock.GetUtcNow().UtcDateTime - readOf(value) < KeepFor
            ? value
            : null;

    private void Put<T>(ConcurrentDictionary<string, T> kept, string key, T value, string version)
        where T : class
    {
        // What was read under a version that is no longer current is not kept: a change may have been saved meanwhile.
        if (version != _version)
        {
            return;
        }

        if (kept.Count >= MaxEntries)
        {
            kept.Clear();
        }

        kept[key] = value;
    }

    private void Clear()
    {
        _sessions.Clear();
        _tokens.Clear();
    }
}
