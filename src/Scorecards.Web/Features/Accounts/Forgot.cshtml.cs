using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scorecards.Data;
using Scorecards.Data.Accounts;
using Scorecards.Web.Infrastructure;

namespace Scorecards.Web.Features.Accounts;

/// <summary>
/// "Forgot your password?": a reset link is e-mailed to the address if it has an account that is not disabled, at most
/// one every few minutes; the answer is the same whether or not it has one, so the page tells nobody who has an account.
/// </summary>
[AllowAnonymous]
public sealed class ForgotModel(UserManager<AppUser> users, AccountLinks links, AppDbContext db) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var email = Email?.Trim();
        if (string.IsNullOrEmpty(email) || email.Length > 256 || !email.Contains('@', StringComparison.Ordinal))
        {
            ModelState.AddModelError(nameof(Email), "Give the e-mail address you sign in with, such as name@example.org.");
            return this.Invalid();
        }

        if (await users.FindByEmailAsync(email) is { DisabledUtc: null } user && await links.SendResetAsync(user, bySecretariat: false, ct))
        {
            await db.SaveChangesAsync(ct);
        }

        Sent = true;
        return Page();
    }
}
