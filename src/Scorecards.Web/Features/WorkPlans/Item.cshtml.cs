using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Domain.Activities;
using Scorecards.Web.Infrastructure;

namespace Scorecards.Web.Features.WorkPlans;

/// <summary>Adds or changes one item of a work plan: its period, objectives, the activities that deliver it, and its status.</summary>
public sealed class ItemModel(AppDbContext db, WorkPlanService plans) : PageModel
{
    public WorkPlanDto Plan { get; private set; } = null!;
    public WorkPlanItemDto? Item { get; private set; }
    public IReadOnlyList<(int Id, string Title, string Dates, ActivityStatus Status)> Choices { get; private set; } = [];

    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public DateOnly? TargetStart { get; set; }
    [BindProperty] public DateOnly? TargetEnd { get; set; }
    [BindProperty] public string? Objectives { get; set; }
    [BindProperty] public List<int> Activities { get; set; } = [];
    [BindProperty] public string? Status { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, int? itemId, CancellationToken ct)
    {
        var (plan, problem) = await LoadAsync(id, itemId, ct);
        if (problem is not null)
        {
            return problem;
        }

        if (Item is { } i)
        {
            (Title, Description, TargetStart, TargetEnd) = (i.Title, i.Description, i.TargetStart, i.TargetEnd);
            Objectives = string.Join(", ", i.Objectives);
            Activities = i.Activities.Select(a => a.Id).ToList();
            Status = i.IsOverridden ? i.Status.ToString() : "auto";
            Reason = i.OverrideReason;
        }
        else
        {
            (TargetStart, TargetEnd, Status) = (plan!.StartDate, plan.EndDate, "auto");
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int? itemId, CancellationToken ct)
    {
        var request = new WorkPlanItemRequest(Title, Description, TargetStart, TargetEnd,
            (Objectives ?? "").Split([',', ';', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), Activities);
        var saved = await plans.SaveItemAsync(User, id, itemId, request, new ItemStatusRequest(Status, Reason), ct);
        if (!saved.Succeeded)
        {
            return await this.RefusedAsync(saved.Outcome, () => LoadAsync(id, itemId, ct), prefix: null);
        }

        TempData["Message"] = $"Item {saved.Value!.Number} saved.";
        return RedirectToPage("Details", new { id });
    }

    private async Task<(WorkPlanDto? Plan, IActionResult? Problem)> LoadAsync(int id, int? itemId, CancellationToken ct)
    {
        var plan = await WorkPlanQueries.GetAsync(db, id, ct);
        Item = itemId is { } i ? plan?.Items.FirstOrDefault(x => x.Id == i) : null;
        if (plan is null || (itemId is not null && Item is null))
        {
            return (null, NotFound());
        }

        var bodyId = plan.BodyId;
        if (!await plans.CanManageAsync(User, await db.WorkPlans.AsNoTracking().SingleAsync(p => p.Id == id, ct)))
        {
            return (null, Forbid());
        }

        Plan = plan;

        // The body's activities around the plan's period, so late deliveries can still be linked.
        var from = plan.StartDate.AddMonths(-6);
        var to = plan.EndDate.AddMonths(6);
        Choices = (await db.Activities.AsNoTracking().Where(Domain.Activities.Activity.During(from, to)).Where(a => a.LeadBodyId == bodyId && !a.IsArchived)
            .OrderBy(a => a.StartDate).Select(a => new { a.Id, a.Title, a.StartDate, a.EndDate, a.DatePrecision, a.Status }).ToListAsync(ct))
            .Select(a => (a.Id, a.Title, Domain.Activities.ActivityDates.Describe(a.DatePrecision, a.StartDate, a.EndDate), a.Status)).ToList();
        return (plan, null);
    }
}
