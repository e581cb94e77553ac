using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Domain.Activities;
using Scorecards.Web.Infrastructure;
using Scorecards.Web.Infrastructure.Authorization;

namespace Scorecards.Web.Features.Activities;

/// <summary>The activity form as typed; objectives and partner members one per line or comma-separated.</summary>
public sealed class ActivityForm
{
    public string? Title { get; set; }
    public string? Kind { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public string? DatePrecision { get; set; }
    public string? City { get; set; }
    public string? Member { get; set; }
    public string? LeadBody { get; set; }
    public string? PartnerOrganisations { get; set; }
    public string? PartnerMembers { get; set; }
    public string? Objectives { get; set; }
    public string? Outputs { get; set; }
    public int? Participants { get; set; }
    public string? Links { get; set; }
    public string? Status { get; set; }

    public ActivityRequest ToRequest() => new(Title, Kind, StartDate, EndDate, City, Member, LeadBody, PartnerOrganisations, Split(PartnerMembers, '\n'),
        Split(Objectives, ',', '\n', ' '), Outputs, Participants, Split(Links, '\n'), Status, DatePrecision);

    public static ActivityForm From(ActivityDto a) => new()
    {
        Title = a.Title,
        Kind = a.Kind.ToString(),
        StartDate = a.StartDate,
        EndDate = ActivityDates.EndFollows(a.DatePrecision) ? null : a.EndDate,
        DatePrecision = ActivityDates.Slug(a.DatePrecision),
        City = a.City,
        Member = a.Member,
        LeadBody = a.LeadBody,
        PartnerOrganisations = a.PartnerOrganisations,
        PartnerMembers = string.Join("\n", a.PartnerMembers),
        Objectives = string.Join(", ", a.Objectives),
        Outputs = a.Outputs,
        Participants = a.Participants,
        Links = string.Join("\n", a.Links),
        Status = a.Status.ToString(),
    };

    private static List<string> Split(string? text, params char[] separators) =>
        (text ?? "").Split(separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}

public sealed class EditModel(AppDbContext db, ActivityService activities) : PageModel
{
    public ActivityDto? Activity { get; private set; }
    public bool CanManage { get; private set; }

    /// <summary>The work plan items this activity delivers: plan id, plan, item number and title.</summary>
    public IReadOnlyList<(int PlanId, string Plan, int Number, string Item)> Delivers { get; private set; } = [];
    public IReadOnlyList<string> BodyCodes { get; private set; } = [];
    public IReadOnlyList<string> Members { get; private set; } = [];

    [BindProperty]
    public ActivityForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (id is { } existing)
        {
            Activity = await ActivityQueries.GetAsync(db, existing, ct);
            if (Activity is null)
            {
                return NotFound();
            }

            Form = ActivityForm.From(Activity);
            Delivers = (await db.Set<Domain.WorkPlans.WorkPlanItemActivity>().AsNoTracking().Where(l => l.ActivityId == existing)
                    .Join(db.WorkPlanItems, l => l.WorkPlanItemId, i => i.Id, (l, i) => i)
                    .Join(db.WorkPlans, i => i.WorkPlanId, p => p.Id, (i, p) => new { PlanId = p.Id, Plan = p.Title, i.Number, i.Title })
                    .OrderBy(x => x.PlanId).ThenBy(x => x.Number).ToListAsync(ct))
                .Select(x => (x.PlanId, x.Plan, x.Number, x.Title)).ToList();
        }
        else
        {
            Form = new ActivityForm { Status = nameof(ActivityStatus.Delivered), LeadBody = await OwnBodyAsync(ct) };
        }

        await LoadListsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        var saved = await activities.SaveAsync(User, id, Form.ToRequest(), ct);
        if (!saved.Succeeded)
        {
            return await this.RefusedAsync(saved.Outcome, async () =>
            {
                Activity = id is { } i ? await ActivityQueries.GetAsync(db, i, ct) : null;
                await LoadListsAsync(ct);
            });
        }

        TempData["Message"] = $"'{saved.Value!.Title}' saved.";
        return RedirectToPage("Edit", new { id = saved.Value.Id });
    }

    public async Task<IActionResult> OnPostArchiveAsync(int id, bool restore, CancellationToken ct)
    {
        var changed = await activities.ArchiveAsync(User, id, archive: !restore, ct);
        if (!changed.Succeeded)
        {
            return await this.RefusedAsync(changed.Outcome);
        }

        var title = changed.Value!.Title;
        TempData["Message"] = restore ? $"'{title}' is back in the register." : $"'{title}' archived. It stays on record and can be restored.";
        return RedirectToPage("Edit", new { id });
    }

    private async Task<string?> OwnBodyAsync(CancellationToken ct)
    {
        var own = User.BodyIds().ToList();
        return await db.Bodies.Where(b => own.Contains(b.Id)).OrderBy(b => b.Id).Select(b => b.Code).FirstOrDefaultAsync(ct);
    }

    private async Task LoadListsAsync(CancellationToken ct)
    {
        var managed = (await activities.ManagedBodiesAsync(User, ct)).ToList();
        BodyCodes = await db.Bodies.AsNoTracking().Where(b => managed.Contains(b.Id)).OrderBy(b => b.Id).Select(b => b.Code).ToListAsync(ct);
        Members = await db.Members.AsNoTracking().OrderBy(m => m.Name).Select(m => m.Name).ToListAsync(ct);
        CanManage = Activity is null ? BodyCodes.Count > 0 : BodyCodes.Contains(Activity.LeadBody);
    }
}
