using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scorecards.Data;

namespace Scorecards.Web.Features.History;

public sealed class IndexModel(AppDbContext db) : PageModel
{
    public HistoryView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string kind, string code, CancellationToken ct)
    {
        var view = await HistoryQueries.ForUserAsync(db, kind, code, User, ct);
        if (view is null)
        {
            return NotFound();
        }

        View = view;
        return Page();
    }
}
