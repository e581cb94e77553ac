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
        return db.Uploads.SingleOrDefaultAsync(u => u.Id == id && u.UserId == userId && u.Purpose == purpose && u.CreatedUtc >= expired, ct);
    }
}
