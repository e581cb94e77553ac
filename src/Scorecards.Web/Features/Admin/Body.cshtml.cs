using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Domain.Bodies;
using Scorecards.Web.Features.Members;
using Scorecards.Web.Infrastructure;
using Scorecards.Web.Infrastructure.Authorization;

namespace Scorecards.Web.Features.Admin;

[Authorize(Policy = Policies.Administrator)]
public sealed class BodyModel(AppDbContext db, RegisterService register) : PageModel
{
    public Body Body { get; private set; } = null!;

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public bool IsActive { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct))
        {
            return NotFound();
        }

        Name = Body.Name;
        IsActive = Body.IsActive;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        var changed = await register.ChangeBodyAsync(User, code, new BodyRequest(Name, IsActive), ct);
        if (!changed.Succeeded)
        {
            return await this.RefusedAsync(changed.Outcome, () => LoadAsync(code, ct), prefix: null);
        }

        TempData["Message"] = $"{changed.Value!.Code} saved.";
        return RedirectToPage("Bodies");
    }

    private async Task<bool> LoadAsync(string code, CancellationToken ct)
    {
        var body = await db.Bodies.AsNoTracking().SingleOrDefaultAsync(b => b.Code == code.ToUpperInvariant(), ct);
        if (body is null)
        {
            return false;
        }

        Body = body;
        return true;
    }
}
