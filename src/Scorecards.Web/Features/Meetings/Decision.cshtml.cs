using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Domain.Scorecards;
using Scorecards.Web.Infrastructure;

namespace Scorecards.Web.Features.Meetings;

/// <summary>One decision: the owner body records its follow-up; administrators can change the whole decision.</summary>
public sealed class DecisionModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public DecisionDto Decision { get; private set; } = null!;
    public bool CanFollowUp { get; private set; }
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
        var decision = await db.Decisions.SingleOrDefaultAsync(d => d.Id == id, ct);
        if (decision is null)
        {
            return NotFound();
        }

        if (!MeetingQueries.CanFollowUp(User, decision.OwnerBodyId))
        {
            return Forbid();
        }

        var errors = new List<FieldError>();
        var status = string.IsNullOrWhiteSpace(FollowUpStatus) ? null : DecisionRequest.ParseStatus(FollowUpStatus, errors);
        var result = errors.Count > 0 ? null : decision.SetStatus(status, FollowUpNote, clock.GetUtcNow().UtcDateTime);
        if (result is not { Succeeded: true })
        {
            ModelState.AddModelError(nameof(FollowUpNote), result?.Message ?? errors[0].Message);
            await LoadAsync(id, ct);
            Form = DecisionForm.From(Decision);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"Decision {decision.Number} is now '{Domain.Meetings.Decision.Label(decision.Status)}'.";
        return Redirect($"/decisions/{id}");
    }

    public async Task<IActionResult> OnPostEditAsync(int id, CancellationToken ct)
    {
        if (!MeetingQueries.CanManage(User))
        {
            return Forbid();
        }

        var decision = await db.Decisions.SingleOrDefaultAsync(d => d.Id == id, ct);
        if (decision is null)
        {
            return NotFound();
        }

        var (values, errors) = await Form.ToRequest().ToValuesAsync(db, ct);
        if (values is null)
        {
            ModelState.AddFieldErrors(errors);
            await LoadAsync(id, ct);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        decision.Apply(values, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"Decision {decision.Number} saved.";
        return Redirect($"/decisions/{id}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var decision = await MeetingQueries.DecisionAsync(db, id, MeetingsApi.Today(clock), ct);
        if (decision is null)
        {
            return false;
        }

        Decision = decision;
        CanFollowUp = MeetingQueries.CanFollowUp(User, decision.OwnerBodyId);
        BodyCodes = await db.Bodies.AsNoTracking().OrderBy(b => b.Id).Select(b => b.Code).ToListAsync(ct);
        MeetingChoices = await MeetingQueries.MeetingChoicesAsync(db, ct);
        return true;
    }
}
