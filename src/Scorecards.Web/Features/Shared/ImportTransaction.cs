using Scorecards.Data;

namespace Scorecards.Web.Features.Shared;

/// <summary>
/// Runs an import's changes through the same operations as the pages, inside one transaction: the caller's when there is one
/// (it commits or rolls back), otherwise its own, committed only when applying and nothing was rejected. A preview makes every
/// change and rolls it back, so it checks exactly what applying would, and leaves nothing behind.
/// </summary>
public static class ImportTransaction
{
    public static async Task<bool> RunAsync(AppDbContext db, bool apply, Func<Task<bool>> work, CancellationToken ct)
    {
        await using var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var accepted = await work();
            if (own is not null)
            {
                if (accepted && apply)
                {
                    await own.CommitAsync(ct);
                }
                else
                {
                    await own.RollbackAsync(ct);
                }
            }

            return accepted;
        }
        finally
        {
            // What was checked and not kept must not reach the next save of the context.
            db.ChangeTracker.Clear();
        }
    }
}
