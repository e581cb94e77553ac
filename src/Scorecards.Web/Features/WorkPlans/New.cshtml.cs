using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scorecards.Web.Infrastructure;

namespace Scorecards.Web.Features.WorkPlans;

public sealed class NewModel(WorkPlanService plans) : PageModel
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
        var created = await plans.CreateAsync(User, new WorkPlanRequest(Body, Title, StartDate, EndDate, Description), ct);
        if (!created.Succeeded)
        {
            return await this.RefusedAsync(created.Outcome, () => LoadAsync(ct), prefix: null);
        }

        TempData["Message"] = $"'{created.Value!.Title}' added. Now add its items.";
        return RedirectToPage("Details", new { id = created.Value.Id });
    }

    private async Task LoadAsync(CancellationToken ct) => BodyCodes = await plans.ManagedBodyCodesAsync(User, ct);
}
