namespace Scorecards.Domain.Scorecards;

/// <summary>A problem with one field of a form or request body.</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>What a reporter sets on an entry in one save.</summary>
public sealed record EntryValues(
    Completion? Completion,
    string? NotApplicableReason,
    Trajectory? Trajectory,
    Effect? Effect,
    string? Progress,
    string? Challenges,
    string? SupportNeeded,
    string? NextSteps,
    IReadOnlyList<string> Links,
    IReadOnlyList<IndicatorValueInput> IndicatorValues,
    IReadOnlyList<int>? ActivityIds = null)
{
    public const int MaxCitations = 50;

    public const int MaxNarrativeLength = 8000;
    public const int MaxLinks = 20;
    public const int MaxReasonLength = 1000;

    /// <param name="checkMarkup">The reason a narrative's markup cannot be kept, or null when it can; the renderer knows.</param>
    public IReadOnlyList<FieldError> Validate(Func<string, string?>? checkMarkup = null)
    {
        var errors = new List<FieldError>();
        if (Completion == Scorecards.Completion.NotApplicable && string.IsNullOrWhiteSpace(NotApplicableReason))
        {
            errors.Add(new FieldError(nameof(NotApplicableReason), "Say why the objective is not applicable this round."));
        }

        if (NotApplicableReason?.Length > MaxReasonLength)
        {
            errors.Add(new FieldError(nameof(NotApplicableReason), $"The reason is {NotApplicableReason.Length} characters long; at most {MaxReasonLength} are allowed."));
        }

        Narrative(errors, nameof(Progress), Progress, checkMarkup);
        Narrative(errors, nameof(Challenges), Challenges, checkMarkup);
        Narrative(errors, nameof(SupportNeeded), SupportNeeded, checkMarkup);
        Narrative(errors, nameof(NextSteps), NextSteps, checkMarkup);

        if (ActivityIds?.Count > MaxCitations)
        {
            errors.Add(new FieldError(nameof(ActivityIds), $"{ActivityIds.Count} activities are cited; at most {MaxCitations} are allowed."));
        }

        if (Links.Count > MaxLinks)
        {
            errors.Add(new FieldError(nameof(Links), $"There are {Links.Count} links; at most {MaxLinks} are allowed."));
        }

        for (var i = 0; i < Links.Count; i++)
        {
            if (!Uri.TryCreate(Links[i], UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                errors.Add(new FieldError(nameof(Links), $"Link {i + 1} ('{Links[i]}') is not a web address starting with http:// or https://."));
            }
        }

        return errors;
    }

    private static void Narrative(List<FieldError> errors, string field, string? text, Func<string, string?>? checkMarkup)
    {
        if (text?.Length > MaxNarrativeLength)
        {
            errors.Add(new FieldError(field, $"The text is {text.Length} characters long; at most {MaxNarrativeLength} are allowed."));
        }
        else if (text is not null && checkMarkup?.Invoke(text) is { } problem)
        {
            errors.Add(new FieldError(field, problem));
        }
    }
}

public sealed record IndicatorValueInput(int IndicatorId, decimal? Actual, bool? MilestoneReached, string? Note);

/// <summary>A body's assessment of one objective in one round.</summary>
public sealed class Entry
{
    private readonly List<IndicatorValue> _indicatorValues = [];
    private readonly List<Citation> _citations = [];

    private Entry()
    {
    }

    public Entry(int objectiveId)
    {
        ObjectiveId = objectiveId;
    }

    public int Id { get; private set; }
    public int ScorecardId { get; private set; }
    public Scorecard? Scorecard { get; private set; }
    public int ObjectiveId { get; private set; }
    public Completion? Completion { get; private set; }
    public string? NotApplicableReason { get; private set; }
    public Trajectory? Trajectory { get; private set; }
    public Effect? Effect { get; private set; }
    public string? Progress { get; private set; }
    public string? Challenges { get; private set; }
    public string? SupportNeeded { get; private set; }
    public string? NextSteps { get; private set; }

    /// <summary>Web addresses, one per line.</summary>
    public string? Links { get; private set; }

    /// <summary>Copied from the last approved entry when the round opened, and not yet edited or confirmed in this round.</summary>
    public bool IsCarriedOver { get; private set; }

    /// <summary>A reporter confirmed the carried-over entry as still accurate this round, without changing it.</summary>
    public bool CarryOverConfirmed { get; private set; }

    /// <summary>Counts saves, so that two saves that start from the same version cannot both land.</summary>
    public int Version { get; private set; } = 1;
    public DateTime? UpdatedUtc { get; private set; }
    public string? UpdatedBy { get; private set; }
    public IReadOnlyList<IndicatorValue> IndicatorValues => _indicatorValues;

    /// <summary>The activities cited as evidence for this entry.</summary>
    public IReadOnlyList<Citation> Citations => _citations;

    public bool IsNotApplicable => Completion == Scorecards.Completion.NotApplicable;

    /// <summary>Rated or confirmed in this round: a carried-over rating not yet reviewed does not count.</summary>
    public bool IsRatedThisRound => Completion is not null && !IsCarriedOver;

    public IReadOnlyList<string> LinkList =>
        string.IsNullOrWhiteSpace(Links) ? [] : Links.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public EntryValues Values => new(Completion, NotApplicableReason, Trajectory, Effect, Progress, Challenges, SupportNeeded, NextSteps,
        LinkList, _indicatorValues.Select(v => new IndicatorValueInput(v.IndicatorId, v.Actual, v.MilestoneReached, v.Note)).ToList(),
        _citations.Select(c => c.ActivityId).ToList());

    /// <summary>What this entry still lacks before its scorecard can be submitted.</summary>
    public IReadOnlyList<string> Missing()
    {
        var missing = new List<string>();
        if (Completion is null)
        {
            missing.Add("completion is not rated");
            return missing;
        }

        if (IsNotApplicable)
        {
            if (string.IsNullOrWhiteSpace(NotApplicableReason))
            {
                missing.Add("no reason is given for not applicable");
            }

            return missing;
        }

        // Without evidence there is nothing to judge a trajectory by, so it is not asked for.
        if (Trajectory is null && Completion != Scorecards.Completion.NoEvidence)
        {
            missing.Add("trajectory is not rated");
        }

        if (string.IsNullOrWhiteSpace(Progress))
        {
            missing.Add("the progress narrative is empty");
        }

        return missing;
    }

    /// <summary>Applies a reporter's save; the caller has checked the scorecard may be edited and the version matches.</summary>
    public Result Apply(EntryValues values, string by, DateTime nowUtc)
    {
        var errors = values.Validate();
        if (errors.Count > 0)
        {
            return Result.Fail("entry.invalid", "The entry has errors.", errors.Select(e => $"{e.Field}: {e.Message}").ToList());
        }

        Completion = values.Completion;
        NotApplicableReason = values.Completion == Scorecards.Completion.NotApplicable ? Clean(values.NotApplicableReason) : null;
        Trajectory = values.Completion == Scorecards.Completion.NotApplicable ? null : values.Trajectory;
        Effect = values.Completion == Scorecards.Completion.NotApplicable ? null : values.Effect;
        Progress = Clean(values.Progress);
        Challenges = Clean(values.Challenges);
        SupportNeeded = Clean(values.SupportNeeded);
        NextSteps = Clean(values.NextSteps);
        Links = values.Links.Count == 0 ? null : string.Join('\n', values.Links.Select(l => l.Trim()));
        SetIndicatorValues(values.IndicatorValues);
        if (values.ActivityIds is { } cited)
        {
            var wanted = cited.ToHashSet();
            _citations.RemoveAll(c => !wanted.Contains(c.ActivityId));
            _citations.AddRange(wanted.Where(id => !_citations.Exists(c => c.ActivityId == id)).Select(id => new Citation(id)));
        }

        IsCarriedOver = false;
        CarryOverConfirmed = false;
        Version++;
        UpdatedUtc = nowUtc;
        UpdatedBy = by;
        return Result.Ok();
    }

    /// <summary>Makes a carried-over entry this round's, unchanged; the scorecard checks that it may be edited.</summary>
    internal void ConfirmCarriedOver(string by, DateTime nowUtc)
    {
        IsCarriedOver = false;
        CarryOverConfirmed = true;
        Version++;
        UpdatedUtc = nowUtc;
        UpdatedBy = by;
    }

    /// <summary>Starts this round's entry from the last approved one, marked as carried over until edited or confirmed.</summary>
    internal void CarryOverFrom(Entry previous)
    {
        Completion = previous.Completion;
        NotApplicableReason = previous.NotApplicableReason;
        Trajectory = previous.Trajectory;
        Effect = previous.Effect;
        Progress = previous.Progress;
        Challenges = previous.Challenges;
        SupportNeeded = previous.SupportNeeded;
        NextSteps = previous.NextSteps;
        Links = previous.Links;
        SetIndicatorValues(previous.IndicatorValues.Select(v => new IndicatorValueInput(v.IndicatorId, v.Actual, v.MilestoneReached, v.Note)));
        IsCarriedOver = true;
        CarryOverConfirmed = false;
    }

    private void SetIndicatorValues(IEnumerable<IndicatorValueInput> inputs)
    {
        var wanted = inputs.Where(i => i.Actual is not null || i.MilestoneReached is not null || !string.IsNullOrWhiteSpace(i.Note))
            .GroupBy(i => i.IndicatorId).ToDictionary(g => g.Key, g => g.Last());
        _indicatorValues.RemoveAll(v => !wanted.ContainsKey(v.IndicatorId));
        foreach (var (indicatorId, input) in wanted)
        {
            var existing = _indicatorValues.Find(v => v.IndicatorId == indicatorId);
            if (existing is null)
            {
                existing = new IndicatorValue(indicatorId);
                _indicatorValues.Add(existing);
            }

            existing.Set(input.Actual, input.MilestoneReached, Clean(input.Note));
        }
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim().ReplaceLineEndings("\n");
}

/// <summary>That an entry cites an activity as evidence.</summary>
public sealed class Citation(int activityId)
{
    public int EntryId { get; private set; }
    public int ActivityId { get; private set; } = activityId;
}

/// <summary>An indicator's actual value reported in an entry, read against the indicator's baseline and target.</summary>
public sealed class IndicatorValue
{
    private IndicatorValue()
    {
    }

    public IndicatorValue(int indicatorId)
    {
        IndicatorId = indicatorId;
    }

    public int Id { get; private set; }
    public int EntryId { get; private set; }
    public int IndicatorId { get; private set; }
    public decimal? Actual { get; private set; }
    public bool? MilestoneReached { get; private set; }
    public string? Note { get; private set; }

    internal void Set(decimal? actual, bool? milestoneReached, string? note)
    {
        Actual = actual;
        MilestoneReached = milestoneReached;
        Note = note;
    }
}
