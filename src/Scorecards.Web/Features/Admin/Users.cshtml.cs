using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Web.Features.Accounts;
using Scorecards.Web.Infrastructure;
using Scorecards.Web.Infrastructure.Authorization;

namespace Scorecards.Web.Features.Admin;

[Authorize(Policy = Policies.Administrator)]
public sealed class UsersModel(AppDbContext db, AccountService accounts) : PageModel
{
    public IReadOnlyList<AccountRow> Users { get; private set; } = [];
    public IReadOnlyList<string> BodyCodes { get; private set; } = [];
    public IReadOnlyList<string> MemberNames { get; private set; } = [];

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

            await LoadAsync(ct);
            return this.Invalid();
        }

        TempData["Message"] = $"Invited {created.User.Email}: an e-mail with a link to choose a password is on its way. The link works once, for 7 days.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Users = await accounts.ListAsync(ct);
        BodyCodes = await db.Bodies.OrderBy(b => b.Id).Select(b => b.Code).ToListAsync(ct);
        MemberNames = await db.Members.OrderBy(m => m.Name).Select(m => m.Name).ToListAsync(ct);
    }
}
