using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Domain;
using Scorecards.Domain.Rounds;
using Scorecards.Web.Features.Rounds;
using Scorecards.Web.Infrastructure;
using Scorecards.Web.Infrastructure.Authorization;

namespace Scorecards.Web.Features.Admin;

[Authorize(Policy = Policies.Administrator)]
public sealed class RoundsModel(AppDbContext db, RoundService rounds) : PageModel
{
    public IReadOnlyList<Round> Rounds { get; private set; } = [];

    public IReadOnlyList<(int Id, string Title, DateOnly StartDate)> MeetingChoices { get; private set; } = [];

    [BindProperty]
    public RoundForm Input { get; set; } = new();

    public sealed class RoundForm
    {
        public string? Name { get; set; }
        public int? MeetingId { get; set; }
        public string? Meeting { get; set; }
        public DateOnly? MeetingOn { get; set; }
        public DateOnly? PeriodStart { get; set; }
        public DateOnly? PeriodEnd { get; set; }
        public DateOnly? OpensOn { get; set; }
        public DateOnly? DueOn { get; set; }
        public string? TimeZone { get; set; } = Round.DefaultTimeZone;
        public int? RemindDaysBefore { get; set; } = 7;
        public int? EscalateAfterDays { get; set; } = 7;
    }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var (round, errors) = await rounds.CreateAsync(new RoundInput(Input.Name, Input.Meeting, Input.PeriodStart, Input.PeriodEnd, Input.OpensOn, Input.DueOn, Input.MeetingOn,
                Input.TimeZone, Input.RemindDaysBefore, Input.EscalateAfterDays, Input.MeetingId), ct);
            if (round is not null)
            {
                TempData["Message"] = $"Round '{round.Name}' planned. Open it when reporting should start.";
                return RedirectToPage();
            }

            errors.ToList().ForEach(e => ModelState.AddModelError($"Input.{e.Field}", e.Message));
        }

        await LoadAsync(ct);
        return this.Invalid();
    }

    /// <summary>Each change returns to this page, or with <c>back=round</c> to the round's own page it was made from.</summary>
    public Task<IActionResult> OnPostOpenAsync(int id, string? back, CancellationToken ct) =>
        ChangeAsync(id, round => rounds.OpenAsync(round, ct), "Round '{0}' opened; every body has its scorecard.", back, ct);

    public Task<IActionResult> OnPostReviewAsync(int id, string? back, CancellationToken ct) =>
        ChangeAsync(id, round => rounds.ChangeStateAsync(round, r => r.StartReview(), ct), "Round '{0}' moved to review; reporting is closed.", back, ct);

    public Task<IActionResult> OnPostReopenAsync(int id, string? back, CancellationToken ct) =>
        ChangeAsync(id, round => rounds.ChangeStateAsync(round, r => r.Reopen(), ct), "Round '{0}' reopened for reporting.", back, ct);

    private async Task<IActionResult> ChangeAsync(int id, Func<Round, Task<Result>> change, string done, string? back, CancellationToken ct)
    {
        var round = await db.Rounds.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (round is null)
        {
            return NotFound();
        }

        var result = await change(round);
        if (!result.Succeeded)
        {
            return await this.RefusedAsync(result, () => LoadAsync(ct));
        }

        TempData["Message"] = string.Format(System.Globalization.CultureInfo.InvariantCulture, done, round.Name);
        return back == "round" ? Redirect($"/rounds/{round.Id}") : RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Rounds = (await db.Rounds.AsNoTracking().ToListAsync(ct)).OrderByDescending(r => r.PeriodEnd).ToList();
        MeetingChoices = await Features.Meetings.MeetingQueries.MeetingChoicesAsync(db, ct);
    }
}
