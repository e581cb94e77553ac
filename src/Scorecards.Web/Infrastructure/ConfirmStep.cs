using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Scorecards.Web.Infrastructure;

/// <summary>What a person is asked before an action that cannot be undone, and the form that carries it out once they agree.</summary>
public sealed record ConfirmStep(string Message, string Action, IReadOnlyList<KeyValuePair<string, string>> Fields, string? Back);

/// <summary>
/// Nothing irreversible in one click, with or without JavaScript. A button with <c>data-confirm</c> sends its question as
/// <see cref="Question"/>; the browser's script asks it in a dialog and, when the person agrees, adds <see cref="Agreed"/>.
/// A form that arrives with the question and without the agreement (scripts off, or blocked) is not acted on: the server
/// answers with a page that asks the question and sends the same form again, agreed.
/// </summary>
public sealed class ConfirmFirst : IAsyncPageFilter
{
    public const string Question = "__confirm";
    public const string Agreed = "__confirmed";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        if (HttpMethods.IsPost(request.Method) && request.HasFormContentType && await ReadAsync(request, context.HttpContext.RequestAborted) is { } form)
        {
            if (form.TryGetValue(Question, out var question) && form[Agreed] != "1")
            {
                var fields = form.Where(f => f.Key is not (Question or Agreed or "__RequestVerificationToken"))
                    .SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? ""))).ToList();
                var back = request.Headers.Referer.ToString();
                context.Result = new ViewResult
                {
                    ViewName = "/Features/Shared/ConfirmStep.cshtml",
                    ViewData = new ViewDataDictionary<ConfirmStep>(new EmptyModelMetadataProvider(), context.ModelState)
                    {
                        Model = new ConfirmStep(question.ToString(), request.Path + request.QueryString, fields,
                            Uri.TryCreate(back, UriKind.Absolute, out var referer) && referer.Host == request.Host.Host ? referer.PathAndQuery : null),
                    },
                };
                return;
            }
        }

        await next();
    }

    // A form the server cannot read (a NUL in a field) is not this filter's to refuse: the page's own reading answers it.
    private static async Task<IFormCollection?> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        try
        {
            return await request.ReadFormAsync(ct);
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}

/// <summary>Gives every button that asks before acting the name and value that carry its question to the server.</summary>
[HtmlTargetElement("button", Attributes = "data-confirm")]
public sealed class ConfirmButtonTagHelper : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (output.Attributes.ContainsName("name") || output.Attributes["data-confirm"]?.Value is not { } question)
        {
            return;
        }

        output.Attributes.SetAttribute("name", ConfirmFirst.Question);
        output.Attributes.SetAttribute("value", question);
    }
}
