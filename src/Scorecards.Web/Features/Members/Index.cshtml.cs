using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scorecards.Data;
using Scorecards.Web.Features.Rounds;
using Scorecards.Web.Infrastructure.Authorization;

namespace Scorecards.Web.Features.Members;

/// <summary>The register of members and observers as at a day, under the headings the Process lists them by.</summary>
public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public DateOnly? AsAt { get; set; }
    [BindProperty(SupportsGet = true)] public bool Withdrawn { get; set; }

    public DateOnly Today { get; private set; }
    public DateOnly Day { get; private set; }
    public IReadOnlyList<MemberDto> Members { get; private set; } = [];
    public bool CanManage => User.IsAdministrator();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = RoundViews.Today(clock);
        Day = AsAt ?? Today;
        Members = await RegisterQueries.MembersAsync(db, Day, Withdrawn, ct);
    }
}
