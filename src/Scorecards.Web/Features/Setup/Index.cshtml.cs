using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scorecards.Data;
using Scorecards.Web.Infrastructure.Authorization;

namespace Scorecards.Web.Features.Setup;

/// <summary>The setup checklist, and the starter data an administrator may load from it.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class IndexModel(AppDbContext db, StarterLoader starter, Microsoft.Extensions.Localization.IStringLocalizer<Strings> t) : PageModel
{
    public IReadOnlyList<SetupStep> Steps { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Steps = await SetupChecklist.ReadAsync(db, t, ct);

    public async Task<IActionResult> OnPostStarterAsync(StarterPart part, CancellationToken ct)
    {
        var loaded = await starter.LoadAsync(part, User, ct);
        if (!loaded.Succeeded)
        {
            ModelState.AddModelError("", loaded.Outcome.Message ?? "The starter data could not be loaded.");
            Steps = await SetupChecklist.ReadAsync(db, t, ct);
            return Page();
        }

        TempData["Message"] = $"Loaded {loaded.Value}, marked as starter data in the audit log.";
        return RedirectToPage();
    }
}
