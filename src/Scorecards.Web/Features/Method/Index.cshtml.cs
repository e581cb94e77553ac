using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scorecards.Data;
using Scorecards.Web.Features.Rounds;

namespace Scorecards.Web.Features.Method;

/// <summary>How every figure is worked out, with a worked example taken from the latest published round.</summary>
[AllowAnonymous]
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public RoundSummary? Example { get; private set; }
    public SummaryArea? ExampleArea { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var latest = (await PublicQueries.PublishedRoundsAsync(db, ct)).FirstOrDefault();
        if (latest is null)
        {
            return;
        }

        Example = await RoundSummaryQueries.ForPublicAsync(db, latest.Id, SummaryFilter.None, ct);
        // The example is the focus area with the most counted entries, so that every part of the rule shows.
        ExampleArea = Example?.FocusAreas.OrderByDescending(a => a.Distribution.Counted).ThenBy(a => a.Code, StringComparer.Ordinal).FirstOrDefault();
    }
}
