using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scorecards.Data;
using Scorecards.Web.Features.Rounds;

namespace Scorecards.Web.Features.Members;

/// <summary>The reporting bodies with who sits on them and who co-chairs them on a day.</summary>
public sealed class BodiesModel(AppDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public DateOnly? AsAt { get; set; }

    public DateOnly Today { get; private set; }
    public DateOnly Day { get; private set; }
    public IReadOnlyList<BodyDto> Bodies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = RoundViews.Today(clock);
        Day = AsAt ?? Today;
        Bodies = await RegisterQueries.BodiesAsync(db, Day, ct);
    }
}
