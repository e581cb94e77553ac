using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Scorecards.Domain.Scorecards;

namespace Scorecards.Web.Infrastructure;

/// <summary>Field errors from a request or a rule, shown next to the form field they name.</summary>
public static partial class FormErrors
{
    /// <summary>Where a field that showed its own message says so, for its message slot to stay quiet.</summary>
    internal const string Shown = "form-error-shown:";

    /// <summary>The form field's name, as the model state keys it.</summary>
    internal static string NameOf(ViewContext view, ModelExpression field) =>
        view.ViewData.TemplateInfo.GetFullHtmlFieldName(field.Name);

    internal static IReadOnlyList<string>? MessagesFor(ViewContext view, string name) =>
        view.ViewData.ModelState.TryGetValue(name, out var entry) && entry.Errors.Count > 0
            ? entry.Errors.Select(e => string.IsNullOrEmpty(e.ErrorMessage) ? "This value is not valid." : e.ErrorMessage).ToList()
            : null;

    /// <summary>A field's key as a reader names it: "Form.NotApplicableReason" is "Not applicable reason", "Form.Indicators[0].Actual" "Actual".</summary>
    internal static string FieldLabel(string key)
    {
        var last = Index().Replace(key.Split('.')[^1], "");
        var words = Words().Replace(last, " $1").Trim();
        return words.Length == 0 ? key : char.ToUpperInvariant(words[0]) + words[1..].ToLowerInvariant();
    }

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex Index();

    [GeneratedRegex("(?<=[a-z0-9])([A-Z])")]
    private static partial Regex Words();

    /// <summary>Adds each error under its field, "startDate" becoming "Form.StartDate" with the prefix "Form".</summary>
    public static void AddFieldErrors(this ModelStateDictionary modelState, IEnumerable<FieldError> errors, string? prefix = "Form")
    {
        foreach (var error in errors)
        {
            var field = error.Field.Length == 0 ? "" : char.ToUpperInvariant(error.Field[0]) + error.Field[1..];
            modelState.AddModelError(prefix is null ? field : $"{prefix}.{field}", error.Message);
        }
    }
}
