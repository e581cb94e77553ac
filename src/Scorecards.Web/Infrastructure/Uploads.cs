using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Data.Uploads;

namespace Scorecards.Web.Infrastructure;

/// <summary>
/// Files kept between a preview and its confirmation: stored for the person who uploaded them and one purpose,
/// and forgotten after <see cref="Upload.Lifetime"/>.
/// </summary>
public static class Uploads
{
    public static async Task<Guid> KeepAsync(AppDbContext db, string userId, string purpose, string fileName, byte[] content, DateTime nowUtc,
        CancellationToken ct)
    {
        var expired = nowUtc - Upload.Lifetime;
        await db.Uploads.Where(u => u.CreatedUtc < expired).ExecuteDeleteAsync(ct);
        var upload = new Upload { Id = Guid.NewGuid(), UserId = userId, Purpose = purpose, FileName = fileName, Content = content, CreatedUtc = nowUtc };
        db.Uploads.Add(upload);
        await db.SaveChangesAsync(ct);
        return upload.Id;
    }

    /// <summary>The person's upload for this purpose, unless it expired or was used.</summary>
    public static Task<Upload?> FindAsync(AppDbContext db, Guid id, string userId, string purpose, DateTime nowUtc, CancellationToken ct)
    {
        var expired = nowUtc - Upload.Lifetime;
        return db.Uploads.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id && u.UserId == userId && u.Purpose == purpose && u.CreatedUtc >= expired, ct);
    }

    /// <summary>
    /// Applies a kept upload at most once, however many times it is confirmed at once (a double click, two tabs, two
    /// servers): the upload is claimed by deleting it as the first write of the transaction that applies it, so a second
    /// confirmation waits for the first and then finds nothing to claim. When <paramref name="apply"/> refuses, the
    /// transaction is rolled back and the upload stays, to be confirmed again once fixed.
    /// </summary>
    public static async Task<(UploadOutcome Outcome, T? Result)> ApplyOnceAsync<T>(AppDbContext db, Guid id, string userId, string purpose, DateTime nowUtc,
        Func<Upload, Task<(T Result, bool Applied)>> apply, CancellationToken ct)
    {
        var stored = await FindAsync(db, id, userId, purpose, nowUtc, ct);
        if (stored is null)
        {
            return (UploadOutcome.Missing, default);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await db.Uploads.Where(u => u.Id == id).ExecuteDeleteAsync(ct) == 0)
        {
            return (UploadOutcome.AlreadyApplied, default);
        }

        var (result, applied) = await apply(stored);
        if (!applied)
        {
            await transaction.RollbackAsync(ct);
            return (UploadOutcome.Refused, result);
        }

        await transaction.CommitAsync(ct);
        return (UploadOutcome.Applied, result);
    }

    /// <summary>What a page tells the person whose confirmation found nothing to apply.</summary>
    public static string Explain(UploadOutcome outcome, string what) => outcome == UploadOutcome.AlreadyApplied
        ? $"That {what} was already applied (from another tab or a second click); nothing more was changed."
        : $"That {what} has expired or was already applied; upload it again.";
}

public enum UploadOutcome
{
    /// <summary>No such upload for this person and purpose, or it expired.</summary>
    Missing,

    /// <summary>Another confirmation claimed it first.</summary>
    AlreadyApplied,

    /// <summary>Checked again, it can no longer be applied; nothing changed and it is kept.</summary>
    Refused,

    Applied,
}
