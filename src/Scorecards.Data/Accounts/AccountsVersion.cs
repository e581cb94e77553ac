using System.Data.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Scorecards.Data.Accounts;

/// <summary>
/// A value in the database that changes, in the same transaction, whenever a saved change could alter who someone is
/// signed in as: an account's stamp, disabled flag, name, member or email; its roles or bodies; its tokens. Every server
/// compares it now and then with what it last read, so a sign-in it has kept in memory is dropped everywhere soon after
/// such a change; the server that made the change is told at once through its <see cref="IAccountsWatcher"/>.
/// </summary>
public static class AccountsVersion
{
    public const string Key = "accounts.version";

    private static readonly HashSet<string> UserFields =
        [nameof(AppUser.SecurityStamp), nameof(AppUser.DisabledUtc), nameof(AppUser.DisplayName), nameof(AppUser.MemberId), nameof(AppUser.Email),
            nameof(AppUser.UserName)];

    private static readonly HashSet<string> TokenFields = [nameof(ApiToken.RevokedUtc), nameof(ApiToken.ExpiresUtc), nameof(ApiToken.Scope), nameof(ApiToken.UserId)];

    /// <summary>
    /// Tells the server's watcher again when a transaction that saved a change to accounts commits: between the save and
    /// the commit, a request could have read and kept the accounts as they were.
    /// </summary>
    internal static readonly DbTransactionInterceptor CommitWatcher = new CommitInterceptor();

    public static Task<string?> ReadAsync(AppDbContext db, CancellationToken ct) =>
        db.Settings.AsNoTracking().Where(s => s.Key == Key).Select(s => (string?)s.Value).SingleOrDefaultAsync(ct);

    /// <summary>Whether a pending change alters who someone is signed in as.</summary>
    internal static bool Touches(EntityEntry entry) => entry.State switch
    {
        EntityState.Added or EntityState.Deleted => entry.Entity is AppUser or ApiToken or UserBody or IdentityUserRole<string> or IdentityUserClaim<string>,
        EntityState.Modified => entry.Entity switch
        {
            AppUser => entry.Properties.Any(p => p.IsModified && UserFields.Contains(p.Metadata.Name)),
            ApiToken => entry.Properties.Any(p => p.IsModified && TokenFields.Contains(p.Metadata.Name)),
            UserBody or IdentityUserRole<string> or IdentityUserClaim<string> => true,
            _ => false,
        },
        _ => false,
    };
}

internal sealed class CommitInterceptor : DbTransactionInterceptor
{
    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        (eventData.Context as AppDbContext)?.AccountsCommitted();
        base.TransactionCommitted(transaction, eventData);
    }

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        (eventData.Context as AppDbContext)?.AccountsCommitted();
        return base.TransactionCommittedAsync(transaction, eventData, cancellationToken);
    }
}

/// <summary>Told by the server's own database context after it saves a change to accounts.</summary>
public interface IAccountsWatcher
{
    void Changed();
}
