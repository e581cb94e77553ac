using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Domain.Rounds;
using Scorecards.Web.Features.Scorecards;

namespace Scorecards.Web.Features.Rounds;

public sealed class DetailsModel(AppDbContext db) : PageModel
{
    public Round Round { get; private set; } = null!;
    public IReadOnlyList<ScorecardSummary> Scorecards { get; private set; } = [];

    /// <summary>Bodies whose scorecards this person may not read yet, listed by state only.</summary>
    public IReadOnlyList<ScorecardSummary> Others { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var round = await db.Rounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (round is null)
        {
            return NotFound();
        }

        Round = round;
        var all = await ScorecardQueries.ListAsync(db, db.Scorecards.Where(s => s.RoundId == id), ct);
        var visible = (await ScorecardQueries.ListAsync(db, RoundsApi.Visible(db, User).Where(s => s.RoundId == id), ct)).Select(s => s.Id).ToHashSet();
        Scorecards = all.Where(s => visible.Contains(s.Id)).ToList();
        Others = all.Where(s => !visible.Contains(s.Id)).ToList();
        return Page();
    }
}
