using Microsoft.AspNetCore.Mvc.RazorPages;
using Scorecards.Data;
using Scorecards.Domain.Rounds;
using Scorecards.Domain.Scorecards;
using Scorecards.Web.Features.Rounds;
using Scorecards.Web.Features.Scorecards;
using Scorecards.Web.Features.Shared;
using Scorecards.Web.Infrastructure.Authorization;

namespace Scorecards.Web.Features.Home;

public sealed class IndexModel(AppDbContext db, LayoutInfo layout, TimeProvider clock) : PageModel
{
    public IReadOnlyList<ScorecardSummary> Mine { get; private set; } = [];
    public IReadOnlyList<ScorecardSummary> Completeness { get; private set; } = [];
    public Round? Current { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Current = await layout.CurrentRoundAsync(ct);
        var bodies = User.IsInRole(Data.Accounts.Roles.Reporter) ? User.BodyIds().ToList() : [];
        if (bodies.Count > 0)
        {
            Mine = await ScorecardQueries.ListAsync(db,
                db.Scorecards.Where(s => bodies.Contains(s.BodyId) && db.Rounds.Any(r => r.Id == s.RoundId && (r.Status == RoundStatus.Open || r.Status == RoundStatus.InReview))), ct);
        }

        if (User.SeesAllWork() && Current is not null)
        {
            Completeness = await ScorecardQueries.ListAsync(db, db.Scorecards.Where(s => s.RoundId == Current.Id), ct);
        }
        else if (Current is not null)
        {
            Completeness = await ScorecardQueries.ListAsync(db, RoundsApi.Visible(db, User).Where(s => s.RoundId == Current.Id && s.Status == ScorecardStatus.Approved), ct);
        }
    }

    public static string ClosesIn(DateOnly due, DateOnly today)
    {
        var days = due.DayNumber - today.DayNumber;
        return days switch
        {
            < -1 => $"overdue by {-days} days",
            -1 => "overdue by 1 day",
            0 => "closes today",
            1 => "closes in 1 day",
            _ => $"closes in {days} days",
        };
    }
}
