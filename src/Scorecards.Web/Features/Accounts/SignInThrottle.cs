using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Data.Accounts;

namespace Scorecards.Web.Features.Accounts;

/// <summary>
/// Limits failed sign-ins per account and per address, counted in the database so that every server of an
/// installation agrees. Only failures count: a room of delegates signing in behind one address does not reach
/// the address limit, while guessing passwords across many accounts soon does. The lockout of an account after
/// five wrong passwords comes on top.
/// </summary>
public sealed class SignInThrottle(AppDbContext db, TimeProvider clock, Infrastructure.AppMetrics metrics)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    public const int FailuresPerAddress = 50;
    public const int FailuresPerAccount = 10;

    /// <summary>What the person is told when either limit is reached, at the password or the code.</summary>
    public const string Refusal = "Too many failed sign-ins came from your address or for this account. Wait 15 minutes, then try again.";

    public async Task<bool> IsThrottledAsync(string? address, string email, CancellationToken ct)
    {
        var since = clock.GetUtcNow().UtcDateTime - Window;
        var (addressKey, accountKey) = (Key("address", address), Key("account", email));
        var counts = await db.SignInFailures.Where(f => (f.Key == addressKey || f.Key == accountKey) && f.AttemptedUtc > since)
            .GroupBy(f => f.Key).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return counts.Exists(c => c.Key == addressKey && c.Count >= FailuresPerAddress)
            || counts.Exists(c => c.Key == accountKey && c.Count >= FailuresPerAccount);
    }

    public async Task RecordFailureAsync(string? address, string email, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        db.SignInFailures.AddRange(
            new SignInFailure { Key = Key("address", address), AttemptedUtc = now },
            new SignInFailure { Key = Key("account", email), AttemptedUtc = now });
        await db.SaveChangesAsync(ct);
        await db.SignInFailures.Where(f => f.AttemptedUtc < now - Window).ExecuteDeleteAsync(ct);
        metrics.SignInFailed();
    }

    // Addresses and e-mail addresses are kept only as hashes.
    private static string Key(string kind, string? value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{kind}:{value?.Trim().ToUpperInvariant()}")));
}
