using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Domain.Rounds;
using Scorecards.Web.Features.Scorecards;
using Scorecards.Web.Infrastructure;
using Scorecards.Web.Infrastructure.Authorization;

namespace Scorecards.Web.Features.Rounds;

public sealed class DetailsModel(AppDbContext db, RoundService rounds, TimeProvider clock) : PageModel
{
    public Round Round { get; private set; } = null!;
    public SummaryView Summary { get; private set; } = null!;
    public IReadOnlyList<ScorecardSummary> Scorecards { get; private set; } = [];

    /// <summary>Bodies whose scorecards this person may not read yet, listed by state only.</summary>
    public IReadOnlyList<ScorecardSummary> Others { get; private set; } = [];

    public string? Problem { get; private set; }

    public Task<IActionResult> OnGetAsync(int id, string? body, string? area, string? level, CancellationToken ct) =>
        ShowAsync(id, SummaryFilters.Parse(body, area, level), ct);

    /// <summary>Publishing is the Co-Chairs' act: the round is frozen and its approved scorecards become public.</summary>
    public async Task<IActionResult> OnPostPublishAsync(int id, CancellationToken ct)
    {
        if (!User.IsCoChair())
        {
            return Forbid();
        }

        var round = await db.Rounds.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (round is null)
        {
            return NotFound();
        }

        var result = await rounds.ChangeStateAsync(round, r => r.Publish(clock.GetUtcNow().UtcDateTime), ct);
        if (!result.Succeeded)
        {
            Problem = result.Message;
            return await ShowAsync(id, SummaryFilter.None, ct) is PageResult ? this.Refused() : NotFound();
        }

        TempData["Message"] = $"{round.Name} is published: its approved scorecards can now be read by anyone at /public.";
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> ShowAsync(int id, SummaryFilter filter, CancellationToken ct)
    {
        var round = await db.Rounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (round is null)
        {
            return NotFound();
        }

        Round = round;
        var all = await ScorecardQueries.ListAsync(db, db.Scorecards.Where(s => s.RoundId == id), ct);
        var visible = (await db.Scorecards.Readable(User).Where(s => s.RoundId == id).Select(s => s.Id).ToListAsync(ct)).ToHashSet();
        Scorecards = all.Where(s => visible.Contains(s.Id)).ToList();
        Others = all.Where(s => !visible.Contains(s.Id)).ToList();
        var summary = await RoundSummaryQueries.ForUserAsync(db, id, User, filter, ct);
        if (summary is not null)
        {
            Summary = await SummaryFilters.ViewAsync(db, summary, isPublic: false, $"/rounds/{id}", ct) with
            {
                CanAssess = User.IsCoChair() && Assessment.CanWrite(summary.Status).Succeeded,
                CanAssignBodies = User.IsAdministrator(),
            };
        }

        return Page();
    }
}
