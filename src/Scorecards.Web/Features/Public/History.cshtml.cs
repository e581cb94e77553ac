using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scorecards.Data;
using Scorecards.Web.Features.History;

namespace Scorecards.Web.Features.Public;

[AllowAnonymous]
public sealed class HistoryModel(AppDbContext db) : PageModel
{
    public HistoryView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string kind, string code, CancellationToken ct)
    {
        var view = await HistoryQueries.ForPublicAsync(db, kind, code, ct);
        if (view is null)
        {
            return NotFound();
        }

        View = view;
        return Page();
    }
}
