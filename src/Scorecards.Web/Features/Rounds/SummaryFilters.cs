using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Domain.Scorecards;

namespace Scorecards.Web.Features.Rounds;

public static class SummaryFilters
{
    /// <summary>Reads the filters of a shared link; an unknown value is ignored rather than failing the page.</summary>
    public static SummaryFilter Parse(string? body, string? area, string? level) => new(
        string.IsNullOrWhiteSpace(body) ? null : body.Trim().ToUpperInvariant(),
        string.IsNullOrWhiteSpace(area) ? null : area.Trim().ToUpperInvariant(),
        Ratings.TryParse<Completion>(level, out var completion) ? completion : null);

    public static async Task<SummaryView> ViewAsync(AppDbContext db, RoundSummary summary, bool isPublic, string basePath, CancellationToken ct)
    {
        var bodies = await db.Bodies.AsNoTracking().OrderBy(b => b.Id).Select(b => b.Code).ToListAsync(ct);
        var areas = (await db.FocusAreas.AsNoTracking().Where(f => !f.IsRetired).OrderBy(f => f.SortOrder).ThenBy(f => f.Code).Select(f => new { f.Code, f.Name }).ToListAsync(ct))
            .Select(a => (a.Code, a.Name)).ToList();
        return new SummaryView(summary, isPublic, basePath, bodies, areas);
    }
}
