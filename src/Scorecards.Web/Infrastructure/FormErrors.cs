using Microsoft.AspNetCore.Mvc.ModelBinding;
using Scorecards.Domain.Scorecards;

namespace Scorecards.Web.Infrastructure;

/// <summary>Field errors from a request or a rule, shown next to the form field they name.</summary>
public static class FormErrors
{
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
