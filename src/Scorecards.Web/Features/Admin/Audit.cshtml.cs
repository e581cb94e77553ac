using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
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

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public AuditPage Results { get; private set; } = null!;
    public IReadOnlyList<string> BodyCodes { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Rounds { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Results = await AuditQueries.SearchAsync(db, new AuditFilter(Body, Round, UserFilter, PageNumber, 50), ct);
        BodyCodes = await db.Bodies.OrderBy(b => b.Id).Select(b => b.Code).ToListAsync(ct);
        Rounds = (await db.Rounds.AsNoTracking().ToListAsync(ct)).OrderByDescending(r => r.PeriodEnd).Select(r => (r.Id, r.Name)).ToList();
    }
}
