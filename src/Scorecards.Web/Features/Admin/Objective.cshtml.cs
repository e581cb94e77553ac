using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Domain.Framework;
using Scorecards.Web.Infrastructure.Authorization;

namespace Scorecards.Web.Features.Admin;

[Authorize(Policy = Policies.Administrator)]
public sealed class ObjectiveModel(AppDbContext db) : PageModel
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
        if (!await LoadAsync(code, ct))
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(Title))
        {
            ModelState.AddModelError(nameof(Title), "Give the objective a title.");
        }
        else if (Title.Length > FrameworkRules.MaxTitleLength)
        {
            ModelState.AddModelError(nameof(Title), $"The title is {Title.Length} characters long; at most {FrameworkRules.MaxTitleLength} are allowed.");
        }

        if (Description?.Length > FrameworkRules.MaxDescriptionLength)
        {
            ModelState.AddModelError(nameof(Description), $"The description is longer than {FrameworkRules.MaxDescriptionLength} characters.");
        }

        var unknown = BodyIds.Where(id => Bodies.All(b => b.Id != id)).ToList();
        if (unknown.Count > 0)
        {
            ModelState.AddModelError(nameof(BodyIds), "One of the chosen bodies does not exist.");
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Objective.Title = Title!.Trim();
        Objective.Description = string.IsNullOrWhiteSpace(Description) ? null : Description.Trim();
        Objective.IsRetired = Retired;
        var current = await db.Assignments.Where(a => a.ObjectiveId == Objective.Id).ToListAsync(ct);
        db.Assignments.RemoveRange(current.Where(a => !BodyIds.Contains(a.BodyId)));
        db.Assignments.AddRange(BodyIds.Distinct().Where(id => current.TrueForAll(a => a.BodyId != id)).Select(id => new Assignment(Objective.Id, id)));
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"{Objective.Code} saved.";
        return Redirect("/admin/framework");
    }

    public async Task<IActionResult> OnPostAddIndicatorAsync(string code, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct))
        {
            return NotFound();
        }

        var indicatorCode = NewIndicator.Code?.Trim().ToUpperInvariant();
        if (!FrameworkRules.IsIndicatorCode(indicatorCode))
        {
            ModelState.AddModelError("NewIndicator.Code", $"'{NewIndicator.Code}' is not an indicator code: use capitals, digits, dots and hyphens, such as {Objective.Code}.{Indicators.Count + 1}.");
        }
        else if (await db.Indicators.AnyAsync(i => i.Code == indicatorCode, ct))
        {
            ModelState.AddModelError("NewIndicator.Code", $"An indicator with the code {indicatorCode} already exists.");
        }

        foreach (var (field, message) in NewIndicator.Validate(nameof(NewIndicator)))
        {
            ModelState.AddModelError(field, message);
        }

        if (!ModelState.IsValid)
        {
            Title = Objective.Title;
            Description = Objective.Description;
            Retired = Objective.IsRetired;
            BodyIds = await db.Assignments.Where(a => a.ObjectiveId == Objective.Id).Select(a => a.BodyId).ToListAsync(ct);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var indicator = new Indicator(Objective.Id, indicatorCode!, NewIndicator.Name!.Trim(), NewIndicator.Kind) { SortOrder = Indicators.Count };
        NewIndicator.ApplyTo(indicator);
        db.Indicators.Add(indicator);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"{indicatorCode} added.";
        return Redirect($"/admin/objectives/{Objective.Code}");
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
