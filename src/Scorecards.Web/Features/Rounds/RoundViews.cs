using System.Security.Claims;
using Microsoft.Extensions.Caching.Memory;
using Scorecards.Data;
using Scorecards.Web.Infrastructure.Authorization;

namespace Scorecards.Web.Features.Rounds;

/// <summary>
/// What the round pages and summaries are computed from, computed once per change rather than on every request. Each
/// thing kept is filed under the <see cref="ContentVersion"/> it was read under, the round, the filter, the day (gaps
/// depend on it) and the reader's class (<see cref="ScorecardReaders.Class"/>): a reader is only ever given what was
/// computed for readers who may read exactly the same. A save anywhere gives the data a new version, so the next request
/// on any server files under a new key and computes afresh, and what was kept under the old version is dropped. At most
/// <see cref="MaxEntries"/> things are kept, each for <see cref="KeepFor"/> after it was last asked for.
/// </summary>
public sealed class RoundViews(IServiceScopeFactory scopes) : IDisposable
{
    public const int MaxEntries = 500;
    public static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(10);

    // Filter values longer than any code are not kept: a link with made-up filters is answered, but fills nothing.
    private const int LongestKeptFilter = 20;

    private readonly MemoryCache _kept = new(new MemoryCacheOptions { SizeLimit = MaxEntries });
    private volatile string? _version;

    /// <summary>Where a thing is filed; <paramref name="Reader"/> is a reader class, or "public".</summary>
    public sealed record Key(string Version, string What, int RoundId, string Reader, SummaryFilter Filter, DateOnly Today)
    {
        /// <summary>The key as text, for the rendered fragments a page keeps of the same data.</summary>
        public override string ToString() => $"{What}/{RoundId}/{Reader}/{Filter.Body}/{Filter.Area}/{Filter.Level}/{Today:yyyy-MM-dd}/{Version}";
    }

    /// <summary>Today by the app's clock (UTC), as the date what is kept depends on (what is overdue).</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public static Key KeyFor(string version, string what, int roundId, ClaimsPrincipal? reader, SummaryFilter filter, DateOnly today) =>
        new(version, what, roundId, reader is null ? "public" : ScorecardReaders.Class(reader), filter, today);

    /// <summary>
    /// The thing filed under <paramref name="key"/>, computing it once when it is missing. The computation has its own
    /// database context and runs to its end even when the request that started it goes away, because others may be
    /// waiting for it; one that fails is not kept.
    /// </summary>
    public async Task<T?> GetAsync<T>(Key key, Func<AppDbContext, CancellationToken, Task<T?>> compute, CancellationToken ct)
        where T : class
    {
        if (key.Filter.Body?.Length > LongestKeptFilter || key.Filter.Area?.Length > LongestKeptFilter)
        {
            return await ComputeAsync(compute);
        }

        if (_version != key.Version)
        {
            // A new version: nothing kept before it will be asked for again, except by a request that read the version
            // a moment before the change, which computes its own.
            _version = key.Version;
            _kept.Clear();
        }

        var kept = _kept.GetOrCreate(key, entry =>
        {
            entry.Size = 1;
            entry.SlidingExpiration = KeepFor;
            return new Lazy<Task<T?>>(() => ComputeAsync(compute));
        })!;
        try
        {
            return await kept.Value.WaitAsync(ct);
        }
        catch (Exception) when (kept.Value.IsFaulted || kept.Value.IsCanceled)
        {
            if (_kept.TryGetValue(key, out var current) && ReferenceEquals(current, kept))
            {
                _kept.Remove(key);
            }

            throw;
        }
    }

    public void Dispose() => _kept.Dispose();

    private async Task<T?> ComputeAsync<T>(Func<AppDbContext, CancellationToken, Task<T?>> compute)
        where T : class
    {
        await using var scope = scopes.CreateAsyncScope();
        return await compute(scope.ServiceProvider.GetRequiredService<AppDbContext>(), CancellationToken.None);
    }
}

/// <summary>
/// The <see cref="ContentVersion"/> as this request found it, and the signed-in person's unread notices: read from the
/// database once per request, in one round trip.
/// </summary>
public sealed class RequestVersion(ContentVersionReader reader, IHttpContextAccessor http)
{
    private RequestStamp? _stamp;

    public async ValueTask<string> CurrentAsync(CancellationToken ct) => (await StampAsync(ct)).Version;

    /// <summary>How many of the signed-in person's notices are unread; 0 for nobody.</summary>
    public async ValueTask<int> UnreadNoticesAsync(CancellationToken ct) => (await StampAsync(ct)).UnreadNotices;

    private async ValueTask<RequestStamp> StampAsync(CancellationToken ct)
    {
        if (_stamp is { } stamp)
        {
            return stamp;
        }

        var user = http.HttpContext?.User;
        var userId = user?.Identity?.IsAuthenticated == true ? user.UserId() : null;
        _stamp = stamp = await reader.ReadAsync(string.IsNullOrEmpty(userId) ? null : userId, ct);
        return stamp;
    }
}
