using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Web.Features.Rounds;
using Scorecards.Web.Infrastructure;

namespace Scorecards.Web.Features.Public;

[AllowAnonymous]
[OutputCache(PolicyName = PublicRoundOutputCache.Name)]
public sealed class RoundModel(AppDbContext db, RoundViews views, RequestVersion version) : PageModel
{
    public RoundDto Round { get; private set; } = null!;
    public SummaryView Summary { get; private set; } = null!;

    /// <summary>Names what the page shows, for the parts of it rendered once and kept.</summary>
    public string RenderKey { get; private set; } = "";

    private sealed record Shown(RoundDto Round, SummaryView Summary);

    public async Task<IActionResult> OnGetAsync(int id, string? body, string? area, string? level, CancellationToken ct)
    {
        var filter = SummaryFilters.Parse(body, area, level);
        var key = RoundViews.KeyFor(await version.CurrentAsync(ct), "public-page", id, reader: null, filter, db.Today);
        if (ConditionalGet.NotModified(HttpContext, key.ToString(), isPublic: true))
        {
            return StatusCode(StatusCodes.Status304NotModified);
        }

        var shown = await views.GetAsync(key, async (db, ct) =>
        {
            var summary = await RoundSummaryQueries.ForPublicAsync(db, id, filter, ct);
            return summary is null
                ? null
                : new Shown(RoundDto.From(await db.Rounds.AsNoTracking().SingleAsync(r => r.Id == id, ct)),
                    await SummaryFilters.ViewAsync(db, summary, isPublic: true, $"/public/rounds/{id}", ct));
        }, ct);
        if (shown is null)
        {
            return NotFound();
        }

        ConditionalGet.Tag(HttpContext, key.ToString(), isPublic: true);
        (Round, Summary, RenderKey) = (shown.Round, shown.Summary, key.ToString());
        return Page();
    }
}
