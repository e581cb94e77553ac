using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scorecards.Data;
using Scorecards.Domain.Members;
using Scorecards.Web.Features.Rounds;
using Scorecards.Web.Infrastructure;
using Scorecards.Web.Infrastructure.Authorization;

namespace Scorecards.Web.Features.Members;

/// <summary>One member: its status over time, the seats and co-chair terms it has held; administrators record changes here.</summary>
public sealed class DetailsModel(AppDbContext db, RegisterService register, TimeProvider clock) : PageModel
{
    public MemberDetailsDto Details { get; private set; } = null!;
    public IReadOnlyList<DecisionChoice> Decisions { get; private set; } = [];
    public bool CanManage => User.IsAdministrator();

    [BindProperty]
    public StatusForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostStatusAsync(int id, CancellationToken ct)
    {
        var recorded = await register.RecordStatusAsync(User, id, new StatusRequest(Form.Status, Form.On, Form.DecisionId, Form.Note), ct);
        if (!recorded.Succeeded)
        {
            return await this.RefusedAsync(recorded.Outcome, () => LoadAsync(id, ct));
        }

        TempData["Message"] = $"{recorded.Value!.Name}: {Member.Describe(recorded.Value.Status)} from {Form.On:d MMMM yyyy}.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostUndoAsync(int id, CancellationToken ct)
    {
        var undone = await register.UndoStatusAsync(User, id, ct);
        if (!undone.Succeeded)
        {
            return await this.RefusedAsync(undone.Outcome, () => LoadAsync(id, ct));
        }

        TempData["Message"] = $"The latest change of {undone.Value!.Name}'s status was taken back; it is {Member.Describe(undone.Value.Status)}.";
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await RegisterQueries.MemberAsync(db, id, RoundViews.Today(clock), ct) is not { } details)
        {
            return false;
        }

        Details = details;
        if (CanManage)
        {
            Decisions = await RegisterQueries.DecisionChoicesAsync(db, ct);
        }

        return true;
    }

    public sealed class StatusForm
    {
        public MemberStatus Status { get; set; }
        public DateOnly? On { get; set; }
        public int? DecisionId { get; set; }
        public string? Note { get; set; }
    }
}
