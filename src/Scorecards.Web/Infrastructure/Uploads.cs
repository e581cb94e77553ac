using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
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

    /// <summary>
    /// The page to show when a confirmation did not apply the upload, or null when it did: what happened is said on
    /// the upload field (a refusal shows its own reasons in the preview), with 400 when there was nothing to apply
    /// and 409 when it could not be applied now.
    /// </summary>
    public static IActionResult? NotApplied(this PageModel page, UploadOutcome outcome, string what)
    {
        if (outcome == UploadOutcome.Applied)
        {
            return null;
        }

        if (outcome != UploadOutcome.Refused)
        {
            page.ModelState.AddModelError("file", outcome == UploadOutcome.AlreadyApplied
                ? $"That {what} was already applied (from another tab or a second click); nothing more was changed."
                : $"That {what} has expired or was already applied; upload it again.");
        }

        page.Response.StatusCode = outcome == UploadOutcome.Missing ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
        return page.Page();
    }
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
