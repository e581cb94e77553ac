using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scorecards.Data.Accounts;
using Scorecards.Web.Infrastructure;

namespace Scorecards.Web.Features.Accounts;

/// <summary>
/// A page reached from an e-mailed link that sets a password: the invitation's (<c>/account/welcome</c>) or a
/// reset's (<c>/account/reset</c>). The link is checked on opening and again on saving; a spent or expired one says
/// so and how to get another. It never says whether an account exists beyond what the link itself proves.
/// </summary>
[AllowAnonymous]
public abstract class SetPasswordModel(UserManager<AppUser> users, AccountService accounts) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "u")]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true, Name = "t")]
    public string? Token { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? Repeated { get; set; }

    public string? Email { get; private set; }

    /// <summary>Why the link cannot be used, when it cannot.</summary>
    public string? Spent { get; private set; }

    protected abstract string Purpose { get; }

    public async Task<IActionResult> OnGetAsync()
    {
        return await FindAsync() is { } user && await accounts.LinkWorksAsync(user, Purpose, Token ?? "") ? Page() : Refused();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await FindAsync() is not { } user)
        {
            return Refused();
        }

        var result = await accounts.SetPasswordByLinkAsync(user, Purpose, Token ?? "", Password, Repeated, ct);
        if (result.Code == "link")
        {
            return Refused();
        }

        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Field, error.Message);
            }

            return this.Invalid();
        }

        return await DoneAsync(user);
    }

    /// <summary>What follows a password set: for an invitation, signing in; for a reset, the sign-in page.</summary>
    protected abstract Task<IActionResult> DoneAsync(AppUser user);

    private IActionResult Refused()
    {
        Spent = AccountService.SpentLink;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<AppUser?> FindAsync()
    {
        var user = string.IsNullOrEmpty(UserId) || UserId.Length > 100 ? null : await users.FindByIdAsync(UserId);
        Email = user?.Email;
        return user is { DisabledUtc: null } ? user : null;
    }
}
