using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Web.Features.Audit;
using Scorecards.Web.Infrastructure.Authorization;

namespace Scorecards.Web.Features.Admin;

[Authorize(Policy = Policies.Administrator)]
public sealed class AuditModel(AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Body { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Round { get; set; }

    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserFilter { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Action { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public AuditPage Results { get; private set; } = null!;
    public IReadOnlyList<string> BodyCodes { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Rounds { get; private set; } = [];

    /// <summary>The same filters, another page.</summary>
    public string PageLink(int page) => QueryHelpers.AddQueryString("/admin/audit", new Dictionary<string, string?>
    {
        ["body"] = Body,
        ["round"] = Round?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["user"] = UserFilter,
        ["kind"] = Kind,
        ["action"] = Action,
        ["from"] = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["to"] = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(p => !string.IsNullOrEmpty(p.Value)));

    public async Task OnGetAsync(CancellationToken ct)
    {
        Results = await AuditQueries.SearchAsync(db, new AuditFilter(Body, Round, UserFilter, PageNumber, 50, Kind, Action, From, To), ct);
        BodyCodes = await db.Bodies.OrderBy(b => b.Id).Select(b => b.Code).ToListAsync(ct);
        Rounds = (await db.Rounds.AsNoTracking().ToListAsync(ct)).OrderByDescending(r => r.PeriodEnd).Select(r => (r.Id, r.Name)).ToList();
    }
}
