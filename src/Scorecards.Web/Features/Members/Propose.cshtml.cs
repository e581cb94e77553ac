using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Web.Infrastructure;

namespace Scorecards.Web.Features.Members;

/// <summary>Administrators and Co-Chairs propose a change for the membership review.</summary>
public sealed class ProposeModel(AppDbContext db, MembershipReview review) : PageModel
{
    public IReadOnlyList<(int Id, string Name)> Members { get; private set; } = [];
    public IReadOnlyList<string> Bodies { get; private set; } = [];

    [BindProperty] public ProposalForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!MembershipReview.MayAct(User))
        {
            return Forbid();
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var proposed = await review.ProposeAsync(User, new ProposalRequest(Form.Kind, Form.MemberId, Form.Body, Form.NewStatus, Form.Rationale), ct);
        if (!proposed.Succeeded)
        {
            return await this.RefusedAsync(proposed.Outcome, () => LoadAsync(ct));
        }

        TempData["Message"] = "Proposed. Table it at a meeting when it goes on the agenda.";
        return Redirect($"/membership/{proposed.Value!.Id}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Members = await RegisterQueries.ChoicesAsync(db.Members, ct);
        Bodies = await db.Bodies.AsNoTracking().OrderBy(b => b.Code).Select(b => b.Code).ToListAsync(ct);
    }

    public sealed class ProposalForm
    {
        public string? Kind { get; set; }
        public int? MemberId { get; set; }
        public string? Body { get; set; }
        public string? NewStatus { get; set; }
        public string? Rationale { get; set; }
    }
}
