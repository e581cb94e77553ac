using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Domain.Notices;

namespace Scorecards.Web.Features.Notices;

/// <summary>
/// The unsubscribe link of an e-mail: its signed token names the person and the kind, so it works without signing in.
/// Opening it asks to confirm; the button, or a mail program's one-click request (RFC 8058), switches that kind's
/// e-mail off, or, for the reminders of a body's own deadlines, which cannot be switched off, into the daily digest.
/// The token is the proof, so the post carries no anti-forgery token: a mail program cannot send one.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class UnsubscribeModel(AppDbContext db, IDataProtectionProvider protection) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "t")]
    public string? Token { get; set; }

    public NoticeKind? Kind { get; private set; }
    public string? Email { get; private set; }
    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ReadAsync(ct) is null ? Invalid() : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await ReadAsync(ct) is not { } who)
        {
            return Invalid();
        }

        await SettingsModel.SaveAsync(db, who.UserId, new Dictionary<NoticeKind, Delivery> { [who.Kind] = Becomes(who.Kind) }, ct);
        Done = true;
        return Page();
    }

    private async Task<(string UserId, NoticeKind Kind)?> ReadAsync(CancellationToken ct)
    {
        if (UnsubscribeToken.Read(protection, Token) is not { } who)
        {
            return null;
        }

        Email = await db.Users.AsNoTracking().Where(u => u.Id == who.UserId).Select(u => u.Email).SingleOrDefaultAsync(ct);
        if (Email is null)
        {
            return null;
        }

        Kind = who.Kind;
        return who;
    }

    /// <summary>What the link makes of the kind's e-mail: off, or for a body's own deadlines, the daily digest.</summary>
    public static Delivery Becomes(NoticeKind kind) => NoticeKinds.IsDeadline(kind) ? Delivery.DailyDigest : Delivery.Off;

    private IActionResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
