using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Domain.Scorecards;
using Scorecards.Web.Infrastructure;

namespace Scorecards.Web.Features.Meetings;

/// <summary>One decision: the owner body records its follow-up; administrators can change the whole decision.</summary>
public sealed class DecisionModel(AppDbContext db, MeetingService meetings) : PageModel
{
    public DecisionDto Decision { get; private set; } = null!;
    public bool CanFollowUp { get; private set; }
    public bool CanManage { get; private set; }
    public IReadOnlyList<string> BodyCodes { get; private set; } = [];
    public IReadOnlyList<(int Id, string Title, DateOnly StartDate)> MeetingChoices { get; private set; } = [];

    [BindProperty]
    public DecisionForm Form { get; set; } = new();

    [BindProperty]
    public string? FollowUpStatus { get; set; }

    [BindProperty]
    public string? FollowUpNote { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Form = DecisionForm.From(Decision);
        FollowUpStatus = Decision.Status.ToString();
        FollowUpNote = Decision.StatusNote;
        return Page();
    }

    public async Task<IActionResult> OnPostFollowUpAsync(int id, CancellationToken ct)
    {
        var changed = await meetings.FollowUpAsync(User, id, new DecisionStatusRequest(FollowUpStatus, FollowUpNote), ct);
        if (!changed.Succeeded)
        {
            // The form has two fields; whatever is wrong is said under the note.
            var refusal = changed.Outcome with { Errors = [new FieldError(nameof(FollowUpNote), changed.Outcome.Message!)] };
            return await this.RefusedAsync(refusal, async () =>
            {
                await LoadAsync(id, ct);
                Form = DecisionForm.From(Decision);
            }, prefix: null);
        }

        TempData["Message"] = $"Decision {changed.Value!.Number} is now '{Domain.Meetings.Decision.Label(changed.Value.Status)}'.";
        return RedirectToPage("Decision", new { id });
    }

    public async Task<IActionResult> OnPostEditAsync(int id, CancellationToken ct)
    {
        var saved = await meetings.UpdateDecisionAsync(User, id, Form.ToRequest(), ct);
        if (!saved.Succeeded)
        {
            return await this.RefusedAsync(saved.Outcome, () => LoadAsync(id, ct));
        }

        TempData["Message"] = $"Decision {saved.Value!.Number} saved.";
        return RedirectToPage("Decision", new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var decision = await MeetingQueries.DecisionAsync(db, id, meetings.Today, ct);
        if (decision is null)
        {
            return false;
        }

        Decision = decision;
        var entity = await db.Decisions.AsNoTracking().SingleAsync(d => d.Id == id, ct);
        CanFollowUp = await meetings.CanFollowUpAsync(User, entity);
        CanManage = await meetings.CanManageAsync(User);
        BodyCodes = await db.Bodies.AsNoTracking().OrderBy(b => b.Id).Select(b => b.Code).ToListAsync(ct);
        MeetingChoices = await MeetingQueries.MeetingChoicesAsync(db, ct);
        return true;
    }
}
