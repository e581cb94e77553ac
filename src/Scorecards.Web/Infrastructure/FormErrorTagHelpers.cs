using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;
using Scorecards.Web.Infrastructure.Localization;

namespace Scorecards.Web.Infrastructure;

/// <summary>
/// A field the server refused is marked for every reader: <c>aria-invalid</c>, and its message right after it, tied to it by
/// <c>aria-describedby</c>. Fields without a message slot of their own get one, so no refusal goes unsaid beside its field.
/// </summary>
[HtmlTargetElement("input", Attributes = "asp-for")]
[HtmlTargetElement("select", Attributes = "asp-for")]
[HtmlTargetElement("textarea", Attributes = "asp-for")]
public sealed class InvalidFieldTagHelper(IStringLocalizer<Strings> t) : TagHelper
{
    // After the framework's own helpers, which write the id and the value.
    public override int Order => 1000;

    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = null!;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = FormErrors.NameOf(ViewContext, For);
        if (output.Attributes["type"]?.Value?.ToString() == "hidden" || FormErrors.MessagesFor(ViewContext, name) is not { Count: > 0 } messages)
        {
            return;
        }

        var id = output.Attributes["id"]?.Value?.ToString() ?? TagBuilder.CreateSanitizedId(name, "_");
        var described = output.Attributes["aria-describedby"]?.Value?.ToString();
        output.Attributes.SetAttribute("aria-invalid", "true");
        output.Attributes.SetAttribute("aria-describedby", string.IsNullOrEmpty(described) ? $"{id}-error" : $"{described} {id}-error");
        output.PostElement.AppendHtml($"<span class=\"field-error\" id=\"{id}-error\">{HtmlEncoder.Default.Encode(string.Join(" ", messages.Select(m => Phrases.Say(t, m))))}</span>");
        ViewContext.HttpContext.Items[FormErrors.Shown + name] = true;
    }
}

/// <summary>A message slot whose field already says its message says nothing more.</summary>
[HtmlTargetElement("span", Attributes = "asp-validation-for")]
public sealed class FieldMessageTagHelper : TagHelper
{
    public override int Order => 1000;

    [HtmlAttributeName("asp-validation-for")]
    public ModelExpression For { get; set; } = null!;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (ViewContext.HttpContext.Items.ContainsKey(FormErrors.Shown + FormErrors.NameOf(ViewContext, For)))
        {
            output.SuppressOutput();
        }
    }
}

/// <summary>
/// The list of a form's problems at its top: headed, focused when the page loads (so a screen reader starts there), and each
/// problem a link to its field, named by the field.
/// </summary>
[HtmlTargetElement("div", Attributes = "asp-validation-summary")]
public sealed class ErrorSummaryTagHelper(IStringLocalizer<Strings> t) : TagHelper
{
    public override int Order => 1000;

    [HtmlAttributeName("asp-validation-summary")]
    public ValidationSummary Summary { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var state = ViewContext.ModelState;
        if (Summary is not (ValidationSummary.All or ValidationSummary.ModelOnly) || state.IsValid
            || (Summary == ValidationSummary.ModelOnly && state[""] is not { Errors.Count: > 0 }))
        {
            return;
        }

        var prefix = ViewContext.ViewData.TemplateInfo.HtmlFieldPrefix;
        var items = state.Where(e => e.Value is { Errors.Count: > 0 } && (Summary == ValidationSummary.All || e.Key.Length == 0))
            .SelectMany(e => e.Value!.Errors.Select(error => (Key: e.Key, Message: Phrases.Say(t, string.IsNullOrEmpty(error.ErrorMessage) ? "This value is not valid." : error.ErrorMessage))))
            .Select(e => e.Key.Length == 0
                ? $"<li>{HtmlEncoder.Default.Encode(e.Message)}</li>"
                : $"<li><a href=\"#{TagBuilder.CreateSanitizedId(string.IsNullOrEmpty(prefix) ? e.Key : $"{prefix}.{e.Key}", "_")}\">{HtmlEncoder.Default.Encode(Phrases.Say(t, FormErrors.FieldLabel(e.Key)))}: {HtmlEncoder.Default.Encode(e.Message)}</a></li>");
        // The framework writes its own list after the content; this one replaces it.
        output.PostContent.Clear();
        output.Content.SetHtmlContent($"<h2 class=\"error-summary-title\">{HtmlEncoder.Default.Encode(t["There is a problem"])}</h2><ul>{string.Concat(items)}</ul>");
        output.Attributes.SetAttribute("tabindex", "-1");
        output.Attributes.SetAttribute("autofocus", "autofocus");
    }
}
