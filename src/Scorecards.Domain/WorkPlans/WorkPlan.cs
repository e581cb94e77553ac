using Scorecards.Domain.Activities;
using Scorecards.Domain.Scorecards;

namespace Scorecards.Domain.WorkPlans;

public enum WorkPlanItemStatus
{
    NotStarted,
    UnderWay,
    Delivered,
    Dropped,
}

/// <summary>A body's forward work plan, such as WG-TIP's 2024–26 Forward Work Plan.</summary>
public sealed class WorkPlan
{
    private readonly List<WorkPlanItem> _items = [];

    private WorkPlan()
    {
        Title = "";
    }

    public WorkPlan(int bodyId, string title, DateOnly startDate, DateOnly endDate)
    {
        BodyId = bodyId;
        Title = title;
        StartDate = startDate;
        EndDate = endDate;
    }

    public int Id { get; private set; }
    public int BodyId { get; private set; }
    public string Title { get; private set; }
    public DateOnly StartDate { get; private set; }
    public DateOnly EndDate { get; private set; }
    public string? Description { get; private set; }
    public IReadOnlyList<WorkPlanItem> Items => _items;

    public static IReadOnlyList<FieldError> Check(string? title, DateOnly? start, DateOnly? end)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(title))
        {
            errors.Add(new FieldError("Title", "Name the work plan, such as \"2024–26 Forward Work Plan\"."));
        }
        else if (title.Length > 300)
        {
            errors.Add(new FieldError("Title", "The name is longer than 300 characters."));
        }

        if (start is null)
        {
            errors.Add(new FieldError("StartDate", "Give the first day the plan covers (YYYY-MM-DD)."));
        }

        if (end is null)
        {
            errors.Add(new FieldError("EndDate", "Give the last day the plan covers (YYYY-MM-DD)."));
        }
        else if (start is { } s && end < s)
        {
            errors.Add(new FieldError("EndDate", $"The plan ends ({end:yyyy-MM-dd}) before it starts ({s:yyyy-MM-dd})."));
        }

        return errors;
    }

    /// <summary>Renames the plan or changes its period; a period that would leave an item's target outside it is refused.</summary>
    public Result Change(string? title, DateOnly? start, DateOnly? end, string? description)
    {
        var errors = Check(title, start, end);
        if (errors.Count == 0 && _items.Exists(i => i.TargetStart < start || i.TargetEnd > end))
        {
            errors = [new FieldError(nameof(StartDate), "Some items' target periods fall outside that period; change them first.")];
        }

        if (errors.Count > 0)
        {
            return Result.Invalid("workplan.invalid", errors);
        }

        Title = title!.Trim();
        StartDate = start!.Value;
        EndDate = end!.Value;
        Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        return Result.Ok();
    }

    public WorkPlanItem AddItem(string title)
    {
        var item = new WorkPlanItem(title, _items.Count == 0 ? 1 : _items.Max(i => i.Number) + 1);
        _items.Add(item);
        return item;
    }
}

/// <summary>What a person sets on a work plan item in one save.</summary>
public sealed record WorkPlanItemValues(string? Title, string? Description, DateOnly? TargetStart, DateOnly? TargetEnd,
    IReadOnlyList<int> ObjectiveIds, IReadOnlyList<int> ActivityIds)
{
    public IReadOnlyList<FieldError> Validate(DateOnly planStart, DateOnly planEnd)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(Title))
        {
            errors.Add(new FieldError(nameof(Title), "Say what the item plans to do."));
        }
        else if (Title.Length > 300)
        {
            errors.Add(new FieldError(nameof(Title), "The title is longer than 300 characters."));
        }

        if (Description?.Length > 4000)
        {
            errors.Add(new FieldError(nameof(Description), "The description is longer than 4,000 characters."));
        }

        if (TargetStart is null || TargetEnd is null)
        {
            errors.Add(new FieldError(TargetStart is null ? nameof(TargetStart) : nameof(TargetEnd), "Give the target period: its first and last day (YYYY-MM-DD)."));
        }
        else if (TargetEnd < TargetStart)
        {
            errors.Add(new FieldError(nameof(TargetEnd), $"The target period ends ({TargetEnd:yyyy-MM-dd}) before it starts ({TargetStart:yyyy-MM-dd})."));
        }
        else if (TargetStart < planStart || TargetEnd > planEnd)
        {
            errors.Add(new FieldError(nameof(TargetStart), $"The target period must lie within the plan's period, {planStart:yyyy-MM-dd} to {planEnd:yyyy-MM-dd}."));
        }

        return errors;
    }
}

/// <summary>
/// One planned item of a work plan. Its status follows the activities linked to it, unless a reporter sets
/// it by hand, which needs a reason (for instance, dropped because funding ended).
/// </summary>
public sealed class WorkPlanItem
{
    private readonly List<WorkPlanItemObjective> _objectives = [];
    private readonly List<WorkPlanItemActivity> _activities = [];

    private WorkPlanItem()
    {
        Title = "";
    }

    internal WorkPlanItem(string title, int number)
    {
        Title = title;
        Number = number;
    }

    public int Id { get; private set; }
    public int WorkPlanId { get; private set; }
    public int Number { get; private set; }
    public string Title { get; private set; }
    public string? Description { get; private set; }
    public DateOnly TargetStart { get; private set; }
    public DateOnly TargetEnd { get; private set; }
    public WorkPlanItemStatus? StatusOverride { get; private set; }
    public string? OverrideReason { get; private set; }
    public IReadOnlyList<WorkPlanItemObjective> Objectives => _objectives;
    public IReadOnlyList<WorkPlanItemActivity> Activities => _activities;

    public static string Label(WorkPlanItemStatus status) => status switch
    {
        WorkPlanItemStatus.NotStarted => "Not started",
        WorkPlanItemStatus.UnderWay => "Under way",
        _ => status.ToString(),
    };

    /// <summary>
    /// The status its activities give it: none (or only cancelled ones) is not started; any still planned is
    /// under way; otherwise, with at least one delivered, delivered.
    /// </summary>
    public static WorkPlanItemStatus Derive(IEnumerable<ActivityStatus> activities)
    {
        var live = activities.Where(s => s != ActivityStatus.Cancelled).ToList();
        return live.Count == 0 ? WorkPlanItemStatus.NotStarted
            : live.Contains(ActivityStatus.Planned) ? WorkPlanItemStatus.UnderWay
            : WorkPlanItemStatus.Delivered;
    }

    public WorkPlanItemStatus StatusFrom(IEnumerable<ActivityStatus> activities) => StatusOverride ?? Derive(activities);

    public Result Apply(WorkPlanItemValues values, DateOnly planStart, DateOnly planEnd)
    {
        var errors = values.Validate(planStart, planEnd);
        if (errors.Count > 0)
        {
            return Result.Invalid("workplan.item.invalid", errors);
        }

        Title = values.Title!.Trim();
        Description = string.IsNullOrWhiteSpace(values.Description) ? null : values.Description.Trim();
        TargetStart = values.TargetStart!.Value;
        TargetEnd = values.TargetEnd!.Value;
        var objectives = values.ObjectiveIds.ToHashSet();
        _objectives.RemoveAll(o => !objectives.Contains(o.ObjectiveId));
        _objectives.AddRange(objectives.Where(id => !_objectives.Exists(o => o.ObjectiveId == id)).Select(id => new WorkPlanItemObjective(id)));
        var activities = values.ActivityIds.ToHashSet();
        _activities.RemoveAll(a => !activities.Contains(a.ActivityId));
        _activities.AddRange(activities.Where(id => !_activities.Exists(a => a.ActivityId == id)).Select(id => new WorkPlanItemActivity(id)));
        return Result.Ok();
    }

    /// <summary>Sets the status by hand, with a reason; null returns it to following its activities.</summary>
    public Result Override(WorkPlanItemStatus? status, string? reason)
    {
        if (status is null)
        {
            StatusOverride = null;
            OverrideReason = null;
            return Result.Ok();
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Result.Invalid("workplan.item.reason", [new FieldError("Reason", $"Say why the item is '{Label(status.Value)}' although its activities say otherwise.")]);
        }

        if (reason.Length > 1000)
        {
            return Result.Invalid("workplan.item.reason", [new FieldError("Reason", "The reason is longer than 1,000 characters.")]);
        }

        StatusOverride = status;
        OverrideReason = reason.Trim();
        return Result.Ok();
    }
}

public sealed class WorkPlanItemObjective(int objectiveId)
{
    public int WorkPlanItemId { get; private set; }
    public int ObjectiveId { get; private set; } = objectiveId;
}

public sealed class WorkPlanItemActivity(int activityId)
{
    public int WorkPlanItemId { get; private set; }
    public int ActivityId { get; private set; } = activityId;
}
