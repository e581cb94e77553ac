using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Domain.Activities;
using Scorecards.Domain.Scorecards;

namespace Scorecards.Web.Features.Activities;

/// <summary>An activity as a client, form or file sends it: bodies, members, areas and objectives by code or name.</summary>
public sealed record ActivityRequest(string? Title, string? Kind, DateOnly? StartDate, DateOnly? EndDate, string? City, string? Member,
    string? LeadBody, string? PartnerOrganisations, IReadOnlyList<string>? PartnerMembers, IReadOnlyList<string>? Objectives,
    string? Outputs, int? Participants, IReadOnlyList<string>? Links, string? Status)
{
    public async Task<(ActivityValues? Values, IReadOnlyList<FieldError> Errors)> ToValuesAsync(AppDbContext db, CancellationToken ct) =>
        ToValues(await ActivityLookups.LoadAsync(db, ct));

    /// <summary>Resolves names and codes; every unknown one is an error naming the field and the value.</summary>
    public (ActivityValues? Values, IReadOnlyList<FieldError> Errors) ToValues(ActivityLookups lookups)
    {
        var errors = new List<FieldError>();
        ActivityKind? kind = null;
        if (!string.IsNullOrWhiteSpace(Kind))
        {
            kind = ActivityLookups.Kind(Kind);
            if (kind is null)
            {
                errors.Add(new FieldError("kind", $"'{Kind}' is not a kind of activity; use one of {string.Join(", ", Enum.GetValues<ActivityKind>().Select(Activity.Label))}."));
            }
        }

        ActivityStatus? status = ActivityStatus.Delivered;
        if (!string.IsNullOrWhiteSpace(Status))
        {
            status = Enum.TryParse<ActivityStatus>(Status.Trim(), ignoreCase: true, out var s) && Enum.IsDefined(s) ? s : null;
            if (status is null)
            {
                errors.Add(new FieldError("status", $"'{Status}' is not a status; use planned, delivered or cancelled."));
            }
        }

        int? leadBodyId = null;
        if (!string.IsNullOrWhiteSpace(LeadBody))
        {
            leadBodyId = lookups.Bodies.TryGetValue(LeadBody.Trim(), out var id) ? id : null;
            if (leadBodyId is null)
            {
                errors.Add(new FieldError("leadBody", $"'{LeadBody}' is not a reporting body; use one of {string.Join(", ", lookups.Bodies.Keys.Order(StringComparer.Ordinal))}."));
            }
        }

        int? memberId = null;
        if (!string.IsNullOrWhiteSpace(Member))
        {
            if (lookups.Members.TryGetValue(Member.Trim(), out var id))
            {
                memberId = id;
            }
            else
            {
                errors.Add(new FieldError("member", $"'{Member}' is not a member; use the name as the member list spells it."));
            }
        }

        var partnerIds = new List<int>();
        foreach (var name in (PartnerMembers ?? []).Where(n => !string.IsNullOrWhiteSpace(n)))
        {
            if (lookups.Members.TryGetValue(name.Trim(), out var id))
            {
                partnerIds.Add(id);
            }
            else
            {
                errors.Add(new FieldError("partnerMembers", $"'{name.Trim()}' is not a member."));
            }
        }

        var objectiveIds = new List<int>();
        var areaIds = new List<int>();
        foreach (var code in (Objectives ?? []).Where(c => !string.IsNullOrWhiteSpace(c)))
        {
            if (lookups.Objectives.TryGetValue(code.Trim(), out var objective))
            {
                objectiveIds.Add(objective.Id);
                areaIds.Add(objective.FocusAreaId);
            }
            else
            {
                errors.Add(new FieldError("objectives", $"'{code.Trim()}' is not an objective."));
            }
        }

        var values = new ActivityValues(Title, kind, StartDate, EndDate, City, memberId, leadBodyId, PartnerOrganisations, Outputs, Participants,
            (Links ?? []).Where(l => !string.IsNullOrWhiteSpace(l)).ToList(), status, partnerIds, areaIds.Distinct().ToList(), objectiveIds);
        errors.AddRange(values.Validate().Select(e => e with { Field = char.ToLowerInvariant(e.Field[0]) + e.Field[1..] })
            .Where(e => !errors.Exists(x => x.Field == e.Field)));
        return errors.Count > 0 ? (null, errors) : (values, []);
    }
}

/// <summary>The names and codes an activity may refer to, loaded once for a request or a whole file.</summary>
public sealed class ActivityLookups
{
    private ActivityLookups(Dictionary<string, int> bodies, Dictionary<string, int> members, Dictionary<string, (int, int)> objectives)
    {
        Bodies = bodies;
        Members = members;
        Objectives = objectives;
    }

    /// <summary>Body id by code, any case.</summary>
    public IReadOnlyDictionary<string, int> Bodies { get; }

    /// <summary>Member id by name as the member list spells it, any case.</summary>
    public IReadOnlyDictionary<string, int> Members { get; }

    /// <summary>Objective id and its focus area by code, any case.</summary>
    public IReadOnlyDictionary<string, (int Id, int FocusAreaId)> Objectives { get; }

    public static async Task<ActivityLookups> LoadAsync(AppDbContext db, CancellationToken ct)
    {
        var bodies = await db.Bodies.AsNoTracking().ToDictionaryAsync(b => b.Code, b => b.Id, StringComparer.OrdinalIgnoreCase, ct);
        var members = await db.Members.AsNoTracking().ToDictionaryAsync(m => m.Name, m => m.Id, StringComparer.OrdinalIgnoreCase, ct);
        var objectives = await db.Objectives.AsNoTracking().Select(o => new { o.Code, o.Id, o.FocusAreaId })
            .ToDictionaryAsync(o => o.Code, o => (o.Id, o.FocusAreaId), StringComparer.OrdinalIgnoreCase, ct);
        return new ActivityLookups(bodies, members, objectives);
    }

    /// <summary>A kind by its name or label, ignoring case, spaces and punctuation ("Tabletop exercise", "tabletop-exercise").</summary>
    public static ActivityKind? Kind(string text)
    {
        var wanted = Normalise(text);
        var match = Enum.GetValues<ActivityKind>().Where(k => Normalise(k.ToString()) == wanted || Normalise(Activity.Label(k)) == wanted).ToList();
        return match.Count == 1 ? match[0] : null;
    }

    private static string Normalise(string text) => new(text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}
