using System.Text.RegularExpressions;
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
public sealed partial class BodiesModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<BodyDto> Bodies { get; private set; } = [];

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Bodies = await BodyQueries.ListAsync(db, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var code = Code?.Trim().ToUpperInvariant();
        if (code is null || !BodyCodePattern().IsMatch(code))
        {
            ModelState.AddModelError(nameof(Code), "Give a short code of 2–20 capital letters, digits and hyphens, such as WG-TIP.");
        }
        else if (await db.Bodies.AnyAsync(b => b.Code == code, ct))
        {
            ModelState.AddModelError(nameof(Code), $"A body with the code {code} already exists.");
        }

        if (string.IsNullOrWhiteSpace(Name) || Name.Length > 300)
        {
            ModelState.AddModelError(nameof(Name), "Give the body's full name (at most 300 characters).");
        }

        if (!ModelState.IsValid)
        {
            Bodies = await BodyQueries.ListAsync(db, ct);
            return this.Invalid();
        }

        db.Bodies.Add(new Body(code!, Name!));
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"{code} added. Assign it objectives in the framework so it gets a scorecard when a round opens.";
        return RedirectToPage("Body", new { code });
    }

    [GeneratedRegex("^[A-Z][A-Z0-9-]{1,19}$")]
    internal static partial Regex BodyCodePattern();
}
