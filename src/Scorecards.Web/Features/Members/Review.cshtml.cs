using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scorecards.Data;
using Scorecards.Domain.Members;

namespace Scorecards.Web.Features.Members;

/// <summary>The membership review's proposals, by status.</summary>
public sealed class ReviewModel(AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public ProposalStatus? Status { get; set; }

    public IReadOnlyList<ProposalDto> Proposals { get; private set; } = [];
    public bool MayAct => MembershipReview.MayAct(User);

    public async Task OnGetAsync(CancellationToken ct) => Proposals = await MembershipReview.ListAsync(db, Status, ct);
}
