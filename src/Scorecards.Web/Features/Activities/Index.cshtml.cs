using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Domain.Activities;

namespace Scorecards.Web.Features.Activities;

public sealed class IndexModel(AppDbContext db, ActivityService activities) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Body { get; set; }
    [BindProperty(SupportsGet = true)] public ActivityKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    [BindProperty(SupportsGet = true)] public string? Member { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public bool Archived { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public ActivityPage Results { get; private set; } = null!;
    public bool CanImport { get; private set; }
    public IReadOnlyList<string> BodyCodes { get; private set; } = [];
    public IReadOnlyList<(string Code, string Name)> Areas { get; private set; } = [];
    public IReadOnlyList<string> Members { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Results = await ActivityQueries.SearchAsync(db, new ActivityFilter(Body, Kind, Area, Member, From, To, Q, null, Archived, PageNumber, 25), ct);
        BodyCodes = await db.Bodies.AsNoTracking().OrderBy(b => b.Id).Select(b => b.Code).ToListAsync(ct);
        CanImport = (await activities.ManagedBodiesAsync(User, ct)).Count > 0;
        Areas = (await db.FocusAreas.AsNoTracking().Where(f => !f.IsRetired).OrderBy(f => f.SortOrder).Select(f => new { f.Code, f.Name }).ToListAsync(ct)).Select(f => (f.Code, f.Name)).ToList();
        Members = await db.Members.AsNoTracking().OrderBy(m => m.Name).Select(m => m.Name).ToListAsync(ct);
    }

    /// <summary>The current filters as a query string, with a different page.</summary>
    public string PageLink(int page) => "/activities?" + string.Join("&", Filters().Append($"page={page}"));

    /// <summary>The whole filtered list, not just this page, as a file.</summary>
    public string ExportLink(string format) => "/api/v1/activities/export?" + string.Join("&", Filters().Append($"format={format}"));

    private IEnumerable<string> Filters() => Request.Query.Where(q => q.Key is not ("page" or "format"))
        .SelectMany(q => q.Value.Select(v => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(v ?? "")}"));
}
