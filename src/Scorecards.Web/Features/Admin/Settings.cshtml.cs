using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scorecards.Web.Features.Settings;
using Scorecards.Web.Infrastructure;
using Scorecards.Web.Infrastructure.Authorization;

namespace Scorecards.Web.Features.Admin;

/// <summary>Security settings: whether administrators and Co-Chairs must use two-factor sign-in, and how long API tokens may live.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class SettingsModel(SecuritySettings settings) : PageModel
{
    [BindProperty] public bool RequireTwoFactor { get; set; }
    [BindProperty] public int MaxTokenDays { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var policy = await settings.GetAsync(ct);
        (RequireTwoFactor, MaxTokenDays) = (policy.RequireTwoFactorForPrivileged, policy.MaxTokenDays);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await settings.SaveAsync(new SecurityPolicy(RequireTwoFactor, MaxTokenDays), ct) is { } error)
        {
            ModelState.AddModelError(nameof(MaxTokenDays), error);
            return this.Invalid();
        }

        TempData["Message"] = "Settings saved.";
        return RedirectToPage();
    }
}
