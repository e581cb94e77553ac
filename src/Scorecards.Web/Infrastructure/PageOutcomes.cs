using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scorecards.Domain;

namespace Scorecards.Web.Infrastructure;

/// <summary>The one translation of a failed <see cref="Result"/> into a page: the API's counterpart is <see cref="ApiProblems.From"/>.</summary>
public static class PageOutcomes
{
    /// <summary>
    /// Forbidden and not found answer as such; otherwise the errors go next to their fields (under <paramref name="prefix"/>),
    /// or above the form when no field is named, the page is rebuilt by <paramref name="reload"/> and shown again with
    /// 400 for invalid input or 409 for a refusal by the current state.
    /// </summary>
    public static async Task<IActionResult> RefusedAsync(this PageModel page, Result result, Func<Task>? reload = null, string? prefix = "Form")
    {
        switch (result.Failure)
        {
            case Failure.Forbidden:
                return page.Forbid();
            case Failure.NotFound:
                return page.NotFound();
        }

        if (result.Errors.Count > 0)
        {
            page.ModelState.AddFieldErrors(result.Errors, prefix);
        }
        else
        {
            page.ModelState.AddModelError("", result.Message ?? "That could not be done.");
        }

        if (reload is not null)
        {
            await reload();
        }

        return result.Failure == Failure.Invalid ? page.Invalid() : page.Refused();
    }

    /// <summary>The form again with the errors already in ModelState: 400, so that a client or test sees the refusal.</summary>
    public static IActionResult Invalid(this PageModel page) => page.Shown(StatusCodes.Status400BadRequest);

    /// <summary>The page again, explaining a refusal by the current state that it has already put on the page: 409.</summary>
    public static IActionResult Refused(this PageModel page) => page.Shown(StatusCodes.Status409Conflict);

    private static IActionResult Shown(this PageModel page, int status)
    {
        page.Response.StatusCode = status;
        return page.Page();
    }
}
