using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scorecards.Data.Accounts;

namespace Scorecards.Web.Features.Accounts;

[AllowAnonymous]
public sealed class LoginModel(SignInManager<AppUser> signIn, SignInThrottle throttle, Setup.FirstRun firstRun) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    /// <summary>No one can sign in yet: the installation waits for its first administrator, made through the setup link.</summary>
    public bool AwaitsFirstAdministrator { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        AwaitsFirstAdministrator = await firstRun.NeedsAdministratorAsync(ct);
    }

    /// <summary>
    /// One answer for every failure (unknown address, wrong password, locked or disabled account), so that the page
    /// does not tell anyone which accounts exist.
    /// </summary>
    public const string Failed = "The e-mail address or password is not right, or the account cannot sign in now. "
        + "After five wrong passwords an account is locked for 15 minutes; the secretariat can help.";

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Email) || string.IsNullOrEmpty(Password))
        {
            Error = "Enter your e-mail address and password.";
            return Page();
        }

        var address = HttpContext.Connection.RemoteIpAddress?.ToString();
        if (await throttle.IsThrottledAsync(address, Email, ct))
        {
            Error = SignInThrottle.Refusal;
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }

        // Failed attempts count towards a lockout: five in a row lock the account for fifteen minutes.
        var result = await signIn.PasswordSignInAsync(Email.Trim(), Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Accounts/TwoFactor", new { ReturnUrl });
        }

        await throttle.RecordFailureAsync(address, Email, ct);
        Error = Failed;
        return Page();
    }
}
