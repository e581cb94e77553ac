using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Web.Features.Accounts;
using Scorecards.Web.Infrastructure.Authorization;

namespace Scorecards.Web.Features.Admin;

public sealed record UserRow(string Email, string Name, string Roles, string Bodies, string? Member, bool LockedOut);

[Authorize(Policy = Policies.Administrator)]
public sealed class UsersModel(AppDbContext db, AccountService accounts, TimeProvider clock) : PageModel
{
    public IReadOnlyList<UserRow> Users { get; private set; } = [];
    public IReadOnlyList<string> BodyCodes { get; private set; } = [];
    public IReadOnlyList<string> MemberNames { get; private set; } = [];
    public string? CreatedPassword { get; private set; }

    [BindProperty]
    public NewUserForm Input { get; set; } = new();

    public sealed class NewUserForm
    {
        public string? Email { get; set; }
        public string? Name { get; set; }
        public string? Role { get; set; }
        public string? Body { get; set; }
        public string? Member { get; set; }
    }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (created, errors) = await accounts.CreateAsync(new NewUser(Input.Email, Input.Name, Input.Role, Input.Body, Input.Member, null), ct);
        if (created is null)
        {
            foreach (var error in errors)
            {
                ModelState.AddModelError($"Input.{char.ToUpperInvariant(error.Field[0])}{error.Field[1..]}", error.Message);
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(ct);
            return Page();
        }

        CreatedPassword = created.Password;
        TempData["Message"] = $"Invited {created.User.Email}.";
        Input = new NewUserForm();
        ModelState.Clear();
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(ct);
        var roles = await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync(ct);
        var bodies = await db.UserBodies.Join(db.Bodies, ub => ub.BodyId, b => b.Id, (ub, b) => new { ub.UserId, b.Code }).ToListAsync(ct);
        var members = await db.Members.AsNoTracking().OrderBy(m => m.Name).ToListAsync(ct);
        Users = users.Select(u => new UserRow(u.Email ?? "", u.DisplayName,
            string.Join(", ", roles.Where(r => r.UserId == u.Id).Select(r => Data.Accounts.Roles.Label(r.Name!))),
            string.Join(", ", bodies.Where(b => b.UserId == u.Id).Select(b => b.Code)),
            members.Find(m => m.Id == u.MemberId)?.Name, u.LockoutEnd > now)).ToList();
        BodyCodes = await db.Bodies.OrderBy(b => b.Id).Select(b => b.Code).ToListAsync(ct);
        MemberNames = members.Select(m => m.Name).ToList();
    }
}
