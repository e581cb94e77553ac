using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Scorecards.Web.Infrastructure;

/// <summary>
/// Refuses a form whose fields hold a control character (tab and line breaks apart), naming the field, before any page
/// acts on it: none belongs in a report. (A NUL is refused earlier still, when the form is read.)
/// </summary>
public sealed class FormText : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        if (request.HasFormContentType && context.HandlerInstance is not Features.ErrorModel)
        {
            var form = await request.ReadFormAsync(context.HttpContext.RequestAborted);
            foreach (var (field, values) in form)
            {
                if (values.Select(v => v is null ? null : TextFiles.ForbiddenCharacter(v)).FirstOrDefault(c => c is not null) is { } c)
                {
                    context.HttpContext.Items[ErrorDetail] = $"The field '{field.Split('.')[^1]}' holds the control character U+{(int)c:X4}, which no field may contain. "
                        + "Go back, remove it (it often comes from pasted text) and send the form again.";
                    context.Result = new StatusCodeResult(StatusCodes.Status400BadRequest);
                    return;
                }
            }
        }

        await next();
    }

    /// <summary>Where the error page finds the explanation.</summary>
    public const string ErrorDetail = "error-detail";
}
