using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Domain.Framework;
using Scorecards.Web.Infrastructure.Authorization;

namespace Scorecards.Web.Features.Admin;

[Authorize(Policy = Policies.Administrator)]
public sealed class FocusAreaModel(AppDbContext db) : PageModel
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
        if (!await LoadAsync(code, ct))
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(Name) || Name.Length > FrameworkRules.MaxTitleLength)
        {
            ModelState.AddModelError(nameof(Name), $"Give the focus area a name (at most {FrameworkRules.MaxTitleLength} characters).");
        }

        if (Description?.Length > FrameworkRules.MaxDescriptionLength)
        {
            ModelState.AddModelError(nameof(Description), $"The description is longer than {FrameworkRules.MaxDescriptionLength} characters.");
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Area.Name = Name!.Trim();
        Area.Description = string.IsNullOrWhiteSpace(Description) ? null : Description.Trim();
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"{Area.Code} saved.";
        return Redirect("/admin/framework");
    }

    public async Task<IActionResult> OnPostAddObjectiveAsync(string code, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct))
        {
            return NotFound();
        }

        var newCode = NewCode?.Trim().ToUpperInvariant();
        if (!FrameworkRules.IsObjectiveCode(newCode))
        {
            ModelState.AddModelError(nameof(NewCode), $"'{NewCode}' is not an objective code: use capitals and digits joined by hyphens, such as {Area.Code}-{Objectives.Count + 1}.");
        }
        else if (await db.Objectives.AnyAsync(o => o.Code == newCode, ct))
        {
            ModelState.AddModelError(nameof(NewCode), $"An objective with the code {newCode} already exists.");
        }

        if (string.IsNullOrWhiteSpace(NewTitle) || NewTitle.Length > FrameworkRules.MaxTitleLength)
        {
            ModelState.AddModelError(nameof(NewTitle), $"Give the objective a title (at most {FrameworkRules.MaxTitleLength} characters).");
        }

        if (!ModelState.IsValid)
        {
            Name = Area.Name;
            Description = Area.Description;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        db.Objectives.Add(new Objective(Area.Id, newCode!, NewTitle!.Trim()) { SortOrder = Objectives.Count });
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"{newCode} added. Choose the bodies that report on it.";
        return Redirect($"/admin/objectives/{newCode}");
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
