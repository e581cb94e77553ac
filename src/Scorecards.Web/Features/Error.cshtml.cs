using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Scorecards.Web.Features;

[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "Something went wrong";
    public string Explanation { get; private set; } = "";

    // After an unhandled error the response already carries the status chosen for it.
    public void OnGet(int? code) => Describe(code ?? Response.StatusCode);

    public void OnPost(int? code) => Describe(code ?? Response.StatusCode);

    private void Describe(int code)
    {
        (Title, Explanation) = code switch
        {
            404 => ("Page not found", "There is nothing at this address. It may have moved, or the link may be wrong."),
            403 => ("Not allowed", "Your account is not allowed to see or do this."),
            400 => ("Request not understood", "The request could not be read. Go back and try again."),
            413 => ("File too large", "What you sent is larger than this page accepts. Nothing was saved; the page says how large a file may be."),
            429 => ("Too many attempts", "Too many requests came from your address in a short time. Wait a minute, then try again."),
            _ => ("Something went wrong", "The page could not be shown. Nothing you had saved was lost; try again in a moment."),
        };

        // A page that refused the request says why, in words written for the person.
        if (HttpContext.Items[Infrastructure.FormText.ErrorDetail] is string detail)
        {
            Explanation = detail;
        }
    }
}
