using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Domain.Framework;
using Scorecards.Web.Features.Framework;
using Scorecards.Web.Infrastructure;
using Scorecards.Web.Infrastructure.Authorization;

namespace Scorecards.Web.Features.Admin;

[Authorize(Policy = Policies.Administrator)]
public sealed class ObjectiveModel(AppDbContext db, FrameworkEditor editor) : PageModel
{
    public Objective Objective { get; private set; } = null!;
    public IReadOnlyList<(int Id, string Code, string Name)> Bodies { get; private set; } = [];
    public IReadOnlyList<Indicator> Indicators { get; private set; } = [];

    [BindProperty]
    public IndicatorInput NewIndicator { get; set; } = new();

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    [BindProperty]
    public List<int> BodyIds { get; set; } = [];

    [BindProperty]
    public bool Retired { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct))
        {
            return NotFound();
        }

        Title = Objective.Title;
        Description = Objective.Description;
        Retired = Objective.IsRetired;
        BodyIds = await db.Assignments.Where(a => a.ObjectiveId == Objective.Id).Select(a => a.BodyId).ToListAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        var changed = await editor.ChangeObjectiveAsync(code, Title, Description, Retired, BodyIds, ct);
        if (!changed.Succeeded)
        {
            return await this.RefusedAsync(changed.Outcome, () => LoadAsync(code, ct), prefix: null);
        }

        TempData["Message"] = $"{changed.Value!.Code} saved.";
        return RedirectToPage("Framework");
    }

    public async Task<IActionResult> OnPostAddIndicatorAsync(string code, CancellationToken ct)
    {
        var problems = NewIndicator.NumberProblems();
        var added = problems is null ? await editor.AddIndicatorAsync(code, NewIndicator.Code, NewIndicator.ToChange(), ct) : null;
        if (added is not { Succeeded: true })
        {
            return await this.RefusedAsync(problems ?? added!.Outcome, async () =>
            {
                await LoadAsync(code, ct);
                (Title, Description, Retired) = (Objective.Title, Objective.Description, Objective.IsRetired);
                BodyIds = await db.Assignments.Where(a => a.ObjectiveId == Objective.Id).Select(a => a.BodyId).ToListAsync(ct);
            }, prefix: nameof(NewIndicator));
        }

        TempData["Message"] = $"{added.Value!.Code} added.";
        return RedirectToPage("Objective", new { code = code.ToUpperInvariant() });
    }

    private async Task<bool> LoadAsync(string code, CancellationToken ct)
    {
        var objective = await db.Objectives.SingleOrDefaultAsync(o => o.Code == code.ToUpperInvariant(), ct);
        if (objective is null)
        {
            return false;
        }

        Objective = objective;
        Bodies = (await db.Bodies.AsNoTracking().OrderBy(b => b.Id).ToListAsync(ct)).Select(b => (b.Id, b.Code, b.Name)).ToList();
        Indicators = await db.Indicators.AsNoTracking().Where(i => i.ObjectiveId == objective.Id).OrderBy(i => i.SortOrder).ToListAsync(ct);
        return true;
    }
}
