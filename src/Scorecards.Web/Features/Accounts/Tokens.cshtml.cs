using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scorecards.Data.Accounts;
using Scorecards.Web.Features.Settings;
using Scorecards.Web.Infrastructure;
using Scorecards.Web.Infrastructure.Authorization;

namespace Scorecards.Web.Features.Accounts;

/// <summary>A person's own API tokens: what each is for, what it may do, when it was last used and when it expires.</summary>
public sealed class TokensModel(ApiTokenService tokens, UserManager<AppUser> users, SecuritySettings settings, TimeProvider clock) : PageModel
{
    public IReadOnlyList<TokenRow> Tokens { get; private set; } = [];
    public SecurityPolicy Policy { get; private set; } = null!;
    public DateTime NowUtc { get; private set; }

    /// <summary>The secret of the token just created, shown this once.</summary>
    public string? NewSecret { get; private set; }

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public bool ReadOnly { get; set; }
    [BindProperty] public int? Days { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var (secret, error) = await tokens.CreateAsync(user, Name, ReadOnly ? TokenScope.ReadOnly : TokenScope.ReadWrite, Days, ct);
        NewSecret = secret;
        await LoadAsync(ct);
        if (secret is null)
        {
            ModelState.AddModelError(nameof(Name), error!);
            return this.Invalid();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken ct)
    {
        TempData["Message"] = await tokens.RevokeAsync(id, User.UserId(), ct)
            ? "The token is revoked; it no longer works anywhere."
            : "That token was already revoked.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Policy = await settings.GetAsync(ct);
        Days ??= Math.Min(SecurityPolicy.DefaultTokenDays, Policy.MaxTokenDays);
        NowUtc = clock.GetUtcNow().UtcDateTime;
        Tokens = await tokens.ListAsync(User.UserId(), ct);
    }
}
