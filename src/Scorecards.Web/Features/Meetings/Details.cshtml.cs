using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Web.Infrastructure;

namespace Scorecards.Web.Features.Meetings;

/// <summary>A decision as typed in a form.</summary>
public sealed class DecisionForm
{
    public string? Text { get; set; }
    public string? OwnerBody { get; set; }
    public int? DueMeeting { get; set; }
    public DateOnly? DueDate { get; set; }
    public string? Status { get; set; }
    public string? StatusNote { get; set; }

    public DecisionRequest ToRequest() => new(Text, OwnerBody, DueMeeting, DueDate, Status, StatusNote);

    public static DecisionForm From(DecisionDto d) => new()
    {
        Text = d.Text,
        OwnerBody = d.OwnerBody,
        DueMeeting = d.DueMeetingId,
        DueDate = d.DueDate,
        Status = d.Status.ToString(),
        StatusNote = d.StatusNote,
    };
}

public sealed class DetailsModel(AppDbContext db, MeetingService meetings) : PageModel
{
    public MeetingDto Meeting { get; private set; } = null!;
    public IReadOnlyList<DecisionDto> Decisions { get; private set; } = [];
    public IReadOnlyList<string> BodyCodes { get; private set; } = [];
    public IReadOnlyList<(int Id, string Title, DateOnly StartDate)> MeetingChoices { get; private set; } = [];
    public bool CanManage { get; private set; }

    /// <summary>The reporting rounds that report to this meeting.</summary>
    public IReadOnlyList<Domain.Rounds.Round> Rounds { get; private set; } = [];

    [BindProperty]
    public DecisionForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostDecisionAsync(int id, CancellationToken ct)
    {
        var added = await meetings.AddDecisionAsync(User, id, Form.ToRequest(), ct);
        if (!added.Succeeded)
        {
            return await this.RefusedAsync(added.Outcome, () => LoadAsync(id, ct));
        }

        TempData["Message"] = $"Decision {added.Value!.Number} recorded.";
        return RedirectToPage("Details", null, new { id }, "decisions");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var meeting = await MeetingQueries.GetAsync(db, id, ct);
        if (meeting is null)
        {
            return false;
        }

        Meeting = meeting;
        Decisions = (await MeetingQueries.DecisionsAsync(db, new DecisionFilter(Meeting: id, PageSize: MeetingQueries.MaxPageSize), meetings.Today, ct))
            .Decisions.OrderBy(d => d.Number).ToList();
        BodyCodes = await db.Bodies.AsNoTracking().OrderBy(b => b.Id).Select(b => b.Code).ToListAsync(ct);
        MeetingChoices = await MeetingQueries.MeetingChoicesAsync(db, ct);
        CanManage = await meetings.CanManageAsync(User);
        Rounds = await db.Rounds.AsNoTracking().Where(r => r.MeetingId == id).OrderBy(r => r.PeriodEnd).ToListAsync(ct);
        return true;
    }
}
