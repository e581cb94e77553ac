using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Domain.Rounds;
using Scorecards.Web.Features.Scorecards;
using Scorecards.Web.Infrastructure;
using Scorecards.Web.Infrastructure.Authorization;

namespace Scorecards.Web.Features.Rounds;

public sealed class DetailsModel(AppDbContext db, RoundService rounds, RoundViews views, RequestVersion version, KeptPages pages, TimeProvider clock)
    : PageModel
{
    public Round Round { get; private set; } = null!;
    public SummaryView Summary { get; private set; } = null!;
    public IReadOnlyList<ScorecardSummary> Scorecards { get; private set; } = [];

    /// <summary>Bodies whose scorecards this person may not read yet, listed by state only.</summary>
    public IReadOnlyList<ScorecardSummary> Others { get; private set; } = [];

    public string? Problem { get; private set; }

    /// <summary>Where the round stands and who acts next, said to this reader.</summary>
    public IReadOnlyList<string> NextSteps { get; private set; } = [];

    public RoundReader Reader { get; private set; }

    /// <summary>For the secretariat, the recorded meetings the round may report to.</summary>
    public IReadOnlyList<(int Id, string Title, DateOnly StartDate)> MeetingChoices { get; private set; } = [];

    /// <summary>Names what the page shows this reader, for the parts of it rendered once and kept.</summary>
    public string RenderKey { get; private set; } = "";

    /// <summary>The page as every reader of one class sees it, before what depends on the reader's own roles.</summary>
    private sealed record Shown(Round Round, IReadOnlyList<ScorecardSummary> Scorecards, IReadOnlyList<ScorecardSummary> Others, SummaryView? Summary);

    public Task<IActionResult> OnGetAsync(int id, string? body, string? area, string? level, CancellationToken ct) =>
        ShowAsync(id, SummaryFilters.Parse(body, area, level), ct);

    /// <summary>Publishing is the Co-Chairs' act: the round is frozen and its approved scorecards become public.</summary>
    public async Task<IActionResult> OnPostPublishAsync(int id, CancellationToken ct)
    {
        if (!User.IsCoChair())
        {
            return Forbid();
        }

        var round = await db.Rounds.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (round is null)
        {
            return NotFound();
        }

        var result = await rounds.ChangeStateAsync(round, r => r.Publish(clock.GetUtcNow().UtcDateTime), ct);
        if (!result.Succeeded)
        {
            Problem = result.Message;
            return await ShowAsync(id, SummaryFilter.None, ct) is PageResult ? this.Refused() : NotFound();
        }

        TempData["Message"] = $"{round.Name} is published: its approved scorecards can now be read by anyone at /public.";
        return RedirectToPage(new { id });
    }

    /// <summary>The secretariat ties the round to the record of the meeting it reports to.</summary>
    public async Task<IActionResult> OnPostMeetingAsync(int id, int? meetingId, CancellationToken ct)
    {
        if (!User.IsAdministrator())
        {
            return Forbid();
        }

        var round = await db.Rounds.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (round is null)
        {
            return NotFound();
        }

        var result = meetingId is { } meeting ? await rounds.ReportToAsync(round, meeting, ct) : Domain.Result.Invalid("meetingId", "Choose the meeting the round reports to.");
        if (!result.Succeeded)
        {
            Problem = result.Message ?? string.Join(" ", result.Errors.Select(e => e.Message));
            return await ShowAsync(id, SummaryFilter.None, ct) is PageResult ? this.Refused() : NotFound();
        }

        TempData["Message"] = $"{round.Name} reports to {round.Meeting}.";
        return RedirectToPage(new { id });
    }

    public static RoundReader ReaderOf(System.Security.Claims.ClaimsPrincipal user) =>
        user.IsAdministrator() ? RoundReader.Secretariat
        : user.IsCoChair() ? RoundReader.CoChair
        : user.IsInRole(Data.Accounts.Roles.Reporter) ? RoundReader.Reporter
        : RoundReader.Member;

    private async Task<IActionResult> ShowAsync(int id, SummaryFilter filter, CancellationToken ct)
    {
        var key = RoundViews.KeyFor(await version.CurrentAsync(ct), "page", id, User, filter, db.Today);
        var user = User;
        var shown = await views.GetAsync(key, (db, ct) => ComputeAsync(db, id, user, filter, ct), ct);
        if (shown is null)
        {
            return NotFound();
        }

        Round = shown.Round;
        Scorecards = shown.Scorecards;
        Others = shown.Others;
        Reader = ReaderOf(User);
        NextSteps = RoundSteps.Describe(Round, Scorecards.Concat(Others).Select(s => s.Status).ToList(), Reader, db.Today);
        if (Reader == RoundReader.Secretariat && Round.Status is not (RoundStatus.Published or RoundStatus.Archived))
        {
            MeetingChoices = await Meetings.MeetingQueries.MeetingChoicesAsync(db, ct);
        }

        if (shown.Summary is not null)
        {
            Summary = shown.Summary with
            {
                CanAssess = User.IsCoChair() && Assessment.CanWrite(shown.Summary.Summary.Status).Succeeded,
                CanAssignBodies = User.IsAdministrator(),
            };
        }

        RenderKey = $"{key}/{Reader}/{Summary?.CanAssess}/{Summary?.CanAssignBodies}";
        // The header counts the person's unread notices, which change without the content changing.
        return pages.Find(this, $"{RenderKey}|{await version.UnreadNoticesAsync(ct)}") ?? Page();
    }

    private static async Task<Shown?> ComputeAsync(AppDbContext db, int id, System.Security.Claims.ClaimsPrincipal user, SummaryFilter filter, CancellationToken ct)
    {
        var round = await db.Rounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (round is null)
        {
            return null;
        }

        var all = await ScorecardQueries.ListAsync(db, db.Scorecards.Where(s => s.RoundId == id), ct);
        var visible = (await db.Scorecards.Readable(user).Where(s => s.RoundId == id).Select(s => s.Id).ToListAsync(ct)).ToHashSet();
        var summary = await RoundSummaryQueries.ForUserAsync(db, id, user, filter, ct);
        return new Shown(round, all.Where(s => visible.Contains(s.Id)).ToList(), all.Where(s => !visible.Contains(s.Id)).ToList(),
            summary is null ? null : await SummaryFilters.ViewAsync(db, summary, isPublic: false, $"/rounds/{id}", ct));
    }
}
