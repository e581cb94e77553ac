using System.Text;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Domain.Activities;
using Scorecards.Domain.Meetings;
using Scorecards.Domain.Rounds;
using Scorecards.Domain.Scorecards;
using Scorecards.Domain.WorkPlans;

namespace Scorecards.Web.Features.Audit;

/// <summary>
/// The audit log in the words people use: "Approved by one Co-Chair" rather than ApprovedByOne, "Carried over: yes → no"
/// rather than IsCarriedOver True→False, body and objective codes and people's names rather than keys.
/// </summary>
public sealed class AuditLabels
{
    private readonly IReadOnlyDictionary<int, string> _bodies;
    private readonly IReadOnlyDictionary<int, string> _objectives;
    private readonly IReadOnlyDictionary<int, string> _areas;
    private readonly IReadOnlyDictionary<int, string> _members;
    private readonly IReadOnlyDictionary<string, string> _people;

    private AuditLabels(IReadOnlyDictionary<int, string> bodies, IReadOnlyDictionary<int, string> objectives, IReadOnlyDictionary<int, string> areas,
        IReadOnlyDictionary<int, string> members, IReadOnlyDictionary<string, string> people)
    {
        _bodies = bodies;
        _objectives = objectives;
        _areas = areas;
        _members = members;
        _people = people;
    }

    /// <summary>The names the labels need: bodies, objectives, focus areas, members and people, read once per page.</summary>
    public static async Task<AuditLabels> LoadAsync(AppDbContext db, CancellationToken ct) => new(
        await db.Bodies.AsNoTracking().ToDictionaryAsync(b => b.Id, b => b.Code, ct),
        await db.Objectives.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Code, ct),
        await db.FocusAreas.AsNoTracking().ToDictionaryAsync(f => f.Id, f => f.Code, ct),
        await db.Members.AsNoTracking().ToDictionaryAsync(m => m.Id, m => m.Name, ct),
        await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.DisplayName.Length > 0 ? u.DisplayName : u.Email ?? u.Id, ct));

    /// <summary>Kinds of thing the log records, as the filter offers them.</summary>
    public static readonly IReadOnlyDictionary<string, string> Kinds = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Scorecard"] = "Scorecard",
        ["Entry"] = "Entry",
        ["IndicatorValue"] = "Indicator value",
        ["Citation"] = "Evidence cited",
        ["Round"] = "Round",
        ["Assessment"] = "Co-Chairs' assessment",
        ["StatementDraft"] = "Statement draft",
        ["Activity"] = "Activity",
        ["ActivityMember"] = "Activity partner",
        ["ActivityFocusArea"] = "Activity focus area",
        ["ActivityObjective"] = "Activity objective",
        ["WorkPlan"] = "Work plan",
        ["WorkPlanItem"] = "Work plan item",
        ["WorkPlanItemObjective"] = "Work plan item objective",
        ["WorkPlanItemActivity"] = "Work plan item activity",
        ["Meeting"] = "Meeting",
        ["MeetingAttendee"] = "Attendance",
        ["Decision"] = "Decision",
        ["Strategy"] = "Strategy",
        ["FocusArea"] = "Focus area",
        ["Objective"] = "Objective",
        ["Indicator"] = "Indicator",
        ["Assignment"] = "Assignment",
        ["Member"] = "Member",
        ["Body"] = "Body",
        ["BodyCoChair"] = "Body co-chair",
        ["AppUser"] = "Account",
        ["UserBody"] = "Reporting rights",
        ["UserRole"] = "Role",
        ["ApiToken"] = "API token",
        ["AppSetting"] = "Setting",
        ["DemoData"] = "Demo data",
    };

    internal static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["IsCarriedOver"] = "Carried over",
        ["DisabledUtc"] = "Disabled (UTC)",
        ["TwoFactorEnabled"] = "Two-factor sign-in",
        ["CarryOverConfirmed"] = "Confirmed still accurate",
        ["CarriedOverFrom"] = "Carried over from",
        ["IsCoChairGovernment"] = "Co-Chair government",
        ["ReopenReason"] = "Reason returned or reopened",
        ["NotApplicableReason"] = "Reason not applicable",
        ["SupportNeeded"] = "Support needed",
        ["NextSteps"] = "Next steps",
        ["IsIllustrative"] = "Illustrative",
        ["IsRetired"] = "Retired",
        ["IsArchived"] = "Archived",
        ["IsActive"] = "Reports",
        ["MemberId"] = "Member",
        ["BodyId"] = "Body",
        ["LeadBodyId"] = "Lead body",
        ["OwnerBodyId"] = "Owner body",
        ["ObjectiveId"] = "Objective",
        ["FocusAreaId"] = "Focus area",
        ["DueMeetingId"] = "Due at meeting",
        ["UserId"] = "Person",
        ["RoleId"] = "Role",
        ["StatusOverride"] = "Status set by hand",
        ["OverrideReason"] = "Reason for the status",
        ["StatusNote"] = "Status note",
        ["PartnerOrganisations"] = "Partner organisations",
        ["DatePrecision"] = "Date precision",
        ["MeetingOn"] = "Meeting date",
        ["PeriodStart"] = "Period from",
        ["PeriodEnd"] = "Period to",
        ["OpensOn"] = "Reporting opens",
        ["DueOn"] = "Due",
        ["SubmittedUtc"] = "Submitted (UTC)",
        ["PublishedUtc"] = "Published (UTC)",
        ["LockoutEnd"] = "Locked out until",
        ["EmailConfirmed"] = "E-mail confirmed",
        ["DisplayName"] = "Name",
        ["CreatedUtc"] = "Created (UTC)",
        ["UpdatedUtc"] = "Updated (UTC)",
        ["ExpiresUtc"] = "Expires (UTC)",
        ["RevokedUtc"] = "Revoked (UTC)",
        ["ApprovedUtc"] = "Approved (UTC)",
    };

    // Enum values by the names the log stores them under, in the words the pages use.
    private static readonly IReadOnlyDictionary<string, string> Values = BuildValues();

    public static string KindLabel(string entityType) => Kinds.GetValueOrDefault(entityType) ?? Words(entityType);

    /// <summary>The kind mid-sentence: "Updated scorecard", but "Created API token".</summary>
    public static string KindInSentence(string entityType) => KindLabel(entityType) is var label && label.Length > 1 && char.IsLower(label[1])
        ? char.ToLowerInvariant(label[0]) + label[1..]
        : label;

    public static string FieldLabel(string field) => Fields.GetValueOrDefault(field) ?? Words(field.StartsWith("Is", StringComparison.Ordinal) && field.Length > 2 && char.IsUpper(field[2]) ? field[2..] : field);

    /// <summary>A stored value as people read it: yes and no, a level's label, a body's code for its key, a person's name.</summary>
    public string Value(string? field, string? value)
    {
        if (value is null)
        {
            return "—";
        }

        var id = int.TryParse(value, out var number) ? number : (int?)null;
        return (field, value) switch
        {
            (_, "True") => "yes",
            (_, "False") => "no",
            ("BodyId" or "LeadBodyId" or "OwnerBodyId", _) when id is { } b => _bodies.GetValueOrDefault(b, value),
            ("ObjectiveId", _) when id is { } o => _objectives.GetValueOrDefault(o, value),
            ("FocusAreaId", _) when id is { } f => _areas.GetValueOrDefault(f, value),
            ("MemberId", _) when id is { } m => _members.GetValueOrDefault(m, value),
            ("UserId", _) => _people.GetValueOrDefault(value, value),
            _ => Values.GetValueOrDefault(value, value),
        };
    }

    /// <summary>A "Created" or "Deleted" event's summary, each field of it in words: "Name: Indonesia; Co-Chair government: yes".</summary>
    public string Summary(string? text) => text is null
        ? "—"
        : string.Join("; ", text.Split("; ").Select(part => part.IndexOf(": ", StringComparison.Ordinal) is var colon and > 0
            ? $"{FieldLabel(part[..colon])}: {Value(part[..colon], part[(colon + 2)..])}"
            : part));

    /// <summary>Who made the change: the person's name as it is now, or the name the log kept.</summary>
    public string Person(string? userId, string userName) => userId is not null && _people.TryGetValue(userId, out var name) ? name : userName;

    private static Dictionary<string, string> BuildValues()
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add<T>(Func<T, string> label)
            where T : struct, Enum
        {
            foreach (var value in Enum.GetValues<T>())
            {
                values.TryAdd(value.ToString(), label(value));
            }
        }

        Add<ScorecardStatus>(Scorecard.Label);
        Add<Completion>(c => c.Label());
        Add<Trajectory>(t => t.Label());
        Add<Effect>(e => e.Label());
        Add<RoundStatus>(Round.Label);
        Add<ActivityStatus>(s => s.ToString());
        Add<ActivityKind>(Activity.Label);
        Add<DatePrecision>(ActivityDates.Label);
        Add<DecisionStatus>(Decision.Label);
        Add<WorkPlanItemStatus>(WorkPlanItem.Label);
        Add<ReviewAction>(a => a.ToString());
        return values;
    }

    /// <summary>"NotApplicableReason" as "Not applicable reason".</summary>
    private static string Words(string name)
    {
        var text = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]) && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
            {
                text.Append(' ');
                text.Append(char.ToLowerInvariant(name[i]));
            }
            else
            {
                text.Append(name[i]);
            }
        }

        return text.ToString();
    }
}
