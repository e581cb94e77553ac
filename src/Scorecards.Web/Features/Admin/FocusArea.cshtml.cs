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
public sealed class FocusAreaModel(AppDbContext db, FrameworkEditor editor) : PageModel
{
    public FocusArea Area { get; private set; } = null!;
    public IReadOnlyList<Objective> Objectives { get; private set; } = [];

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    [BindProperty]
    public string? NewCode { get; set; }

    [BindProperty]
    public string? NewTitle { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct))
        {
            return NotFound();
        }

        Name = Area.Name;
        Description = Area.Description;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        var changed = await editor.ChangeFocusAreaAsync(code, Name, Description, ct);
        if (!changed.Succeeded)
        {
            return await this.RefusedAsync(changed.Outcome, () => LoadAsync(code, ct), prefix: null);
        }

        TempData["Message"] = $"{changed.Value!.Code} saved.";
        return RedirectToPage("Framework");
    }

    public async Task<IActionResult> OnPostAddObjectiveAsync(string code, CancellationToken ct)
    {
        var added = await editor.AddObjectiveAsync(code, NewCode, NewTitle, ct);
        if (!added.Succeeded)
        {
            // The new objective's fields are named New… on this page.
            var refusal = added.Outcome with { Errors = [.. added.Outcome.Errors.Select(e => e with { Field = "New" + e.Field })] };
            return await this.RefusedAsync(refusal, async () =>
            {
                await LoadAsync(code, ct);
                (Name, Description) = (Area.Name, Area.Description);
            }, prefix: null);
        }

        TempData["Message"] = $"{added.Value!.Code} added. Choose the bodies that report on it.";
        return RedirectToPage("Objective", new { code = added.Value.Code });
    }

    private async Task<bool> LoadAsync(string code, CancellationToken ct)
    {
        var area = await db.FocusAreas.SingleOrDefaultAsync(f => f.Code == code.ToUpperInvariant(), ct);
        if (area is null)
        {
            return false;
        }

        Area = area;
        Objectives = await db.Objectives.AsNoTracking().Where(o => o.FocusAreaId == area.Id).OrderBy(o => o.SortOrder).ToListAsync(ct);
        return true;
    }
}
