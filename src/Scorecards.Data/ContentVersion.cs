using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Scorecards.Data.Accounts;

namespace Scorecards.Data;

/// <summary>
/// A value in the database that changes, in the same transaction, whenever a saved change could alter what a page or
/// summary shows: any record of the Strategy, the bodies and members, rounds, scorecards, activities, plans, meetings,
/// or a setting. Accounts, tokens, sign-in failures, uploads and the audit trail do not count. What a server keeps
/// computed from the data is tagged with the version it was read under, and every server reads the version on each
/// request that uses what it keeps, so a change saved on one is seen on the next request on all.
/// </summary>
public static class ContentVersion
{
    public const string Key = "content.version";

    /// <summary>The settings that are signals between servers rather than choices anyone made; never audited.</summary>
    public static bool IsSignal(AppSetting setting) => setting.Key is Key or AccountsVersion.Key;

    /// <summary>For writes that do not go through the change tracker (bulk inserts): stamps and saves a new version.</summary>
    internal static async Task BumpAsync(AppDbContext db, DateTime nowUtc, CancellationToken ct)
    {
        await RenewAsync(db, Key, nowUtc, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Gives the signal setting <paramref name="key"/> a new value among the pending changes, adding it if missing.</summary>
    internal static async Task RenewAsync(AppDbContext db, string key, DateTime nowUtc, CancellationToken ct)
    {
        var setting = db.Settings.Local.FirstOrDefault(s => s.Key == key) ?? await db.Settings.SingleOrDefaultAsync(s => s.Key == key, ct);
        if (setting is null)
        {
            setting = new AppSetting { Key = key };
            db.Settings.Add(setting);
        }

        setting.Value = Guid.NewGuid().ToString("N");
        setting.UpdatedUtc = nowUtc;
    }

    /// <summary>Whether a pending change alters what pages show.</summary>
    internal static bool Touches(EntityEntry entry) =>
        entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
        && entry.Entity switch
        {
            AppSetting setting => !IsSignal(setting),
            var entity => entity.GetType().Namespace?.StartsWith("Scorecards.Domain", StringComparison.Ordinal) == true,
        };
}
