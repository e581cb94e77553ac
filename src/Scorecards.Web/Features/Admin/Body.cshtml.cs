using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Domain.Bodies;
using Scorecards.Domain.Members;
using Scorecards.Web.Features.Members;
using Scorecards.Web.Infrastructure;
using Scorecards.Web.Infrastructure.Authorization;

namespace Scorecards.Web.Features.Admin;

[Authorize(Policy = Policies.Administrator)]
public sealed class BodyModel(AppDbContext db, RegisterService register) : PageModel
{
    public Body Body { get; private set; } = null!;
    public IReadOnlyList<Member> Members { get; private set; } = [];

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public bool IsActive { get; set; }

    [BindProperty]
    public List<int> CoChairMemberIds { get; set; } = [];

    /// <summary>Co-chairs who are not members (the GABF's business leaders), one per line.</summary>
    [BindProperty]
    public string? CoChairPeople { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct))
        {
            return NotFound();
        }

        Name = Body.Name;
        IsActive = Body.IsActive;
        CoChairMemberIds = Body.CoChairs.Where(c => c.MemberId is not null).Select(c => c.MemberId!.Value).ToList();
        CoChairPeople = string.Join("\n", Body.CoChairs.Where(c => c.PersonName is not null).Select(c => c.PersonName));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        var people = (CoChairPeople ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var changed = await register.ChangeBodyAsync(User, code, new BodyRequest(Name, IsActive, CoChairMemberIds, people), ct);
        if (!changed.Succeeded)
        {
            return await this.RefusedAsync(changed.Outcome, () => LoadAsync(code, ct), prefix: null);
        }

        TempData["Message"] = $"{changed.Value!.Code} saved.";
        return RedirectToPage("Bodies");
    }

    private async Task<bool> LoadAsync(string code, CancellationToken ct)
    {
        var body = await db.Bodies.Include(b => b.CoChairs).SingleOrDefaultAsync(b => b.Code == code.ToUpperInvariant(), ct);
        if (body is null)
        {
            return false;
        }

        Body = body;
        Members = await db.Members.AsNoTracking().OrderBy(m => m.Name).ToListAsync(ct);
        return true;
    }
}
