using System.ComponentModel.DataAnnotations;
using Scorecards.Domain;
using Scorecards.Domain.Framework;
using Scorecards.Domain.Scorecards;
using Scorecards.Web.Infrastructure;

namespace Scorecards.Web.Features.Scorecards;

public sealed record IndicatorValueRequest(string? Code, decimal? Actual, bool? MilestoneReached, string? Note);

/// <summary>An entry as a client sends it: ratings as words (labels or names), the version the edit started from.</summary>
public sealed record EntryRequest(int? Version, string? Completion, string? NotApplicableReason, string? Trajectory, string? Effect,
    string? Progress, string? Challenges, string? SupportNeeded, string? NextSteps, [MaxLength(RequestLimits.Links, ErrorMessage = RequestLimits.TooMany)] IReadOnlyList<string>? Links,
    [MaxLength(RequestLimits.Codes, ErrorMessage = RequestLimits.TooMany)] IReadOnlyList<IndicatorValueRequest>? Indicators, [MaxLength(RequestLimits.Ids, ErrorMessage = RequestLimits.TooMany)] IReadOnlyList<int>? Activities = null)
{
    /// <summary>Turns the request into entry values, or says which fields are wrong and what they accept.</summary>
    public Result<EntryValues> ToValues(IReadOnlyList<Indicator> indicators)
    {
        var errors = new List<FieldError>();
        if (Version is null)
        {
            errors.Add(new FieldError(nameof(Version), "Send the version the edit started from, as read from the entry."));
        }

        var completion = Parse<Completion>(errors, nameof(Completion), Completion);
        var trajectory = Parse<Trajectory>(errors, nameof(Trajectory), Trajectory);
        var effect = Parse<Effect>(errors, nameof(Effect), Effect);

        var values = new List<IndicatorValueInput>();
        foreach (var (item, index) in (Indicators ?? []).Select((v, i) => (v, i)))
        {
            var indicator = indicators.FirstOrDefault(i => string.Equals(i.Code, item.Code, StringComparison.OrdinalIgnoreCase));
            if (indicator is null)
            {
                errors.Add(new FieldError($"indicators[{index}].code", $"'{item.Code}' is not an indicator of this objective; expected one of {string.Join(", ", indicators.Select(i => i.Code))}."));
                continue;
            }

            values.Add(new IndicatorValueInput(indicator.Id, item.Actual, item.MilestoneReached, item.Note));
        }

        if (errors.Count > 0)
        {
            return Result.Invalid(errors);
        }

        var entryValues = new EntryValues(completion, NotApplicableReason, trajectory, effect, Progress, Challenges, SupportNeeded, NextSteps,
            (Links ?? []).Where(l => !string.IsNullOrWhiteSpace(l)).ToList(), values, Activities);
        var invalid = entryValues.Validate();
        return invalid.Count > 0 ? Result.Invalid(invalid) : entryValues;
    }

    private static T? Parse<T>(List<FieldError> errors, string field, string? text)
        where T : struct, Enum
    {
        var (value, problem) = Ratings.Read<T>(text);
        if (problem is not null)
        {
            errors.Add(new FieldError(field, problem));
        }

        return value;
    }
}
