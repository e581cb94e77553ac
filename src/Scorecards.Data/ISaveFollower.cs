using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Scorecards.Data;

/// <summary>
/// Work saved with a change, in the change's own transaction, because the change causes it: the notices of a
/// workflow step. Whatever page, endpoint or command made the change, its followers see it, so no path can save a
/// step and forget to tell the people it concerns.
/// </summary>
public interface ISaveFollower
{
    /// <summary>Called before each save with its pending changes; may add rows to <paramref name="db"/>, never saves.</summary>
    Task FollowAsync(AppDbContext db, IReadOnlyList<EntityEntry> pending, CancellationToken ct);
}
