using System.Globalization;
using System.Text.RegularExpressions;
using Scorecards.Domain.Scorecards;

namespace Scorecards.Domain.Framework;

/// <summary>Where something is in a framework file: its line and its path, such as focusAreas[1].objectives[0].</summary>
public sealed record FileLocation(int Line, string Path);

/// <summary>One problem in a framework file, named by line, path and field.</summary>
public sealed record FrameworkError(FileLocation Where, string Field, string Message)
{
    public override string ToString()
    {
        var path = string.IsNullOrEmpty(Field) ? Where.Path : (Where.Path.Length == 0 ? Field : $"{Where.Path}.{Field}");
        return path.Length == 0 ? $"line {Where.Line}: {Message}" : $"line {Where.Line}, {path}: {Message}";
    }
}

/// <summary>A node of a framework file as read, with the line of each field so errors can point at it.</summary>
public abstract record FrameworkNode(FileLocation Where, IReadOnlyDictionary<string, int> FieldLines)
{
    public FileLocation At(string field) =>
        FieldLines.TryGetValue(field, out var line) ? Where with { Line = line } : Where;
}

public sealed record StrategySpec(string? Code, string? Name, string? Description, FileLocation Where, IReadOnlyDictionary<string, int> FieldLines)
    : FrameworkNode(Where, FieldLines);

public sealed record FocusAreaSpec(string? Code, string? Name, string? Description, IReadOnlyList<ObjectiveSpec> Objectives,
    FileLocation Where, IReadOnlyDictionary<string, int> FieldLines) : FrameworkNode(Where, FieldLines);

public sealed record ObjectiveSpec(string? Code, string? Title, string? Description, bool Illustrative, IReadOnlyList<string> Bodies,
    IReadOnlyList<IndicatorSpec> Indicators, FileLocation Where, IReadOnlyDictionary<string, int> FieldLines)
    : FrameworkNode(Where, FieldLines);

public sealed record IndicatorSpec(string? Code, string? Name, string? Kind, string? Unit, string? Baseline, string? Target,
    FileLocation Where, IReadOnlyDictionary<string, int> FieldLines) : FrameworkNode(Where, FieldLines)
{
    public IndicatorKind ParsedKind => Kind?.Trim().ToLowerInvariant() == "milestone" ? IndicatorKind.Milestone : IndicatorKind.Quantitative;

    public decimal? ParsedBaseline => FrameworkRules.ParseNumber(Baseline);

    public decimal? ParsedTarget => FrameworkRules.ParseNumber(Target);
}

/// <summary>A whole framework as it stands in a file: one strategy, its focus areas, objectives and indicators.</summary>
public sealed record FrameworkDocument(StrategySpec Strategy, IReadOnlyList<FocusAreaSpec> FocusAreas);

/// <summary>The rules a framework file must meet before any of it is applied.</summary>
public static partial class FrameworkRules
{
    public const int MaxTitleLength = 300;
    public const int MaxDescriptionLength = 4000;
    public const int MaxUnitLength = 100;

    /// <summary>Far more than any strategy has (the Adelaide Strategy: 8 areas, 25 objectives); a file beyond them is a mistake.</summary>
    public const int MaxFocusAreas = 50;
    public const int MaxObjectives = 2000;
    public const int MaxIndicators = 10_000;

    [GeneratedRegex("^[A-Z][A-Z0-9]{0,11}$")]
    private static partial Regex FocusAreaCodePattern();

    [GeneratedRegex("^[A-Z][A-Z0-9]{0,11}(-[A-Z0-9]{1,8}){1,3}$")]
    private static partial Regex ObjectiveCodePattern();

    [GeneratedRegex("^[A-Z0-9][A-Z0-9.\\-]{0,23}$")]
    private static partial Regex IndicatorCodePattern();

    public static bool IsFocusAreaCode(string? code) => code is not null && FocusAreaCodePattern().IsMatch(code);

    public static bool IsObjectiveCode(string? code) => code is not null && ObjectiveCodePattern().IsMatch(code);

    public static bool IsIndicatorCode(string? code) => code is not null && IndicatorCodePattern().IsMatch(code);

    public static decimal? ParseNumber(string? text) =>
        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>Every error in the document, in file order; an empty list means it may be applied.</summary>
    public static IReadOnlyList<FrameworkError> Validate(FrameworkDocument document, IReadOnlySet<string> knownBodyCodes)
    {
        var errors = new List<FrameworkError>();
        var strategy = document.Strategy;
        var objectiveCount = document.FocusAreas.Sum(a => a.Objectives.Count);
        var indicatorCount = document.FocusAreas.Sum(a => a.Objectives.Sum(o => o.Indicators.Count));
        if (document.FocusAreas.Count > MaxFocusAreas || objectiveCount > MaxObjectives || indicatorCount > MaxIndicators)
        {
            errors.Add(new FrameworkError(strategy.Where, "focusAreas",
                $"the file has {document.FocusAreas.Count:N0} focus areas, {objectiveCount:N0} objectives and {indicatorCount:N0} indicators; "
                + $"a framework may have at most {MaxFocusAreas:N0}, {MaxObjectives:N0} and {MaxIndicators:N0}."));
            return errors;
        }

        Require(errors, strategy, "code", strategy.Code);
        Require(errors, strategy, "name", strategy.Name);

        if (document.FocusAreas.Count == 0)
        {
            errors.Add(new FrameworkError(strategy.Where with { Path = "focusAreas" }, "", "the framework has no focus areas; at least one is needed."));
        }

        var focusAreaCodes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var objectiveCodes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var indicatorCodes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var area in document.FocusAreas)
        {
            if (Require(errors, area, "code", area.Code))
            {
                if (!IsFocusAreaCode(area.Code))
                {
                    errors.Add(new FrameworkError(area.At("code"), "code", $"'{area.Code}' is not a focus area code: use 1–12 capital letters or digits, starting with a letter, such as LE."));
                }
                else if (!focusAreaCodes.Add(area.Code!))
                {
                    errors.Add(new FrameworkError(area.At("code"), "code", $"focus area code '{area.Code}' is used twice."));
                }
            }

            Require(errors, area, "name", area.Name, MaxTitleLength);
            MaxLength(errors, area, "description", area.Description, MaxDescriptionLength);

            foreach (var objective in area.Objectives)
            {
                ValidateObjective(errors, objective, objectiveCodes, indicatorCodes, knownBodyCodes);
            }
        }

        errors.AddRange(UnknownBodies(document, knownBodyCodes));
        return [.. errors.OrderBy(e => e.Where.Line)];
    }

    /// <summary>
    /// Each body the file names that does not exist, once, where it is first named, with the other objectives that name it and
    /// the bodies there are — or, when there are none yet, that they come first.
    /// </summary>
    private static IEnumerable<FrameworkError> UnknownBodies(FrameworkDocument document, IReadOnlySet<string> knownBodyCodes)
    {
        var known = knownBodyCodes.Count == 0
            ? "there are no reporting bodies yet: add them before a framework that assigns objectives to them."
            : $"known bodies are {string.Join(", ", knownBodyCodes.Order(StringComparer.Ordinal))}.";
        return document.FocusAreas.SelectMany(a => a.Objectives)
            .SelectMany(o => o.Bodies.Where(b => !knownBodyCodes.Contains(b)).Distinct(StringComparer.OrdinalIgnoreCase).Select(b => (Body: b, Objective: o)))
            .GroupBy(x => x.Body, StringComparer.OrdinalIgnoreCase)
            .Select(g =>
            {
                var others = g.Skip(1).Select(x => x.Objective.Code).ToList();
                var also = others.Count == 0 ? "" : $" (also named by {string.Join(", ", others.Take(5))}{(others.Count > 5 ? $" and {others.Count - 5} more" : "")})";
                return new FrameworkError(g.First().Objective.At("bodies"), "bodies", $"'{g.Key}' is not a reporting body{also}; {known}");
            });
    }

    private static void ValidateObjective(List<FrameworkError> errors, ObjectiveSpec objective, HashSet<string> objectiveCodes,
        HashSet<string> indicatorCodes, IReadOnlySet<string> knownBodyCodes)
    {
        if (Require(errors, objective, "code", objective.Code))
        {
            if (!IsObjectiveCode(objective.Code))
            {
                errors.Add(new FrameworkError(objective.At("code"), "code", $"'{objective.Code}' is not an objective code: use capitals and digits joined by hyphens, such as LE-1."));
            }
            else if (!objectiveCodes.Add(objective.Code!))
            {
                errors.Add(new FrameworkError(objective.At("code"), "code", $"objective code '{objective.Code}' is used twice."));
            }
        }

        Require(errors, objective, "title", objective.Title, MaxTitleLength);
        MaxLength(errors, objective, "description", objective.Description, MaxDescriptionLength);

        var bodies = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var body in objective.Bodies)
        {
            if (!knownBodyCodes.Contains(body))
            {
                continue; // Said once for the whole file, by UnknownBodies.
            }

            if (!bodies.Add(body))
            {
                errors.Add(new FrameworkError(objective.At("bodies"), "bodies", $"body '{body}' is listed twice."));
            }
        }

        foreach (var indicator in objective.Indicators)
        {
            if (Require(errors, indicator, "code", indicator.Code))
            {
                if (!IsIndicatorCode(indicator.Code))
                {
                    errors.Add(new FrameworkError(indicator.At("code"), "code", $"'{indicator.Code}' is not an indicator code: use capitals, digits, dots and hyphens, such as LE-1.1."));
                }
                else if (!indicatorCodes.Add(indicator.Code!))
                {
                    errors.Add(new FrameworkError(indicator.At("code"), "code", $"indicator code '{indicator.Code}' is used twice."));
                }
            }

            Require(errors, indicator, "name", indicator.Name, MaxTitleLength);
            if (indicator.Kind is { } kind && kind.Trim().ToLowerInvariant() is not ("quantitative" or "milestone"))
            {
                errors.Add(new FrameworkError(indicator.At("kind"), "kind", $"'{kind}' is not an indicator kind: use quantitative or milestone."));
            }

            Number(errors, indicator, "baseline", indicator.Baseline);
            Number(errors, indicator, "target", indicator.Target);
        }
    }

    /// <summary>
    /// The one rule for a text field of the framework, in a file or a form: present when required, and not longer than
    /// its limit. Null when the text is fine; otherwise what is wrong, as the end of a sentence ("is required.").
    /// </summary>
    public static string? TextError(string? value, bool required, int maxLength) =>
        string.IsNullOrWhiteSpace(value) ? (required ? "is required." : null)
        : value.Length > maxLength ? $"is {value.Length} characters long; at most {maxLength} are allowed."
        : null;

    /// <summary>The rule for a number written as text (a baseline or target): empty, or a number.</summary>
    public static string? NumberError(string? value) =>
        !string.IsNullOrWhiteSpace(value) && ParseNumber(value) is null ? $"'{value}' is not a number." : null;

    /// <summary>A focus area's fields, as a form sends them; the names are the entity's.</summary>
    public static IReadOnlyList<FieldError> CheckFocusArea(string? name, string? description) =>
        Errors(Name(name), Description(description));

    public static IReadOnlyList<FieldError> CheckObjective(string? title, string? description) =>
        Errors(string.IsNullOrWhiteSpace(title) ? new FieldError("Title", "The title is required.")
            : title.Length > MaxTitleLength ? new FieldError("Title", $"The title is {title.Length} characters long; at most {MaxTitleLength} are allowed.") : null,
            Description(description));

    public static IReadOnlyList<FieldError> CheckIndicator(string? name, string? unit, string? baseline, string? target) =>
        Errors(Name(name),
            unit?.Length > MaxUnitLength ? new FieldError("Unit", $"The unit is {unit.Length} characters long; at most {MaxUnitLength} are allowed.") : null,
            NumberError(baseline) is { } b ? new FieldError("Baseline", b) : null,
            NumberError(target) is { } t ? new FieldError("Target", t) : null);

    private static FieldError? Name(string? name) =>
        string.IsNullOrWhiteSpace(name) ? new FieldError("Name", "The name is required.")
        : name.Length > MaxTitleLength ? new FieldError("Name", $"The name is {name.Length} characters long; at most {MaxTitleLength} are allowed.") : null;

    private static FieldError? Description(string? description) =>
        description?.Length > MaxDescriptionLength
            ? new FieldError("Description", $"The description is {description.Length} characters long; at most {MaxDescriptionLength} are allowed.")
            : null;

    private static IReadOnlyList<FieldError> Errors(params FieldError?[] errors) => errors.OfType<FieldError>().ToList();

    private static bool Require(List<FrameworkError> errors, FrameworkNode node, string field, string? value, int maxLength = 100) =>
        Text(errors, node, field, value, required: true, maxLength);

    private static bool MaxLength(List<FrameworkError> errors, FrameworkNode node, string field, string? value, int maxLength) =>
        Text(errors, node, field, value, required: false, maxLength);

    private static bool Text(List<FrameworkError> errors, FrameworkNode node, string field, string? value, bool required, int maxLength)
    {
        if (TextError(value, required, maxLength) is not { } error)
        {
            return true;
        }

        errors.Add(new FrameworkError(node.At(field), field, error));
        return false;
    }

    private static void Number(List<FrameworkError> errors, FrameworkNode node, string field, string? value)
    {
        if (NumberError(value) is { } error)
        {
            errors.Add(new FrameworkError(node.At(field), field, error));
        }
    }
}
