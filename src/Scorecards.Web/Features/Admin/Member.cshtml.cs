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
public sealed class MemberModel(AppDbContext db) : PageModel
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
        Input = new MemberForm { Name = member.Name, Kind = member.Kind, Status = member.Status };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await db.Members.FindAsync([id], ct) is not { } member)
        {
            return NotFound();
        }

        Member = member;
        var name = Input.Name?.Trim();
        foreach (var (field, message) in Input.Validate(name is not null && await db.Members.AnyAsync(m => m.Name == name && m.Id != id, ct)))
        {
            ModelState.AddModelError(field, message);
        }

        if (member.IsCoChairGovernment && member.CanCoChair(Input.Kind, Input.Status) is { Succeeded: false } unfit)
        {
            ModelState.AddModelError("Input.Status", $"{unfit.Message} Remove it from the Co-Chair governments first.");
        }

        if (!ModelState.IsValid)
        {
            return this.Invalid();
        }

        member.Name = name!;
        member.Kind = Input.Kind;
        member.Status = Input.Status;
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"{member.Name} saved.";
        return RedirectToPage("Members");
    }
}
