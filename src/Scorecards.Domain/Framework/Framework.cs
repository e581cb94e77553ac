namespace Scorecards.Domain.Framework;

/// <summary>A strategy the bodies report against, such as the 2023 Adelaide Strategy for Cooperation.</summary>
public sealed class Strategy
{
    private Strategy()
    {
        Code = "";
        Name = "";
    }

    public Strategy(string code, string name)
    {
        Code = code;
        Name = name;
    }

    public int Id { get; private set; }
    public string Code { get; set; }
    public string Name { get; set; }
    public string? Description { get; set; }
}

/// <summary>An area of focus of a strategy, such as law enforcement.</summary>
public sealed class FocusArea
{
    private FocusArea()
    {
        Code = "";
        Name = "";
    }

    public FocusArea(int strategyId, string code, string name)
    {
        StrategyId = strategyId;
        Code = code;
        Name = name;
    }

    public int Id { get; private set; }
    public int StrategyId { get; private set; }
    public string Code { get; private set; }
    public string Name { get; private set; }
    public string? Description { get; private set; }

    /// <summary>A retired focus area, dropped from the framework, stays in the rounds that reported on it but leaves open ones.</summary>
    public bool IsRetired { get; private set; }
    public int SortOrder { get; private set; }

    /// <summary>Keeps the area in the framework, at this place in its order.</summary>
    public void Place(int sortOrder)
    {
        SortOrder = sortOrder;
        IsRetired = false;
    }

    public void Retire() => IsRetired = true;

    /// <summary>Renames the area or changes its description, by the framework's rules for text.</summary>
    public Result Change(string? name, string? description)
    {
        var errors = FrameworkRules.CheckFocusArea(name, description);
        if (errors.Count > 0)
        {
            return Result.Invalid(errors);
        }

        Name = name!.Trim();
        Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        return Result.Ok();
    }
}

/// <summary>A commitment the bodies act on, with a short code such as LE-1.</summary>
public sealed class Objective
{
    private Objective()
    {
        Code = "";
        Title = "";
    }

    public Objective(int focusAreaId, string code, string title)
    {
        FocusAreaId = focusAreaId;
        Code = code;
        Title = title;
    }

    public int Id { get; private set; }
    public int FocusAreaId { get; private set; }
    public string Code { get; private set; }
    public string Title { get; private set; }
    public string? Description { get; private set; }

    /// <summary>True for demo objectives written to illustrate the product, not the Strategy's text.</summary>
    public bool IsIllustrative { get; private set; }

    /// <summary>A retired objective keeps its history but is no longer reported on.</summary>
    public bool IsRetired { get; private set; }
    public int SortOrder { get; private set; }

    /// <summary>Puts the objective in a focus area, at this place in its order.</summary>
    public void Place(int focusAreaId, int sortOrder, bool illustrative)
    {
        FocusAreaId = focusAreaId;
        SortOrder = sortOrder;
        IsIllustrative = illustrative;
    }

    public void Retire() => IsRetired = true;

    public Result Change(string? title, string? description, bool retired)
    {
        var errors = FrameworkRules.CheckObjective(title, description);
        if (errors.Count > 0)
        {
            return Result.Invalid(errors);
        }

        Title = title!.Trim();
        Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        IsRetired = retired;
        return Result.Ok();
    }
}

public enum IndicatorKind
{
    Quantitative,
    Milestone,
}

/// <summary>An optional measure of an objective: a number against baseline and target, or a milestone.</summary>
public sealed class Indicator
{
    private Indicator()
    {
        Code = "";
        Name = "";
    }

    public Indicator(int objectiveId, string code, string name, IndicatorKind kind)
    {
        ObjectiveId = objectiveId;
        Code = code;
        Name = name;
        Kind = kind;
    }

    public int Id { get; private set; }
    public int ObjectiveId { get; private set; }
    public string Code { get; private set; }
    public string Name { get; private set; }
    public IndicatorKind Kind { get; private set; }
    public string? Unit { get; private set; }
    public decimal? Baseline { get; private set; }
    public decimal? Target { get; private set; }
    public bool IsRetired { get; private set; }
    public int SortOrder { get; private set; }

    /// <summary>Puts the indicator under an objective, at this place in its order.</summary>
    public void Place(int objectiveId, int sortOrder)
    {
        ObjectiveId = objectiveId;
        SortOrder = sortOrder;
    }

    public void Retire() => IsRetired = true;

    /// <summary>Changes the measure, and retires it or brings it back; a milestone has no unit, baseline or target.</summary>
    public Result Change(string? name, IndicatorKind kind, string? unit, string? baseline, string? target, bool retired)
    {
        var errors = FrameworkRules.CheckIndicator(name, unit, baseline, target);
        if (errors.Count > 0)
        {
            return Result.Invalid(errors);
        }

        Name = name!.Trim();
        Kind = kind;
        Unit = string.IsNullOrWhiteSpace(unit) || kind == IndicatorKind.Milestone ? null : unit.Trim();
        Baseline = kind == IndicatorKind.Milestone ? null : FrameworkRules.ParseNumber(baseline);
        Target = kind == IndicatorKind.Milestone ? null : FrameworkRules.ParseNumber(target);
        IsRetired = retired;
        return Result.Ok();
    }
}

/// <summary>That a body reports on an objective ("as applicable").</summary>
public sealed class Assignment
{
    private Assignment()
    {
    }

    public Assignment(int objectiveId, int bodyId)
    {
        ObjectiveId = objectiveId;
        BodyId = bodyId;
    }

    public int ObjectiveId { get; private set; }
    public int BodyId { get; private set; }
}
