using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scorecards.Data.Accounts;

namespace Scorecards.Web.Features.Accounts;

/// <summary>The second step of signing in: a code from the authenticator app, or one of the recovery codes.</summary>
[AllowAnonymous]
public sealed class TwoFactorModel(SignInManager<AppUser> signIn, SignInThrottle throttle) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public bool Recovery { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Accounts/Login") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("/Accounts/Login");
        }

        var address = HttpContext.Connection.RemoteIpAddress?.ToString();
        if (await throttle.IsThrottledAsync(address, user.Email ?? "", ct))
        {
            Error = SignInThrottle.Refusal;
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }

        var code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal);
        var result = Recovery
            ? await signIn.TwoFactorRecoveryCodeSignInAsync(code)
            : await signIn.TwoFactorAuthenticatorSignInAsync(code.Replace("-", "", StringComparison.Ordinal), isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }

        await throttle.RecordFailureAsync(address, user.Email ?? "", ct);
        Error = result.IsLockedOut ? LoginModel.Failed : "That code is not right. Codes change every 30 seconds; type the one the app shows now.";
        return Page();
    }
}
