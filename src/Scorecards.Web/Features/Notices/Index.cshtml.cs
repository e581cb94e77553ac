using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Data.Notices;
using Scorecards.Web.Infrastructure.Authorization;

namespace Scorecards.Web.Features.Notices;

/// <summary>A person's own notices, newest first, unread ones marked; each can be marked read, or all at once.</summary>
public sealed class IndexModel(AppDbContext db, Rounds.RequestVersion stamp, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    public IReadOnlyList<Notice> Notices { get; private set; } = [];
    public int Unread { get; private set; }
    public int Total { get; private set; }

    /// <summary>Which page of the list, from 1 ("p": "page" names the Razor page itself in routes).</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    /// <summary>The zone the person reads times in: their own, else the Process's.</summary>
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Zone = Domain.Notices.Reminders.Zone(await db.Users.AsNoTracking().Where(u => u.Id == User.UserId()).Select(u => u.TimeZone).SingleOrDefaultAsync(ct))
            ?? await NoticeScheduler.ProcessZoneAsync(db, ct);
        var mine = db.Notices.AsNoTracking().Where(n => n.UserId == User.UserId());
        Total = await mine.CountAsync(ct);
        Unread = await stamp.UnreadNoticesAsync(ct); // read with the content version, as the header shows it
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Notices = await mine.OrderByDescending(n => n.CreatedUtc).ThenByDescending(n => n.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
    }

    /// <summary>Marks one notice read; with <paramref name="open"/>, goes on to where it points.</summary>
    public async Task<IActionResult> OnPostReadAsync(long id, bool open, CancellationToken ct)
    {
        var notice = await db.Notices.SingleOrDefaultAsync(n => n.Id == id && n.UserId == User.UserId(), ct);
        if (notice is null)
        {
            return NotFound();
        }

        notice.ReadUtc ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return open && notice.Link is { } link && Url.IsLocalUrl(link) ? LocalRedirect(link) : RedirectToPage(new { p = PageNumber });
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var marked = await db.Notices.Where(n => n.UserId == User.UserId() && n.ReadUtc == null)
            .ExecuteUpdateAsync(u => u.SetProperty(n => n.ReadUtc, now), ct);
        TempData["Message"] = marked == 0 ? "There was nothing unread." : marked == 1 ? "1 notice is marked read." : $"{marked} notices are marked read.";
        return RedirectToPage();
    }
}
