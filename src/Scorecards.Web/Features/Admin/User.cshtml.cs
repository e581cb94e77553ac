using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Data.Accounts;
using Scorecards.Web.Features.Accounts;
using Scorecards.Web.Infrastructure;
using Scorecards.Web.Infrastructure.Authorization;

namespace Scorecards.Web.Features.Admin;

[Authorize(Policy = Policies.Administrator)]
public sealed class UserModel(AppDbContext db, UserManager<AppUser> users, AccountService accounts, ApiTokenService tokens, TimeProvider clock) : PageModel
{
    public AppUser Account { get; private set; } = null!;
    public bool LockedOut { get; private set; }
    public IReadOnlyList<(int Id, string Code)> Bodies { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Members { get; private set; } = [];
    public IReadOnlyList<TokenRow> Tokens { get; private set; } = [];
    public DateTime NowUtc { get; private set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public int? MemberId { get; set; }

    [BindProperty]
    public List<string> SelectedRoles { get; set; } = [];

    [BindProperty]
    public List<int> BodyIds { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        await FillFormAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var updated = await accounts.UpdateAsync(User, Account, new AccountChange(Name, MemberId, SelectedRoles, BodyIds), ct);
        if (!updated.Succeeded)
        {
            return await this.RefusedAsync(updated, prefix: null);
        }

        TempData["Message"] = $"{Account.Email} saved.";
        return RedirectToPage("Users");
    }

    public async Task<IActionResult> OnPostResetAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        await accounts.ResetPasswordAsync(Account, ct);
        TempData["Message"] = $"The password of {Account.Email} no longer works, their sessions and API tokens have ended, and a link to choose a new one "
            + "is on its way to them. The link works once, within 2 hours.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostDisableAsync(string id, bool disable, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (disable && Account.Id == User.UserId())
        {
            TempData["Message"] = "You cannot disable your own account; ask another administrator.";
            return RedirectToPage("User", new { id });
        }

        await accounts.SetDisabledAsync(Account, disable, ct);
        TempData["Message"] = disable
            ? $"{Account.Email} is disabled: signed out everywhere, and cannot sign in or use a token until enabled again."
            : $"{Account.Email} is enabled again.";
        return RedirectToPage("User", new { id });
    }

    public async Task<IActionResult> OnPostRevokeTokenAsync(string id, int tokenId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var revoked = await db.ApiTokens.AnyAsync(t => t.Id == tokenId && t.UserId == Account.Id, ct) && await tokens.RevokeAsync(tokenId, Account.Id, ct);
        TempData["Message"] = revoked ? "The token is revoked; it no longer works anywhere." : "That token was already revoked.";
        return RedirectToPage("User", new { id });
    }

    private async Task FillFormAsync(CancellationToken ct)
    {
        Name = Account.DisplayName;
        MemberId = Account.MemberId;
        SelectedRoles = [.. await users.GetRolesAsync(Account)];
        BodyIds = await db.UserBodies.Where(ub => ub.UserId == Account.Id).Select(ub => ub.BodyId).ToListAsync(ct);
    }

    private async Task<bool> LoadAsync(string id, CancellationToken ct)
    {
        var account = await users.FindByIdAsync(id);
        if (account is null)
        {
            return false;
        }

        Account = account;
        LockedOut = account.LockoutEnd > clock.GetUtcNow();
        Bodies = (await db.Bodies.AsNoTracking().OrderBy(b => b.Id).ToListAsync(ct)).Select(b => (b.Id, b.Code)).ToList();
        Members = (await db.Members.AsNoTracking().OrderBy(m => m.Name).ToListAsync(ct)).Select(m => (m.Id, m.Name)).ToList();
        Tokens = await tokens.ListAsync(account.Id, ct);
        NowUtc = clock.GetUtcNow().UtcDateTime;
        return true;
    }
}
