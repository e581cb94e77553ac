using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Domain.Activities;
using Scorecards.Domain.Scorecards;
using Scorecards.Web.Infrastructure;

namespace Scorecards.Web.Features.WorkPlans;

/// <summary>Adds or changes one item of a work plan: its period, objectives, the activities that deliver it, and its status.</summary>
public sealed class ItemModel(AppDbContext db) : PageModel
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
        var (_, problem) = await LoadAsync(id, itemId, ct);
        if (problem is not null)
        {
            return problem;
        }

        var plan = (await WorkPlanQueries.LoadForChangeAsync(db, id, ct))!;
        var item = itemId is { } i ? plan.Items.Single(x => x.Id == i) : null;
        var request = new WorkPlanItemRequest(Title, Description, TargetStart, TargetEnd,
            (Objectives ?? "").Split([',', ';', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), Activities);
        var (status, statusError) = new ItemStatusRequest(Status, Reason).Parse();
        var (values, errors) = await request.ToValuesAsync(db, plan, ct);
        var messages = errors.ToList();
        if (statusError is not null)
        {
            messages.Add(statusError);
        }

        if (values is not null && statusError is null)
        {
            item ??= plan.AddItem(values.Title!);
            item.Apply(values, plan.StartDate, plan.EndDate);
            var overridden = item.Override(status, Reason);
            if (overridden.Succeeded)
            {
                await db.SaveChangesAsync(ct);
                TempData["Message"] = $"Item {item.Number} saved.";
                return Redirect($"/workplans/{id}");
            }

            messages.Add(new FieldError("reason", overridden.Message!));
        }

        ModelState.AddFieldErrors(messages, prefix: null);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
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
        if (!WorkPlanQueries.CanManage(User, bodyId))
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
