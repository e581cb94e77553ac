using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scorecards.Data;
using Scorecards.Web.Features.Members;
using Scorecards.Web.Infrastructure;
using Scorecards.Web.Infrastructure.Authorization;

namespace Scorecards.Web.Features.Admin;

[Authorize(Policy = Policies.Administrator)]
public sealed class BodiesModel(AppDbContext db, RegisterService register, TimeProvider clock) : PageModel
{
    public IReadOnlyList<BodyDto> Bodies { get; private set; } = [];

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Bodies = await RegisterQueries.BodiesAsync(db, Rounds.RoundViews.Today(clock), ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var added = await register.AddBodyAsync(User, Code, Name, ct);
        if (!added.Succeeded)
        {
            return await this.RefusedAsync(added.Outcome, () => OnGetAsync(ct), prefix: null);
        }

        var code = added.Value!.Code;
        TempData["Message"] = $"{code} added. Assign it objectives in the framework so it gets a scorecard when a round opens.";
        return RedirectToPage("Body", new { code });
    }
}
