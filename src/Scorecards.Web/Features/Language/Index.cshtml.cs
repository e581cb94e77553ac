using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Scorecards.Web.Infrastructure.Authorization;
using Scorecards.Web.Infrastructure.Localization;

namespace Scorecards.Web.Features.Language;

/// <summary>
/// The language switch. The header's link to the other language comes here with <c>?choose=</c>: the choice is kept in a
/// cookie for a year (and, for a signed-in person, with their account, for their e-mails), and the reader goes back to the
/// page they were on. A link, not a form, so that pages for the public carry no anti-forgery cookie and stay cacheable;
/// choosing a language changes nothing but the reader's own choice. Without <c>choose</c> the page lists the languages.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(IOptions<RequestLocalizationOptions> options, global::Scorecards.Data.AppDbContext db) : PageModel
{
    public IReadOnlyList<System.Globalization.CultureInfo> Offered { get; } = options.Value.SupportedUICultures?.ToList() ?? [];

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync(string? choose, CancellationToken ct)
    {
        if (choose is null)
        {
            return Page();
        }

        if (Languages.Find(choose, Offered) is not { } chosen)
        {
            return NotFound();
        }

        Languages.Remember(Response, chosen);
        // A signed-in person's choice is kept with their account too: their e-mails come in it.
        if (User.Identity?.IsAuthenticated == true && User.UserId() is { Length: > 0 } userId)
        {
            await db.Users.Where(u => u.Id == userId && u.Language != chosen.Name)
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.Language, chosen.Name), ct);
        }

        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }

    /// <summary>The address that chooses <paramref name="culture"/> and comes back to <paramref name="returnUrl"/>.</summary>
    public static string Choose(System.Globalization.CultureInfo culture, string returnUrl) =>
        $"/language?choose={Uri.EscapeDataString(culture.Name)}&returnUrl={Uri.EscapeDataString(returnUrl)}";
}
