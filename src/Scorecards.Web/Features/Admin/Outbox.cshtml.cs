using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Data.Notices;
using Scorecards.Web.Infrastructure.Authorization;

namespace Scorecards.Web.Features.Admin;

/// <summary>
/// The outbox as the secretariat needs it: what failed (with the error) and can be sent again, what waits, and the
/// latest sent. Nothing here shows a message's text: notices are their recipients' own.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class OutboxModel(AppDbContext db, TimeProvider clock) : PageModel
{
    private const int Shown = 100;

    public IReadOnlyList<OutboxMessage> Failed { get; private set; } = [];
    public IReadOnlyList<OutboxMessage> Waiting { get; private set; } = [];
    public IReadOnlyList<OutboxMessage> Sent { get; private set; } = [];
    public IReadOnlyDictionary<OutboxStatus, int> Counts { get; private set; } = new Dictionary<OutboxStatus, int>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Counts = await db.Outbox.AsNoTracking().GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        Failed = await List(OutboxStatus.Failed).OrderByDescending(m => m.NextAttemptUtc).ThenByDescending(m => m.Id).Take(Shown).ToListAsync(ct);
        Waiting = await List(OutboxStatus.Pending).OrderBy(m => m.NextAttemptUtc).ThenBy(m => m.Id).Take(Shown).ToListAsync(ct);
        Sent = await List(OutboxStatus.Sent).OrderByDescending(m => m.SentUtc).ThenByDescending(m => m.Id).Take(Shown).ToListAsync(ct);
    }

    /// <summary>Puts a failed message, or with no id every failed message, back in the queue for a fresh set of tries.</summary>
    public async Task<IActionResult> OnPostResendAsync(long? id, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var queued = await db.Outbox.Where(m => m.Status == OutboxStatus.Failed && (id == null || m.Id == id))
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.Status, OutboxStatus.Pending).SetProperty(m => m.Attempts, 0)
                .SetProperty(m => m.NextAttemptUtc, now), ct);
        TempData["Message"] = queued switch
        {
            0 => "Nothing failed is waiting to be sent again.",
            1 => "The message is queued to be sent again.",
            _ => $"{queued} messages are queued to be sent again.",
        };
        return RedirectToPage();
    }

    private IQueryable<OutboxMessage> List(OutboxStatus status) => db.Outbox.AsNoTracking().Where(m => m.Status == status);
}
