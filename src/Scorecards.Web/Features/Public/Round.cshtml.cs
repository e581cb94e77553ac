using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Web.Features.Rounds;

namespace Scorecards.Web.Features.Public;

[AllowAnonymous]
public sealed class RoundModel(AppDbContext db) : PageModel
{
    public RoundDto Round { get; private set; } = null!;
    public SummaryView Summary { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, string? body, string? area, string? level, CancellationToken ct)
    {
        var summary = await RoundSummaryQueries.ForPublicAsync(db, id, SummaryFilters.Parse(body, area, level), ct);
        if (summary is null)
        {
            return NotFound();
        }

        Round = RoundDto.From(await db.Rounds.AsNoTracking().SingleAsync(r => r.Id == id, ct));
        Summary = await SummaryFilters.ViewAsync(db, summary, isPublic: true, $"/public/rounds/{id}", ct);
        return Page();
    }
}
