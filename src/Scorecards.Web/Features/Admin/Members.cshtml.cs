using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Domain.Members;
using Scorecards.Web.Features.Members;
using Scorecards.Web.Infrastructure;
using Scorecards.Web.Infrastructure.Authorization;

namespace Scorecards.Web.Features.Admin;

[Authorize(Policy = Policies.Administrator)]
public sealed class MembersModel(AppDbContext db, RegisterService register) : PageModel
{
    public IReadOnlyList<Member> Members { get; private set; } = [];
    public IReadOnlyList<DecisionChoice> Decisions { get; private set; } = [];

    [BindProperty]
    public MemberForm Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Members = await db.Members.AsNoTracking().OrderBy(m => m.Name).ToListAsync(ct);
        Decisions = await RegisterQueries.DecisionChoicesAsync(db, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var added = await register.AddMemberAsync(User, Input.ToRequest(), ct);
        if (!added.Succeeded)
        {
            return await this.RefusedAsync(added.Outcome, () => OnGetAsync(ct), "Input");
        }

        TempData["Message"] = $"{added.Value!.Name} added.";
        return Redirect($"/members/{added.Value.Id}");
    }
}
