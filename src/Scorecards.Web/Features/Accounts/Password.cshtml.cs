using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scorecards.Data.Accounts;

namespace Scorecards.Web.Features.Accounts;

public sealed class PasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter your current password.")]
    public string? Current { get; set; }

    [BindProperty, Required(ErrorMessage = "Enter a new password.")]
    public string? New { get; set; }

    /// <summary>Someone else chose the current password; nothing else opens until the person chooses their own.</summary>
    public bool Required => User.HasClaim(c => c.Type == Infrastructure.Authorization.AppClaimTypes.MustChangePassword);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var result = await users.ChangePasswordAsync(user, Current!, New!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == "PasswordMismatch" ? nameof(Current) : nameof(New),
                    error.Code == "PasswordMismatch" ? "The current password is not right." : error.Description);
            }

            return Page();
        }

        if (user.MustChangePassword)
        {
            user.MustChangePassword = false;
            await users.UpdateAsync(user);
        }

        await signIn.RefreshSignInAsync(user);
        TempData["Message"] = "Your password has been changed.";
        return RedirectToPage("/Home/Index");
    }
}
