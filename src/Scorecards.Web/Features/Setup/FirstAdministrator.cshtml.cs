using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scorecards.Data.Accounts;

namespace Scorecards.Web.Features.Setup;

/// <summary>The page the setup link opens: the first administrator chooses their name, address and password.</summary>
[AllowAnonymous]
public sealed class FirstAdministratorModel(FirstRun firstRun, SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter your name as colleagues know it."), StringLength(100)]
    public string? Name { get; set; }

    [BindProperty, Required(ErrorMessage = "Enter the e-mail address you will sign in with."), EmailAddress(ErrorMessage = "Enter an e-mail address such as name@example.org."), StringLength(256)]
    public string? Email { get; set; }

    [BindProperty, Required(ErrorMessage = "Choose a password of at least 12 characters."),
     StringLength(200, MinimumLength = 12, ErrorMessage = "The password must have at least 12 characters, and at most 200.")]
    public string? Password { get; set; }

    [BindProperty, Required(ErrorMessage = "Type the password again."), Compare(nameof(Password), ErrorMessage = "The two passwords differ.")]
    public string? Repeated { get; set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct) =>
        await firstRun.IsValidAsync(token, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        if (!await firstRun.IsValidAsync(token, ct))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var created = await firstRun.CreateAdministratorAsync(token, Email, Name, Password, ct);
        if (!created.Succeeded)
        {
            foreach (var error in created.Outcome.Errors.DefaultIfEmpty(new Domain.Scorecards.FieldError("", created.Outcome.Message ?? "")))
            {
                var field = error.Field.ToLowerInvariant() switch { "password" => nameof(Password), "email" => nameof(Email), "name" => nameof(Name), _ => "" };
                ModelState.AddModelError(field, error.Message);
            }

            return Page();
        }

        await signIn.SignInAsync(created.Value!, isPersistent: false);
        TempData["Message"] = "You are the first administrator. The checklist below says what to set up next.";
        return LocalRedirect("/admin/setup");
    }
}
