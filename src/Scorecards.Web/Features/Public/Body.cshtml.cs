using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Scorecards.Data;
using Scorecards.Web.Features.Exports;
using Scorecards.Web.Infrastructure;

namespace Scorecards.Web.Features.Public;

/// <summary>
/// One body's published scorecard as a whole: every objective it reports on, with ratings and narratives, as the public
/// paper holds them.
/// </summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicRoundOutputCache.Name)]
public sealed class BodyModel(AppDbContext db) : PageModel
{
    public RoundExport Round { get; private set; } = null!;
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";

    /// <summary>False when the body reported in the round but its scorecard was not approved, so nothing of it is published.</summary>
    public bool IsPublished { get; private set; }

    /// <summary>The body's entries by focus area, in the order of the Strategy.</summary>
    public IReadOnlyList<IGrouping<(string Code, string Name), ExportRow>> Areas { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, string code, CancellationToken ct)
    {
        var round = await RoundExportQueries.LoadPublicAsync(db, id, ct);
        var body = round?.Summary.Bodies.FirstOrDefault(b => string.Equals(b.Code, code, StringComparison.OrdinalIgnoreCase) && b.ScorecardId is not null);
        if (round is null || body is null)
        {
            return NotFound();
        }

        (Round, Code, Name, IsPublished) = (round, body.Code, body.Name, body.Included);
        Areas = round.Rows.Where(r => r.Body == body.Code).GroupBy(r => (r.FocusArea, r.FocusAreaName)).ToList();
        return Page();
    }
}
