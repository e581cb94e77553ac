using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Domain.Rounds;

namespace Scorecards.Web.Features.Rounds;

public sealed class IndexModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<Round> Rounds { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Rounds = (await db.Rounds.AsNoTracking().ToListAsync(ct)).OrderByDescending(r => r.PeriodEnd).ToList();
}
