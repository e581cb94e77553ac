using Scorecards.Domain.Scorecards;

namespace Scorecards.Domain.Meetings;

public enum MeetingKind
{
    AdHocGroupSom,
    SteeringGroupSom,
    MinisterialConference,
    WorkingGroupMeeting,
    Other,
}

/// <summary>What a person sets on a meeting in one save.</summary>
public sealed record MeetingValues(
    string? Title,
    MeetingKind? Kind,
    DateOnly? StartDate,
    DateOnly? EndDate,
    string? City,
    int? HostMemberId,
    int? BodyId,
    IReadOnlyList<int> ChairMemberIds,
    IReadOnlyList<int> AttendeeMemberIds,
    string? OtherAttendees)
{
    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(Title))
        {
            errors.Add(new FieldError(nameof(Title), "Name the meeting, such as \"18th Ad Hoc Group Senior Officials' Meeting\"."));
        }
        else if (Title.Length > 300)
        {
            errors.Add(new FieldError(nameof(Title), $"The name is {Title.Length} characters long; at most 300 are allowed."));
        }

        if (Kind is null)
        {
            errors.Add(new FieldError(nameof(Kind), "Choose what kind of meeting it is."));
        }

        if (StartDate is null)
        {
            errors.Add(new FieldError(nameof(StartDate), "Give the day the meeting opens as a date (YYYY-MM-DD)."));
        }

        if (EndDate is { } end && StartDate is { } start && end < start)
        {
            errors.Add(new FieldError(nameof(EndDate), $"The meeting ends ({end:yyyy-MM-dd}) before it opens ({start:yyyy-MM-dd})."));
        }

        if (Kind == MeetingKind.WorkingGroupMeeting && BodyId is null)
        {
            errors.Add(new FieldError(nameof(BodyId), "Choose the body whose meeting it is."));
        }

        if (OtherAttendees?.Length > 2000)
        {
            errors.Add(new FieldError(nameof(OtherAttendees), "The other attendees are longer than 2,000 characters."));
        }

        return errors;
    }
}

/// <summary>A meeting of the Process, who came, who chaired, and the decisions it took.</summary>
public sealed class Meeting
{
    private readonly List<MeetingAttendee> _attendees = [];

    private Meeting()
    {
        Title = "";
    }

    public Meeting(string title)
    {
        Title = title;
    }

    public int Id { get; private set; }
    public string Title { get; private set; }
    public MeetingKind Kind { get; private set; }
    public DateOnly StartDate { get; private set; }
    public DateOnly EndDate { get; private set; }
    public string? City { get; private set; }

    /// <summary>The member that hosted it.</summary>
    public int? HostMemberId { get; private set; }

    /// <summary>For a working group's meeting, the body.</summary>
    public int? BodyId { get; private set; }

    /// <summary>Attendees that are not members: observers, business representatives, the RSO's co-managers.</summary>
    public string? OtherAttendees { get; private set; }
    public IReadOnlyList<MeetingAttendee> Attendees => _attendees;

    public static string Label(MeetingKind kind) => kind switch
    {
        MeetingKind.AdHocGroupSom => "Ad Hoc Group Senior Officials' Meeting",
        MeetingKind.SteeringGroupSom => "Steering Group Senior Officials' Meeting",
        MeetingKind.MinisterialConference => "Ministerial Conference",
        MeetingKind.WorkingGroupMeeting => "Working group meeting",
        _ => "Other",
    };

    /// <summary>How a round or paper names the meeting: "18th Ad Hoc Group Senior Officials' Meeting, Bangkok, 21 May 2025".</summary>
    public string Describe()
    {
        var days = EndDate == StartDate ? StartDate.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)
            : StartDate.Year == EndDate.Year && StartDate.Month == EndDate.Month
                ? $"{StartDate.Day}–{EndDate.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}"
                : $"{StartDate.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)} – {EndDate.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}";
        var text = City is null ? $"{Title}, {days}" : $"{Title}, {City}, {days}";
        return text.Length <= MaxDescription ? text : Title[..Math.Min(Title.Length, MaxDescription)];
    }

    /// <summary>The longest description a round keeps.</summary>
    public const int MaxDescription = 300;

    public Result Apply(MeetingValues values)
    {
        var errors = values.Validate();
        if (errors.Count > 0)
        {
            return Result.Invalid("meeting.invalid", errors);
        }

        Title = values.Title!.Trim();
        Kind = values.Kind!.Value;
        StartDate = values.StartDate!.Value;
        EndDate = values.EndDate ?? values.StartDate!.Value;
        City = string.IsNullOrWhiteSpace(values.City) ? null : values.City.Trim();
        HostMemberId = values.HostMemberId;
        BodyId = values.BodyId;
        OtherAttendees = string.IsNullOrWhiteSpace(values.OtherAttendees) ? null : values.OtherAttendees.Trim();

        // A chair attends; each member appears once.
        var chairs = values.ChairMemberIds.ToHashSet();
        var wanted = values.AttendeeMemberIds.Concat(chairs).ToHashSet();
        _attendees.RemoveAll(a => !wanted.Contains(a.MemberId));
        foreach (var id in wanted)
        {
            var existing = _attendees.Find(a => a.MemberId == id);
            if (existing is null)
            {
                _attendees.Add(new MeetingAttendee(id, chairs.Contains(id)));
            }
            else
            {
                existing.IsChair = chairs.Contains(id);
            }
        }

        return Result.Ok();
    }
}

public sealed class MeetingAttendee(int memberId, bool isChair)
{
    public int MeetingId { get; private set; }
    public int MemberId { get; private set; } = memberId;
    public bool IsChair { get; internal set; } = isChair;
}
