using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Scorecards.Data.Accounts;

namespace Scorecards.Web.Features.Accounts;

/// <summary>An invitation's link: the invited person chooses a password and is signed in; two-factor sign-in follows where required.</summary>
public sealed class WelcomeModel(UserManager<AppUser> users, AccountService accounts, SignInManager<AppUser> signIn) : SetPasswordModel(users, accounts)
{
    protected override string Purpose => LinkTokenProvider.Invitation;

    protected override async Task<IActionResult> DoneAsync(AppUser user)
    {
        await signIn.SignInAsync(user, isPersistent: false);
        TempData["Message"] = "Welcome to Scorecards: your password is set.";
        return LocalRedirect("/");
    }
}
