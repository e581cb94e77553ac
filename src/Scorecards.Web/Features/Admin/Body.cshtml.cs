using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Domain.Bodies;
using Scorecards.Domain.Members;
using Scorecards.Web.Infrastructure;
using Scorecards.Web.Infrastructure.Authorization;

namespace Scorecards.Web.Features.Admin;

[Authorize(Policy = Policies.Administrator)]
public sealed class BodyModel(AppDbContext db) : PageModel
{
    public const int MaxCoChairs = 6;

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
        if (!await LoadAsync(code, ct))
        {
            return NotFound();
        }

        var people = (CoChairPeople ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
        if (string.IsNullOrWhiteSpace(Name) || Name.Length > 300)
        {
            ModelState.AddModelError(nameof(Name), "Give the body's full name (at most 300 characters).");
        }

        if (CoChairMemberIds.Exists(id => Members.All(m => m.Id != id)))
        {
            ModelState.AddModelError(nameof(CoChairMemberIds), "One of the chosen co-chairs is not a member.");
        }

        if (CoChairMemberIds.Distinct().Count() + people.Count > MaxCoChairs)
        {
            ModelState.AddModelError(nameof(CoChairPeople), $"A body has at most {MaxCoChairs} co-chairs.");
        }

        if (people.Exists(p => p.Length > 200))
        {
            ModelState.AddModelError(nameof(CoChairPeople), "Each co-chair's name may be at most 200 characters.");
        }

        if (!ModelState.IsValid)
        {
            return this.Invalid();
        }

        Body.Name = Name!.Trim();
        Body.IsActive = IsActive;
        Body.SetCoChairs(CoChairMemberIds.Distinct().Select(id => new BodyCoChair(id, null)).Concat(people.Select(p => new BodyCoChair(null, p))));
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"{Body.Code} saved.";
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
