using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Domain.Rounds;
using Scorecards.Web.Features.Rounds;

namespace Scorecards.Web.Features.Shared;

/// <summary>What the header shows on every page: the current round, read once per change of the data.</summary>
public sealed class LayoutInfo(AppDbContext db, RoundViews views, RequestVersion version)
{
    /// <summary>The open round, or else the one in review, or else the latest published.</summary>
    public async Task<Round?> CurrentRoundAsync(CancellationToken ct)
    {
        var key = RoundViews.KeyFor(await version.CurrentAsync(ct), "current-round", 0, reader: null, SummaryFilter.None, db.Today);
        return await views.GetAsync(key, async (db, ct) =>
        {
            var rounds = await db.Rounds.AsNoTracking().Where(r => r.Status != RoundStatus.Archived && r.Status != RoundStatus.Planned).ToListAsync(ct);
            return rounds.OrderBy(r => r.Status switch { RoundStatus.Open => 0, RoundStatus.InReview => 1, _ => 2 })
                .ThenByDescending(r => r.PeriodEnd).FirstOrDefault();
        }, ct);
    }
}
