using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;

namespace Scorecards.Web.Features.WorkPlans;

public sealed class DetailsModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public WorkPlanDto Plan { get; private set; } = null!;
    public bool CanManage { get; private set; }
    public DateOnly Today { get; private set; }

    [BindProperty] public string? Title { get; set; }
    [BindProperty] public DateOnly? StartDate { get; set; }
    [BindProperty] public DateOnly? EndDate { get; set; }
    [BindProperty] public string? Description { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        (Title, StartDate, EndDate, Description) = (Plan.Title, Plan.StartDate, Plan.EndDate, Plan.Description);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var plan = await db.WorkPlans.Include(p => p.Items).SingleOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null)
        {
            return NotFound();
        }

        if (!WorkPlanQueries.CanManage(User, plan.BodyId))
        {
            return Forbid();
        }

        var result = plan.Change(Title, StartDate, EndDate, Description);
        if (result.Succeeded && plan.Items.Any(i => i.TargetStart < plan.StartDate || i.TargetEnd > plan.EndDate))
        {
            result = Domain.Result.Fail("workplan.invalid", "Some items' target periods fall outside that period; change them first.");
        }

        if (!result.Succeeded)
        {
            ModelState.AddModelError(nameof(Title), result.Message!);
            await LoadAsync(id, ct);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"'{plan.Title}' saved.";
        return Redirect($"/workplans/{id}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var plan = await WorkPlanQueries.GetAsync(db, id, ct);
        if (plan is null)
        {
            return false;
        }

        Plan = plan;
        CanManage = WorkPlanQueries.CanManage(User, plan.BodyId);
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return true;
    }
}
