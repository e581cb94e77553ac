using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Web.Infrastructure;
using Scorecards.Web.Infrastructure.Authorization;

namespace Scorecards.Web.Features.Rounds;

/// <summary>The Co-Chairs write their assessment: overall and per focus area, in one form.</summary>
[Authorize(Policy = Policies.CoChair)]
public sealed class AssessmentModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public string RoundName { get; private set; } = "";
    public IReadOnlyList<(string Code, string Name)> Areas { get; private set; } = [];

    [BindProperty] public string? Overall { get; set; }
    [BindProperty] public Dictionary<string, string?> FocusAreas { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var current = await AssessmentApi.LoadAsync(db, id, ct);
        Overall = current.FirstOrDefault(a => a.FocusAreaCode is null)?.Text;
        FocusAreas = Areas.ToDictionary(a => a.Code, a => current.FirstOrDefault(x => x.FocusAreaCode == a.Code)?.Text);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var result = await AssessmentCommands.SaveAsync(db, id, new AssessmentRequest(Overall ?? "", FocusAreas), User.DisplayName(),
            clock.GetUtcNow().UtcDateTime, ct);
        if (result.Succeeded)
        {
            TempData["Message"] = "The Co-Chairs' assessment is saved.";
            return RedirectToPage("Details", null, new { id }, "assessment");
        }

        // A refusal that names no field (the round is published) is said under the overall assessment.
        return await this.RefusedAsync(result.Errors.Count > 0 ? result : result with { Errors = [new(nameof(Overall), result.Message!)] }, prefix: null);
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var round = await db.Rounds.AsNoTracking().Where(r => r.Id == id).Select(r => r.Name).SingleOrDefaultAsync(ct);
        if (round is null)
        {
            return false;
        }

        RoundName = round;
        Areas = (await db.FocusAreas.AsNoTracking().Where(f => !f.IsRetired).OrderBy(f => f.SortOrder).ThenBy(f => f.Code).Select(f => new { f.Code, f.Name }).ToListAsync(ct))
            .Select(f => (f.Code, f.Name)).ToList();
        return true;
    }
}
