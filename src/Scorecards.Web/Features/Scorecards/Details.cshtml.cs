using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scorecards.Data;
using Scorecards.Domain;
using Scorecards.Web.Infrastructure;
using Scorecards.Web.Infrastructure.Authorization;

namespace Scorecards.Web.Features.Scorecards;

public sealed class DetailsModel(ScorecardService service, AppDbContext db, IAuthorizationService auth) : PageModel
{
    public ScorecardDto Scorecard { get; private set; } = null!;
    public bool CanEdit { get; private set; }
    public bool CanReview { get; private set; }

    /// <summary>The reader is a Co-Chair reviewer whose government's approval this scorecard still awaits.</summary>
    public bool CanApprove { get; private set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? Reply { get; set; }

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var loaded = await service.LoadAsync(id, ct);
        if (loaded is null)
        {
            return NotFound();
        }

        if (!(await auth.AuthorizeAsync(User, loaded.Scorecard, ScorecardOperations.Read)).Succeeded)
        {
            return Forbid();
        }

        await service.SyncEntriesAsync(loaded, ct);
        return await ShowAsync(loaded, ct);
    }

    public Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken ct) =>
        ActAsync(id, ScorecardOperations.Edit, (loaded, c) => service.SubmitAsync(loaded, Reply, User, c), "The scorecard has been submitted to the Co-Chairs for review.", ct);

    public Task<IActionResult> OnPostConfirmAsync(int id, string? objective, CancellationToken ct) =>
        ActAsync(id, ScorecardOperations.Edit, (loaded, c) => service.ConfirmCarriedOverAsync(loaded, objective ?? "", User, c),
            $"{objective} confirmed as still accurate for this round.", ct);

    public Task<IActionResult> OnPostConfirmAllAsync(int id, CancellationToken ct) =>
        ActAsync(id, ScorecardOperations.Edit, (loaded, c) => service.ConfirmCarriedOverAsync(loaded, null, User, c),
            "Every carried-over entry is confirmed as still accurate for this round.", ct);

    public Task<IActionResult> OnPostReturnAsync(int id, CancellationToken ct) =>
        ActAsync(id, ScorecardOperations.Review, (loaded, c) => service.ReturnAsync(loaded, Reason, User, c), "The scorecard has been returned to the body with your reason.", ct);

    public Task<IActionResult> OnPostApproveAsync(int id, CancellationToken ct) =>
        ActAsync(id, ScorecardOperations.Review, (loaded, c) => service.ApproveAsync(loaded, User, c), "Your approval has been recorded.", ct);

    public Task<IActionResult> OnPostUnapproveAsync(int id, CancellationToken ct) =>
        ActAsync(id, ScorecardOperations.Review, (loaded, c) => service.UnapproveAsync(loaded, Reason, User, c), "Approval withdrawn; the scorecard is open to its body again.", ct);

    private async Task<IActionResult> ActAsync(int id, Microsoft.AspNetCore.Authorization.Infrastructure.OperationAuthorizationRequirement operation,
        Func<LoadedScorecard, CancellationToken, Task<Result>> act, string success, CancellationToken ct)
    {
        var loaded = await service.LoadAsync(id, ct);
        if (loaded is null)
        {
            return NotFound();
        }

        if (!(await auth.AuthorizeAsync(User, loaded.Scorecard, operation)).Succeeded)
        {
            return Forbid();
        }

        var result = await act(loaded, ct);
        if (!result.Succeeded)
        {
            Problems = [result.Message!, .. result.Details];
            await ShowAsync((await service.LoadAsync(id, ct))!, ct);
            return this.Refused();
        }

        TempData["Message"] = success;
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> ShowAsync(LoadedScorecard loaded, CancellationToken ct)
    {
        Scorecard = await ScorecardQueries.ToDtoAsync(db, loaded.Scorecard, loaded.RoundRef, ct);
        CanEdit = (await auth.AuthorizeAsync(User, loaded.Scorecard, ScorecardOperations.Edit)).Succeeded;
        CanReview = (await auth.AuthorizeAsync(User, loaded.Scorecard, ScorecardOperations.Review)).Succeeded;
        CanApprove = CanReview && Scorecard.AwaitingApproval.Any(g => g.MemberId == User.MemberId());
        return Page();
    }
}
