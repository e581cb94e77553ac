using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Domain;
using Scorecards.Domain.Members;
using Scorecards.Web.Features.Members;
using Scorecards.Web.Infrastructure;
using Scorecards.Web.Infrastructure.Authorization;

namespace Scorecards.Web.Features.Admin;

/// <summary>The Process's Co-Chair governments: only their Co-Chair reviewers' approvals count.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class CoChairsModel(AppDbContext db, CoChairGovernments governments) : PageModel
{
    public IReadOnlyList<CoChairGovernmentDto> Current { get; private set; } = [];

    /// <summary>Member states that could become Co-Chair governments.</summary>
    public IReadOnlyList<(int Id, string Name)> Candidates { get; private set; } = [];

    /// <summary>How many Co-Chair reviewer accounts act for each government.</summary>
    public IReadOnlyDictionary<int, int> Reviewers { get; private set; } = new Dictionary<int, int>();

    [BindProperty]
    public int? MemberId { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Current = await CoChairGovernments.ListAsync(db, ct);
        Candidates = await RegisterQueries.ChoicesAsync(
            db.Members.Where(m => !m.IsCoChairGovernment && m.Kind == MemberKind.State && m.Status == MemberStatus.Member), ct);
        var coChairRole = await db.Roles.Where(r => r.Name == Data.Accounts.Roles.CoChair).Select(r => r.Id).SingleOrDefaultAsync(ct);
        Reviewers = await db.Users.Where(u => u.MemberId != null && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == coChairRole))
            .GroupBy(u => u.MemberId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
    }

    public Task<IActionResult> OnPostAddAsync(CancellationToken ct) =>
        ChangeAsync(id => governments.AddAsync(id, ct), "{0} is now a Co-Chair government.", ct);

    public Task<IActionResult> OnPostRemoveAsync(CancellationToken ct) =>
        ChangeAsync(id => governments.RemoveAsync(id, ct), "{0} is no longer a Co-Chair government; its reviewers' approvals no longer count.", ct);

    private async Task<IActionResult> ChangeAsync(Func<int, Task<Result>> change, string done, CancellationToken ct)
    {
        var result = MemberId is { } id ? await change(id) : Result.Invalid(nameof(MemberId), "Choose a member.");
        if (!result.Succeeded)
        {
            // A refusal (the member is not a state, or already co-chairs) is said beside the member list too.
            var shown = result.Errors.Count > 0 ? result : result with { Errors = [new(nameof(MemberId), result.Message!)] };
            return await this.RefusedAsync(shown, () => OnGetAsync(ct), prefix: null);
        }

        TempData["Message"] = string.Format(System.Globalization.CultureInfo.InvariantCulture, done, await db.Members.Where(m => m.Id == MemberId).Select(m => m.Name).SingleAsync(ct));
        return RedirectToPage();
    }
}
