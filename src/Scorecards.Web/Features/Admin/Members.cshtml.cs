using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Domain.Members;
using Scorecards.Web.Infrastructure;
using Scorecards.Web.Infrastructure.Authorization;

namespace Scorecards.Web.Features.Admin;

[Authorize(Policy = Policies.Administrator)]
public sealed class MembersModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<Member> Members { get; private set; } = [];

    [BindProperty]
    public MemberForm Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct) => Members = await db.Members.AsNoTracking().OrderBy(m => m.Name).ToListAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var name = Input.Name?.Trim();
        foreach (var (field, message) in Input.Validate(name is not null && await db.Members.AnyAsync(m => m.Name == name, ct)))
        {
            ModelState.AddModelError(field, message);
        }

        if (!ModelState.IsValid)
        {
            await OnGetAsync(ct);
            return this.Invalid();
        }

        db.Members.Add(new Member(name!, Input.Kind, Input.Status));
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"{name} added.";
        return RedirectToPage();
    }
}
