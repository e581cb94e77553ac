using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;
using Scorecards.Data.Accounts;
using Scorecards.Web.Features.Settings;
using Scorecards.Web.Infrastructure;

namespace Scorecards.Web.Features.Accounts;

/// <summary>
/// Two-factor sign-in with an authenticator app: set up by scanning a QR code (drawn on the server) and typing a code
/// the app shows, with ten recovery codes for a lost phone. Turning it off is refused where administrators require it.
/// </summary>
public sealed class SecurityModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, SecuritySettings settings) : PageModel
{
    public const string Issuer = "Scorecards";

    public bool Enabled { get; private set; }
    public bool Required { get; private set; }
    public string? SharedKey { get; private set; }
    public string? QrCodeDataUri { get; private set; }
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];
    public int RecoveryCodesLeft { get; private set; }

    [BindProperty] public string? Code { get; set; }

    // The signed-in person, read once by LoadAsync for every handler.
    private AppUser _user = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostEnableAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } problem)
        {
            return problem;
        }

        var code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (!await users.VerifyTwoFactorTokenAsync(_user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(Code), "That code is not the one the app shows now. Check the phone's clock, and type the six digits again.");
            return this.Invalid();
        }

        await users.SetTwoFactorEnabledAsync(_user, true);
        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(_user, 10) ?? []];
        await signIn.SignInWithClaimsAsync(_user, isPersistent: false, [new System.Security.Claims.Claim("amr", "mfa")]);
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } problem)
        {
            return problem;
        }

        if (!Enabled)
        {
            return RedirectToPage();
        }

        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(_user, 10) ?? []];
        RecoveryCodesLeft = RecoveryCodes.Count;
        await signIn.RefreshSignInAsync(_user);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } problem)
        {
            return problem;
        }

        if (Required)
        {
            ModelState.AddModelError(nameof(Code), "Administrators require two-factor sign-in for your role; it cannot be turned off.");
            return this.Invalid();
        }

        await users.SetTwoFactorEnabledAsync(_user, false);
        await users.ResetAuthenticatorKeyAsync(_user);
        await signIn.RefreshSignInAsync(_user);
        TempData["Message"] = "Two-factor sign-in is off. Your password alone now signs you in.";
        return RedirectToPage();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        _user = user;

        Enabled = user.TwoFactorEnabled;
        Required = (await settings.GetAsync(ct)).RequireTwoFactorForPrivileged && TwoFactorRequirement.IsPrivileged(User);
        RecoveryCodesLeft = Enabled ? await users.CountRecoveryCodesAsync(user) : 0;
        if (!Enabled)
        {
            var key = await users.GetAuthenticatorKeyAsync(user);
            if (string.IsNullOrEmpty(key))
            {
                // A new key changes the security stamp; this session is renewed so that only the others end.
                await users.ResetAuthenticatorKeyAsync(user);
                await signIn.RefreshSignInAsync(user);
                key = await users.GetAuthenticatorKeyAsync(user);
            }

            SharedKey = string.Join(' ', key!.Chunk(4).Select(c => new string(c))).ToLowerInvariant();
            QrCodeDataUri = QrCode(AuthenticatorUri(user.Email ?? user.UserName ?? "", key!));
        }

        return null;
    }

    /// <summary>The address an authenticator app reads from the QR code (the Key Uri Format).</summary>
    public static string AuthenticatorUri(string email, string key) => string.Format(CultureInfo.InvariantCulture,
        "otpauth://totp/{0}:{1}?secret={2}&issuer={0}&digits=6", Uri.EscapeDataString(Issuer), Uri.EscapeDataString(email), key);

    // An SVG image, drawn here: nothing about the key leaves the server.
    private static string QrCode(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(5);
        return "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(svg));
    }
}
