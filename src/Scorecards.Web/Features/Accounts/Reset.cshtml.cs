using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Scorecards.Data.Accounts;

namespace Scorecards.Web.Features.Accounts;

/// <summary>A reset's link: the person chooses a new password, then signs in with it (and their second factor, if they use one).</summary>
public sealed class ResetModel(UserManager<AppUser> users, AccountService accounts) : SetPasswordModel(users, accounts)
{
    protected override string Purpose => AccountLinks.ResetPurpose;

    protected override Task<IActionResult> DoneAsync(AppUser user)
    {
        TempData["Message"] = "Your password is changed. Sign in with it.";
        return Task.FromResult<IActionResult>(RedirectToPage("/Accounts/Login"));
    }
}
