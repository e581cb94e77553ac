using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Data.Accounts;
using Scorecards.Web.Features.Accounts;
using Scorecards.Web.Infrastructure.Authorization;

namespace Scorecards.Web.Features.Admin;

[Authorize(Policy = Policies.Administrator)]
public sealed class UserModel(AppDbContext db, UserManager<AppUser> users, AccountService accounts, TimeProvider clock) : PageModel
{
    public AppUser Account { get; private set; } = null!;
    public bool LockedOut { get; private set; }
    public IReadOnlyList<(int Id, string Code)> Bodies { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Members { get; private set; } = [];
    public string? NewPassword { get; private set; }

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

        if (Account.Id == User.UserId() && !SelectedRoles.Contains(Roles.Administrator))
        {
            ModelState.AddModelError(nameof(SelectedRoles), "You cannot remove your own Administrator role; ask another administrator.");
        }
        else
        {
            var errors = await accounts.UpdateAsync(Account, new AccountChange(Name, MemberId, SelectedRoles, BodyIds), ct);
            foreach (var error in errors)
            {
                ModelState.AddModelError(error.Field switch { "name" => nameof(Name), "member" => nameof(MemberId), "roles" => nameof(SelectedRoles), _ => nameof(BodyIds) }, error.Message);
            }
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        TempData["Message"] = $"{Account.Email} saved.";
        return Redirect("/admin/users");
    }

    public async Task<IActionResult> OnPostResetAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        NewPassword = await accounts.ResetPasswordAsync(Account);
        LockedOut = false;
        await FillFormAsync(ct);
        return Page();
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
        return true;
    }
}
