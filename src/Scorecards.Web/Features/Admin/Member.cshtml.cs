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
public sealed class MemberModel(AppDbContext db, RegisterService register) : PageModel
{
    public Member Member { get; private set; } = null!;

    [BindProperty]
    public MemberForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await db.Members.FindAsync([id], ct) is not { } member)
        {
            return NotFound();
        }

        Member = member;
        Input = new MemberForm { Name = member.Name, Kind = member.Kind };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var changed = await register.ChangeMemberAsync(User, id, Input.ToChange(), ct);
        if (!changed.Succeeded)
        {
            return await this.RefusedAsync(changed.Outcome, async () => Member = (await db.Members.AsNoTracking().SingleAsync(m => m.Id == id, ct)), "Input");
        }

        TempData["Message"] = $"{changed.Value!.Name} saved.";
        return Redirect($"/members/{id}");
    }
}
