using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Domain.Activities;
using Scorecards.Domain.Secondments;
using Scorecards.Web.Infrastructure;

namespace Scorecards.Web.Features.Secondments;

/// <summary>One expression of interest: what the member asked, where it stands, its timeline, and the steps the reader may take.</summary>
public sealed class DetailsModel(AppDbContext db, SecondmentService service) : PageModel
{
    public SecondmentAccess Access { get; private set; } = SecondmentAccess.None;
    public SecondmentDto Secondment { get; private set; } = null!;

    /// <summary>Activities a completed secondment may be linked to: the RSO's, and every secondment, around the placement.</summary>
    public IReadOnlyList<(int Id, string Title)> Activities { get; private set; } = [];

    /// <summary>The areas of cooperation's names by code.</summary>
    public IReadOnlyDictionary<string, string> FocusAreaNames { get; private set; } = new Dictionary<string, string>();

    [BindProperty] public StepForm Step { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostStepAsync(int id, CancellationToken ct)
    {
        var moved = await service.MoveAsync(User, id, new StepRequest(Step.Status, Step.Note, Step.HostUnit, Step.StartDate, Step.EndDate, Step.Funder, Step.Outcomes,
            Step.ActivityIds), ct);
        if (!moved.Succeeded)
        {
            return await this.RefusedAsync(moved.Outcome, () => LoadAsync(id, ct), "Step");
        }

        TempData["Message"] = $"It is now {Domain.Secondments.Secondment.Label(moved.Value!.Status).ToLowerInvariant()}.";
        return RedirectToPage(new { id });
    }

    public bool MayTake(SecondmentStatus step) =>
        Domain.Secondments.Secondment.Next(Secondment.Status).Contains(step) && Access.MayTake(step, Secondment.MemberId);

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        Access = await SecondmentAccess.ForAsync(User, db, ct);
        if (await SecondmentQueries.GetAsync(db, Access, id, ct) is not { } secondment)
        {
            return false;
        }

        Secondment = secondment;
        FocusAreaNames = await db.FocusAreas.AsNoTracking().ToDictionaryAsync(f => f.Code, f => f.Name, ct);
        if (Access.RunsProgramme && secondment is { Status: SecondmentStatus.Placed, StartDate: { } start, EndDate: { } end })
        {
            var from = start.AddMonths(-3);
            var to = end.AddMonths(3);
            Activities = (await db.Activities.AsNoTracking()
                .Where(a => !a.IsArchived && (a.Kind == ActivityKind.Secondment || db.Bodies.Any(b => b.Id == a.LeadBodyId && b.Code == SecondmentAccess.ProgrammeBody)))
                .Where(Activity.During(from, to))
                .OrderBy(a => a.StartDate).Take(SecondmentService.MaxActivities).Select(a => new { a.Id, a.Title }).ToListAsync(ct))
                .Select(a => (a.Id, a.Title)).ToList();
        }

        return true;
    }

    public sealed class StepForm
    {
        public string? Status { get; set; }
        public string? Note { get; set; }
        public string? HostUnit { get; set; }
        public DateOnly? StartDate { get; set; }
        public DateOnly? EndDate { get; set; }
        public string? Funder { get; set; }
        public string? Outcomes { get; set; }
        public List<int> ActivityIds { get; set; } = [];
    }
}
