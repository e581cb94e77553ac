using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Data.Accounts;

namespace Scorecards.Web.Features.Settings;

/// <summary>The security settings administrators choose, as they stand.</summary>
public sealed record SecurityPolicy(bool RequireTwoFactorForPrivileged, int MaxTokenDays)
{
    public const int DefaultTokenDays = 90;
    public const int DefaultMaxTokenDays = 365;

    /// <summary>The longest any administrator may allow; tokens are meant to be replaced.</summary>
    public const int CeilingTokenDays = 730;
}

/// <summary>
/// Reads and changes the security settings, kept in the database so that every server applies the same ones. Each
/// change is audited.
/// </summary>
public sealed class SecuritySettings(AppDbContext db, TimeProvider clock)
{
    private const string RequireTwoFactorKey = "security.require-two-factor";
    private const string MaxTokenDaysKey = "security.max-token-days";

    public async Task<SecurityPolicy> GetAsync(CancellationToken ct)
    {
        var values = await db.Settings.AsNoTracking().Where(s => s.Key == RequireTwoFactorKey || s.Key == MaxTokenDaysKey)
            .ToDictionaryAsync(s => s.Key, s => s.Value, ct);
        return new SecurityPolicy(
            values.GetValueOrDefault(RequireTwoFactorKey) == "true",
            int.TryParse(values.GetValueOrDefault(MaxTokenDaysKey), NumberStyles.None, CultureInfo.InvariantCulture, out var days) ? days : SecurityPolicy.DefaultMaxTokenDays);
    }

    /// <summary>Saves the settings, or says what is wrong with them.</summary>
    public async Task<string?> SaveAsync(SecurityPolicy policy, CancellationToken ct)
    {
        if (policy.MaxTokenDays is < 1 or > SecurityPolicy.CeilingTokenDays)
        {
            return $"The longest token life is between 1 and {SecurityPolicy.CeilingTokenDays} days.";
        }

        await SetAsync(RequireTwoFactorKey, policy.RequireTwoFactorForPrivileged ? "true" : "false", ct);
        await SetAsync(MaxTokenDaysKey, policy.MaxTokenDays.ToString(CultureInfo.InvariantCulture), ct);
        await db.SaveChangesAsync(ct);
        return null;
    }

    private async Task SetAsync(string key, string value, CancellationToken ct)
    {
        var setting = await db.Settings.SingleOrDefaultAsync(s => s.Key == key, ct);
        if (setting is null)
        {
            db.Settings.Add(new AppSetting { Key = key, Value = value, UpdatedUtc = clock.GetUtcNow().UtcDateTime });
        }
        else if (setting.Value != value)
        {
            setting.Value = value;
            setting.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        }
    }
}
