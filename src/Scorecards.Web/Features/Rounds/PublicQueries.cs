using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Domain.Rounds;

namespace Scorecards.Web.Features.Rounds;

public static class PublicQueries
{
    public static async Task<List<RoundDto>> PublishedRoundsAsync(AppDbContext db, CancellationToken ct) =>
        (await db.Rounds.AsNoTracking().Where(r => r.Status == RoundStatus.Published || r.Status == RoundStatus.Archived).ToListAsync(ct))
            .OrderByDescending(r => r.PeriodEnd).Select(RoundDto.From).ToList();
}
