using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;

namespace Scorecards.Web.Features.WorkPlans;

public sealed class IndexModel(AppDbContext db, WorkPlanService plans, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Body { get; set; }

    public IReadOnlyList<WorkPlanDto> Plans { get; private set; } = [];
    public IReadOnlyList<string> BodyCodes { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public bool CanAdd { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Plans = await WorkPlanQueries.ListAsync(db, Body, ct);
        BodyCodes = await db.Bodies.AsNoTracking().OrderBy(b => b.Id).Select(b => b.Code).ToListAsync(ct);
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        CanAdd = (await plans.ManagedBodyCodesAsync(User, ct)).Count > 0;
    }
}
