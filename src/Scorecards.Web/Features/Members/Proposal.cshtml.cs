using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Domain.Members;
using Scorecards.Web.Infrastructure;

namespace Scorecards.Web.Features.Members;

/// <summary>One proposal: what it would change and why, its timeline, and the next step for administrators and Co-Chairs.</summary>
public sealed class ProposalModel(AppDbContext db, MembershipReview review) : PageModel
{
    public ProposalDto Proposal { get; private set; } = null!;
    public IReadOnlyList<(int Id, string Title, DateOnly Start)> Meetings { get; private set; } = [];
    public IReadOnlyList<DecisionChoice> Decisions { get; private set; } = [];
    public bool MayAct => MembershipReview.MayAct(User);

    [BindProperty] public StepForm Step { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var moved = await review.MoveAsync(User, id, new ProposalStepRequest(Step.Status, Step.MeetingId, Step.DecisionId, Step.EffectiveDate, Step.Note), ct);
        if (!moved.Succeeded)
        {
            return await this.RefusedAsync(moved.Outcome, () => LoadAsync(id, ct), "Step");
        }

        TempData["Message"] = moved.Value!.Status == ProposalStatus.Applied ? "Applied to the register." : $"The proposal is {moved.Value.Status.ToString().ToLowerInvariant()}.";
        return RedirectToPage(new { id });
    }

    public bool Offers(ProposalStatus step) => MayAct && MembershipProposal.Next(Proposal.Status).Contains(step);

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await MembershipReview.GetAsync(db, id, ct) is not { } proposal)
        {
            return false;
        }

        Proposal = proposal;
        if (MayAct)
        {
            Meetings = (await db.Meetings.AsNoTracking().OrderByDescending(m => m.StartDate).Select(m => new { m.Id, m.Title, m.StartDate }).ToListAsync(ct))
                .Select(m => (m.Id, m.Title, m.StartDate)).ToList();
            Decisions = await RegisterQueries.DecisionChoicesAsync(db, ct);
        }

        return true;
    }

    public sealed class StepForm
    {
        public string? Status { get; set; }
        public int? MeetingId { get; set; }
        public int? DecisionId { get; set; }
        public DateOnly? EffectiveDate { get; set; }
        public string? Note { get; set; }
    }
}
