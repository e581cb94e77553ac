using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Web.Infrastructure;
using Scorecards.Web.Infrastructure.Authorization;

namespace Scorecards.Web.Features.WorkPlans;

public sealed class NewModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<string> BodyCodes { get; private set; } = [];

    [BindProperty] public string? Body { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public DateOnly? StartDate { get; set; }
    [BindProperty] public DateOnly? EndDate { get; set; }
    [BindProperty] public string? Description { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return BodyCodes.Count == 0 ? Forbid() : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (plan, errors) = await WorkPlanCommands.CreateAsync(db, new WorkPlanRequest(Body, Title, StartDate, EndDate, Description), User, ct);
        if (plan is not null)
        {
            TempData["Message"] = $"'{plan.Title}' added. Now add its items.";
            return Redirect($"/workplans/{plan.Id}");
        }

        if (errors.Count == 0)
        {
            return Forbid();
        }

        ModelState.AddFieldErrors(errors, prefix: null);

        await LoadAsync(ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var own = User.BodyIds().ToList();
        var all = User.IsAdministrator();
        BodyCodes = await db.Bodies.AsNoTracking().Where(b => all || own.Contains(b.Id)).OrderBy(b => b.Id).Select(b => b.Code).ToListAsync(ct);
    }
}
