using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scorecards.Data;
using Scorecards.Web.Features.Rounds;

namespace Scorecards.Web.Features.Public;

[AllowAnonymous]
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<RoundDto> Rounds { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Rounds = await PublicQueries.PublishedRoundsAsync(db, ct);
}
