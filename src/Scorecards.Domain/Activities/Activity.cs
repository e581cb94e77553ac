using System.Linq.Expressions;
using Scorecards.Domain.Scorecards;

namespace Scorecards.Domain.Activities;

public enum ActivityKind
{
    Meeting,
    Workshop,
    Training,
    TabletopExercise,
    Research,
    Secondment,
    Campaign,
    Summit,
    Other,
}

public enum ActivityStatus
{
    Planned,
    Delivered,
    Cancelled,
}

/// <summary>What a person sets on an activity in one save.</summary>
public sealed record ActivityValues(
    string? Title,
    ActivityKind? Kind,
    DateOnly? StartDate,
    DateOnly? EndDate,
    string? City,
    int? MemberId,
    int? LeadBodyId,
    string? PartnerOrganisations,
    string? Outputs,
    int? Participants,
    IReadOnlyList<string> Links,
    ActivityStatus? Status,
    IReadOnlyList<int> PartnerMemberIds,
    IReadOnlyList<int> FocusAreaIds,
    IReadOnlyList<int> ObjectiveIds,
    DatePrecision? DatePrecision = null)
{
    /// <summary>The precision given, or the one a plain pair of dates says.</summary>
    public DatePrecision Precision => DatePrecision ?? (StartDate is { } start ? ActivityDates.Infer(start, EndDate) : Activities.DatePrecision.Day);

    public const int MaxTitleLength = 300;
    public const int MaxTextLength = 4000;

    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(Title))
        {
            errors.Add(new FieldError(nameof(Title), "Give the activity a title, such as \"D-WG annual meeting\"."));
        }
        else if (Title.Length > MaxTitleLength)
        {
            errors.Add(new FieldError(nameof(Title), $"The title is {Title.Length} characters long; at most {MaxTitleLength} are allowed."));
        }

        if (Kind is null)
        {
            errors.Add(new FieldError(nameof(Kind), "Choose what kind of activity it is."));
        }

        if (StartDate is null)
        {
            errors.Add(new FieldError(nameof(StartDate), "Give the first day as a date (YYYY-MM-DD)."));
        }

        if (DatePrecision is { } given && !Enum.IsDefined(given))
        {
            errors.Add(new FieldError(nameof(DatePrecision), "Choose how precisely the dates are known: day, days, month, quarter, year or undated."));
        }
        else if (StartDate is { } start && ActivityDates.Problem(Precision, start, EndDate) is { } problem)
        {
            errors.Add(new FieldError(nameof(EndDate), problem));
        }

        if (LeadBodyId is null)
        {
            errors.Add(new FieldError(nameof(LeadBodyId), "Choose the body that leads the activity."));
        }

        if (Status is null)
        {
            errors.Add(new FieldError(nameof(Status), "Choose whether the activity is planned, delivered or cancelled."));
        }

        if (Participants is < 0)
        {
            errors.Add(new FieldError(nameof(Participants), "The number of participants cannot be negative."));
        }

        if (City?.Length > 200)
        {
            errors.Add(new FieldError(nameof(City), "The city is longer than 200 characters."));
        }

        if (PartnerOrganisations?.Length > MaxTextLength || Outputs?.Length > MaxTextLength)
        {
            errors.Add(new FieldError(PartnerOrganisations?.Length > MaxTextLength ? nameof(PartnerOrganisations) : nameof(Outputs),
                $"The text is longer than {MaxTextLength} characters."));
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
}

/// <summary>Something a body did or plans to do: the evidence that entries cite.</summary>
public sealed class Activity
{
    private readonly List<ActivityMember> _partnerMembers = [];
    private readonly List<ActivityFocusArea> _focusAreas = [];
    private readonly List<ActivityObjective> _objectives = [];

    private Activity()
    {
        Title = "";
    }

    public Activity(string title)
    {
        Title = title;
    }

    /// <summary>A new, unsaved activity led by the body: what is asked about when someone would start one for it.</summary>
    public static Activity NewFor(int leadBodyId) => new("") { LeadBodyId = leadBodyId };

    /// <summary>
    /// The one rule for "in a period": the activity takes place at least partly between the two days. A query the
    /// database runs, so every page, paper and check asks it the same way.
    /// </summary>
    public static Expression<Func<Activity, bool>> During(DateOnly from, DateOnly to) => a => a.EndDate >= from && a.StartDate <= to;

    public int Id { get; private set; }
    public string Title { get; private set; }
    public ActivityKind Kind { get; private set; }
    public DateOnly StartDate { get; private set; }
    public DateOnly EndDate { get; private set; }

    /// <summary>How precisely the dates are known; a month is stored as its first and last day but always shown as the month.</summary>
    public DatePrecision DatePrecision { get; private set; }

    /// <summary>The dates as people read them: "16–18 July 2024", "November 2024", "Q4 2025", "date not recorded".</summary>
    public string Dates => ActivityDates.Describe(DatePrecision, StartDate, EndDate);
    public string? City { get; private set; }

    /// <summary>The member where it took place, if any (a virtual event has none).</summary>
    public int? MemberId { get; private set; }
    public int LeadBodyId { get; private set; }
    public string? PartnerOrganisations { get; private set; }
    public string? Outputs { get; private set; }
    public int? Participants { get; private set; }
    public string? Links { get; private set; }
    public ActivityStatus Status { get; private set; }

    /// <summary>Archived activities leave the register but stay cited where they were cited; nothing is deleted.</summary>
    public bool IsArchived { get; private set; }
    public DateTime? UpdatedUtc { get; private set; }
    public IReadOnlyList<ActivityMember> PartnerMembers => _partnerMembers;
    public IReadOnlyList<ActivityFocusArea> FocusAreas => _focusAreas;
    public IReadOnlyList<ActivityObjective> Objectives => _objectives;

    public IReadOnlyList<string> LinkList =>
        string.IsNullOrWhiteSpace(Links) ? [] : Links.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public Result Apply(ActivityValues values, DateTime nowUtc)
    {
        var errors = values.Validate();
        if (errors.Count > 0)
        {
            return Result.Invalid("activity.invalid", errors);
        }

        Title = values.Title!.Trim();
        Kind = values.Kind!.Value;
        DatePrecision = values.Precision;
        (StartDate, EndDate) = ActivityDates.Bounds(DatePrecision, values.StartDate!.Value, values.EndDate);
        City = Clean(values.City);
        MemberId = values.MemberId;
        LeadBodyId = values.LeadBodyId!.Value;
        PartnerOrganisations = Clean(values.PartnerOrganisations);
        Outputs = Clean(values.Outputs);
        Participants = values.Participants;
        Links = JoinLinks(values.Links);
        Status = values.Status!.Value;
        Sync(_partnerMembers, values.PartnerMemberIds, x => x.MemberId, id => new ActivityMember(id));
        Sync(_focusAreas, values.FocusAreaIds, x => x.FocusAreaId, id => new ActivityFocusArea(id));
        Sync(_objectives, values.ObjectiveIds, x => x.ObjectiveId, id => new ActivityObjective(id));
        UpdatedUtc = nowUtc;
        return Result.Ok();
    }

    /// <summary>Whether saving these (valid) values would leave the activity as it is.</summary>
    public bool Matches(ActivityValues values) =>
        Title == values.Title?.Trim() && Kind == values.Kind && DatePrecision == values.Precision
        && (StartDate, EndDate) == ActivityDates.Bounds(values.Precision, values.StartDate!.Value, values.EndDate)
        && City == Clean(values.City) && MemberId == values.MemberId && LeadBodyId == values.LeadBodyId
        && PartnerOrganisations == Clean(values.PartnerOrganisations) && Outputs == Clean(values.Outputs) && Participants == values.Participants
        && Links == JoinLinks(values.Links) && Status == values.Status
        && _partnerMembers.Select(x => x.MemberId).ToHashSet().SetEquals(values.PartnerMemberIds)
        && _focusAreas.Select(x => x.FocusAreaId).ToHashSet().SetEquals(values.FocusAreaIds)
        && _objectives.Select(x => x.ObjectiveId).ToHashSet().SetEquals(values.ObjectiveIds);

    public void Archive() => IsArchived = true;

    public void Restore() => IsArchived = false;

    public static string Label(ActivityKind kind) => kind switch
    {
        ActivityKind.TabletopExercise => "Tabletop exercise",
        _ => kind.ToString(),
    };

    private static void Sync<T>(List<T> list, IEnumerable<int> wanted, Func<T, int> key, Func<int, T> create)
    {
        var ids = wanted.Distinct().ToHashSet();
        list.RemoveAll(x => !ids.Contains(key(x)));
        list.AddRange(ids.Where(id => !list.Exists(x => key(x) == id)).Select(create));
    }

    private static string? JoinLinks(IReadOnlyList<string> links) => links.Count == 0 ? null : string.Join('\n', links.Select(l => l.Trim()));

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim().ReplaceLineEndings("\n");
}

public sealed class ActivityMember(int memberId)
{
    public int ActivityId { get; private set; }
    public int MemberId { get; private set; } = memberId;
}

public sealed class ActivityFocusArea(int focusAreaId)
{
    public int ActivityId { get; private set; }
    public int FocusAreaId { get; private set; } = focusAreaId;
}

public sealed class ActivityObjective(int objectiveId)
{
    public int ActivityId { get; private set; }
    public int ObjectiveId { get; private set; } = objectiveId;
}
