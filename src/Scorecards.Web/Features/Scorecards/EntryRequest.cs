using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Nodes;
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
    /// <summary>Every field of an entry, as JSON names it: a <c>PUT</c> sends them all, a <c>PATCH</c> any of them and the version.</summary>
    public static readonly IReadOnlyList<string> Fields =
    [
        "version", "completion", "notApplicableReason", "trajectory", "effect", "progress", "challenges", "supportNeeded", "nextSteps",
        "links", "indicators", "activities",
    ];

    /// <summary>The entry as it stands, in the shape a client sends: what a <c>PATCH</c> is merged into.</summary>
    public static EntryRequest From(EntryDto entry) => new(entry.Version, entry.Completion?.ToString(), entry.NotApplicableReason,
        entry.Trajectory?.ToString(), entry.Effect?.ToString(), entry.Progress, entry.Challenges, entry.SupportNeeded, entry.NextSteps, entry.Links,
        entry.Indicators.Where(i => i.Actual is not null || i.MilestoneReached is not null || i.Note is not null)
            .Select(i => new IndicatorValueRequest(i.Code, i.Actual, i.MilestoneReached, i.Note)).ToList(),
        entry.Activities.Select(a => a.Id).ToList());

    /// <summary>
    /// Reads a request body. Without <paramref name="current"/> it replaces the entry (<c>PUT</c>), so every field must be
    /// there, <c>null</c> where it is to be empty: a script that leaves one out must not clear it by omission. With it the
    /// body is a JSON merge patch (RFC 7396): what it names replaces the current value, <c>null</c> clears it, and what it
    /// leaves out stays. Either way a field the entry does not have is refused, so that a misspelt name changes nothing
    /// silently, and the version the edit started from is required.
    /// </summary>
    /// <exception cref="JsonException">A value is not of the type its field takes; the exception names the path.</exception>
    public static Result<EntryRequest> Read(JsonObject body, EntryRequest? current, JsonSerializerOptions options)
    {
        var merged = current is null ? body : Merge(JsonSerializer.SerializeToNode(current, options)!.AsObject(), body);
        var request = merged.Deserialize<EntryRequest>(options)!;

        var errors = new List<FieldError>();
        foreach (var (name, _) in body)
        {
            if (!Fields.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add(new FieldError(name, $"An entry has no field '{name}'; its fields are {string.Join(", ", Fields)}."));
            }
        }

        var sent = body.Select(p => p.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var missing = current is null ? Fields.Where(f => !sent.Contains(f)) : Fields.Take(1).Where(f => !sent.Contains(f));
        errors.AddRange(missing.Select(f => new FieldError(f, current is null
            ? $"A PUT replaces the whole entry, and '{f}' is missing: send it (null to leave it empty), or send a PATCH with only the fields to change."
            : "Send the version the edit started from, as read from the entry.")));
        return errors.Count > 0 ? Result.Invalid(errors) : request with { Activities = request.Activities ?? [] };
    }

    private static JsonObject Merge(JsonObject target, JsonObject patch)
    {
        foreach (var (name, value) in patch)
        {
            // A name the entry does not have is kept, to be refused by name.
            var key = target.Select(p => p.Key).FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase)) ?? name;
            target[key] = value?.DeepClone();
        }

        return target;
    }

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

        if (Indicators?.Count > RequestLimits.Codes)
        {
            errors.Add(new FieldError(nameof(Indicators), string.Format(System.Globalization.CultureInfo.InvariantCulture, RequestLimits.TooMany, "", RequestLimits.Codes)));
            return Result.Invalid(errors);
        }

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
