using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Web.Infrastructure;

namespace Scorecards.Web.Features.WorkPlans;

public sealed class DetailsModel(AppDbContext db, WorkPlanService plans, TimeProvider clock) : PageModel
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
        var changed = await plans.ChangeAsync(User, id, new WorkPlanRequest(null, Title, StartDate, EndDate, Description), ct);
        if (!changed.Succeeded)
        {
            return await this.RefusedAsync(changed.Outcome, () => LoadAsync(id, ct), prefix: null);
        }

        TempData["Message"] = $"'{changed.Value!.Title}' saved.";
        return RedirectToPage("Details", new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var plan = await WorkPlanQueries.GetAsync(db, id, ct);
        if (plan is null)
        {
            return false;
        }

        Plan = plan;
        CanManage = await plans.CanManageAsync(User, await db.WorkPlans.AsNoTracking().SingleAsync(p => p.Id == id, ct));
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return true;
    }
}
