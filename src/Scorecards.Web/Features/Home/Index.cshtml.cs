using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Domain.Rounds;
using Scorecards.Domain.Scorecards;
using Scorecards.Web.Features.Members;
using Scorecards.Web.Features.Scorecards;
using Scorecards.Web.Features.Shared;
using Scorecards.Web.Infrastructure.Authorization;

using Scorecards.Web.Infrastructure.Localization;

namespace Scorecards.Web.Features.Home;

/// <summary>A scorecard waiting for the reader's government to approve it, and since when.</summary>
public sealed record AwaitingReview(int Id, string Body, string Round, DateTime SubmittedUtc, int Days, bool OtherApproved);

public sealed class IndexModel(AppDbContext db, LayoutInfo layout, TimeProvider clock, Microsoft.Extensions.Localization.IStringLocalizer<Strings> t) : PageModel
{
    /// <summary>The name of the Co-Chair government the reader approves for, when there is one.</summary>
    public string? Government { get; private set; }

    /// <summary>For a Co-Chair reviewer: what awaits their government's approval, oldest first.</summary>
    public IReadOnlyList<AwaitingReview> Queue { get; private set; } = [];

    /// <summary>Why a Co-Chair reviewer has no queue: their account does not act for a Co-Chair government.</summary>
    public string? QueueNote { get; private set; }

    /// <summary>For Co-Chairs and the secretariat: the governments each scorecard of the round still awaits.</summary>
    public IReadOnlyDictionary<int, string> AwaitingFrom { get; private set; } = new Dictionary<int, string>();

    /// <summary>For administrators, until every step is done: what the installation still needs.</summary>
    public IReadOnlyList<Setup.SetupStep> Setup { get; private set; } = [];

    public IReadOnlyList<ScorecardSummary> Mine { get; private set; } = [];
    public IReadOnlyList<ScorecardSummary> Completeness { get; private set; } = [];
    public Round? Current { get; private set; }
    /// <summary>Today in the current round's time zone, where its due date ends at midnight.</summary>
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Current = await layout.CurrentRoundAsync(ct);
        if (User.IsAdministrator() && await Features.Setup.SetupChecklist.ReadAsync(db, t, ct) is var steps && steps.Any(s => !s.Done))
        {
            Setup = steps;
        }

        Today = Domain.Notices.Reminders.Today(clock.GetUtcNow().UtcDateTime,
            Domain.Notices.Reminders.Zone(Current?.TimeZone ?? Round.DefaultTimeZone) ?? TimeZoneInfo.Utc);
        var bodies = User.IsInRole(Data.Accounts.Roles.Reporter) ? User.BodyIds().ToList() : [];
        if (bodies.Count > 0)
        {
            Mine = await ScorecardQueries.ListAsync(db,
                db.Scorecards.Where(s => bodies.Contains(s.BodyId) && db.Rounds.Any(r => r.Id == s.RoundId && (r.Status == RoundStatus.Open || r.Status == RoundStatus.InReview))), ct);
        }

        if (User.IsCoChair())
        {
            await LoadQueueAsync(ct);
        }

        if (User.SeesAllWork() && Current is not null)
        {
            Completeness = await ScorecardQueries.ListAsync(db, db.Scorecards.Where(s => s.RoundId == Current.Id), ct);
            var governments = await CoChairGovernments.ListAsync(db, ct);
            var underReview = Completeness.Where(s => s.Status is ScorecardStatus.Submitted or ScorecardStatus.ApprovedByOne).Select(s => s.Id).ToList();
            var approvals = (await db.Set<Approval>().AsNoTracking().Where(a => underReview.Contains(a.ScorecardId)).Select(a => new { a.ScorecardId, a.MemberId }).ToListAsync(ct))
                .ToLookup(a => a.ScorecardId, a => a.MemberId);
            AwaitingFrom = underReview.ToDictionary(id => id, id => string.Join(t[" and "], governments.Where(g => !approvals[id].Contains(g.MemberId)).Select(g => g.Name)));
        }
        else if (Current is not null)
        {
            Completeness = await ScorecardQueries.ListAsync(db, db.Scorecards.Readable(User).Where(s => s.RoundId == Current.Id && s.Status == ScorecardStatus.Approved), ct);
        }
    }

    /// <summary>Approves the scorecards ticked in the queue for the reader's government, each on its own.</summary>
    public async Task<IActionResult> OnPostApproveAsync(int[] ids, [FromServices] BulkApproval approval, CancellationToken ct)
    {
        if (!User.IsCoChair())
        {
            return Forbid();
        }

        if (ids.Length == 0 || ids.Length > BulkApproval.MaxScorecards)
        {
            TempData["Message"] = ids.Length == 0
                ? "Nothing was approved: tick the scorecards to approve first."
                : $"Nothing was approved: at most {BulkApproval.MaxScorecards} scorecards can be approved in one action.";
            return RedirectToPage();
        }

        var outcomes = await approval.ApproveAsync(ids, User, ct);
        var government = (await CoChairGovernments.ListAsync(db, ct)).Find(g => g.MemberId == User.MemberId())?.Name ?? t["your government"];
        var approved = outcomes.Where(o => o.Approved).Select(o => $"{o.Body} ({o.Round})").ToList();
        var refused = outcomes.Where(o => !o.Approved).Select(o => $"{o.Body ?? Phrases.Uncapitalise(t["Scorecard {0}", o.ScorecardId])}: {Phrases.Say(t, o.Message)}").ToList();
        // Several messages in one: said here, in the reader's language, rather than matched whole when shown.
        TempData[Phrases.SaidMessage] = string.Join(" ", new[]
        {
            approved.Count > 0 ? t["Approved for {0}: {1}.", government, string.Join(", ", approved)].Value : "",
            refused.Count > 0 ? t["Not approved — {0}", string.Join(" ", refused)].Value : "",
        }.Where(p => p.Length > 0));
        return RedirectToPage();
    }

    private async Task LoadQueueAsync(CancellationToken ct)
    {
        var governments = await CoChairGovernments.ListAsync(db, ct);
        Government = governments.Find(g => g.MemberId == User.MemberId())?.Name;
        if (User.MemberId() is not { } mine || !governments.Exists(g => g.MemberId == mine))
        {
            QueueNote = "Your account does not act for one of the Process's Co-Chair governments, so no scorecard awaits your approval. "
                + "Ask the secretariat to check the member on your account.";
            return;
        }

        var rows = await db.Scorecards.AsNoTracking()
            .Where(s => (s.Status == ScorecardStatus.Submitted || s.Status == ScorecardStatus.ApprovedByOne) && s.SubmittedUtc != null
                && !s.Approvals.Any(a => a.MemberId == mine)
                && db.Rounds.Any(r => r.Id == s.RoundId && (r.Status == RoundStatus.Open || r.Status == RoundStatus.InReview)))
            .Join(db.Bodies, s => s.BodyId, b => b.Id, (s, b) => new { s.Id, s.RoundId, b.Code, s.SubmittedUtc, s.Status })
            .Join(db.Rounds, x => x.RoundId, r => r.Id, (x, r) => new { x.Id, x.Code, Round = r.Name, x.SubmittedUtc, x.Status })
            .ToListAsync(ct);
        Queue = rows.OrderBy(r => r.SubmittedUtc)
            .Select(r => new AwaitingReview(r.Id, r.Code, r.Round, r.SubmittedUtc!.Value, Today.DayNumber - DateOnly.FromDateTime(r.SubmittedUtc.Value).DayNumber,
                r.Status == ScorecardStatus.ApprovedByOne))
            .ToList();
    }

    public static string ClosesIn(DateOnly due, DateOnly today, Microsoft.Extensions.Localization.IStringLocalizer t)
    {
        var days = due.DayNumber - today.DayNumber;
        return days switch
        {
            < -1 => t["overdue by {0} days", -days],
            -1 => t["overdue by 1 day"],
            0 => t["closes today"],
            1 => t["closes in 1 day"],
            _ => t["closes in {0} days", days],
        };
    }
}
