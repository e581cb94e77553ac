using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Domain.Activities;
using Scorecards.Domain.Scorecards;

namespace Scorecards.Web.Features.Activities;

/// <summary>An activity as a client or form sends it: bodies, members, areas and objectives by code or name.</summary>
public sealed record ActivityRequest(string? Title, string? Kind, DateOnly? StartDate, DateOnly? EndDate, string? City, string? Member,
    string? LeadBody, string? PartnerOrganisations, IReadOnlyList<string>? PartnerMembers, IReadOnlyList<string>? Objectives,
    string? Outputs, int? Participants, IReadOnlyList<string>? Links, string? Status)
{
    /// <summary>Resolves names and codes; every unknown one is an error naming the field and the value.</summary>
    public async Task<(ActivityValues? Values, IReadOnlyList<FieldError> Errors)> ToValuesAsync(AppDbContext db, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        ActivityKind? kind = null;
        if (!string.IsNullOrWhiteSpace(Kind))
        {
            var match = Enum.GetValues<ActivityKind>().Where(k => Normalise(k.ToString()) == Normalise(Kind) || Normalise(Activity.Label(k)) == Normalise(Kind)).ToList();
            if (match.Count == 1)
            {
                kind = match[0];
            }
            else
            {
                errors.Add(new FieldError("kind", $"'{Kind}' is not a kind of activity; use one of {string.Join(", ", Enum.GetValues<ActivityKind>().Select(Activity.Label))}."));
            }
        }

        ActivityStatus? status = ActivityStatus.Delivered;
        if (!string.IsNullOrWhiteSpace(Status))
        {
            status = Enum.TryParse<ActivityStatus>(Status.Trim(), ignoreCase: true, out var s) ? s : null;
            if (status is null)
            {
                errors.Add(new FieldError("status", $"'{Status}' is not a status; use planned, delivered or cancelled."));
            }
        }

        int? leadBodyId = null;
        if (!string.IsNullOrWhiteSpace(LeadBody))
        {
            var code = LeadBody.Trim().ToUpperInvariant();
            leadBodyId = await db.Bodies.Where(b => b.Code == code).Select(b => (int?)b.Id).SingleOrDefaultAsync(ct);
            if (leadBodyId is null)
            {
                errors.Add(new FieldError("leadBody", $"'{LeadBody}' is not a reporting body."));
            }
        }

        var members = await db.Members.AsNoTracking().ToDictionaryAsync(m => m.Name, m => m.Id, StringComparer.OrdinalIgnoreCase, ct);
        int? memberId = null;
        if (!string.IsNullOrWhiteSpace(Member))
        {
            if (members.TryGetValue(Member.Trim(), out var id))
            {
                memberId = id;
            }
            else
            {
                errors.Add(new FieldError("member", $"'{Member}' is not a member; use the name as the member list spells it."));
            }
        }

        var partnerIds = new List<int>();
        foreach (var name in PartnerMembers ?? [])
        {
            if (members.TryGetValue(name.Trim(), out var id))
            {
                partnerIds.Add(id);
            }
            else
            {
                errors.Add(new FieldError("partnerMembers", $"'{name}' is not a member."));
            }
        }

        var codes = (Objectives ?? []).Select(o => o.Trim().ToUpperInvariant()).ToList();
        var objectives = await db.Objectives.AsNoTracking().Where(o => codes.Contains(o.Code)).Select(o => new { o.Code, o.Id, o.FocusAreaId }).ToListAsync(ct);
        errors.AddRange(codes.Where(c => objectives.TrueForAll(o => o.Code != c)).Select(c => new FieldError("objectives", $"'{c}' is not an objective.")));

        var values = new ActivityValues(Title, kind, StartDate, EndDate, City, memberId, leadBodyId, PartnerOrganisations, Outputs, Participants,
            (Links ?? []).Where(l => !string.IsNullOrWhiteSpace(l)).ToList(), status, partnerIds,
            objectives.Select(o => o.FocusAreaId).Distinct().ToList(), objectives.Select(o => o.Id).ToList());
        errors.AddRange(values.Validate().Select(e => e with { Field = char.ToLowerInvariant(e.Field[0]) + e.Field[1..] })
            .Where(e => !errors.Exists(x => x.Field == e.Field)));
        return errors.Count > 0 ? (null, errors) : (values, []);
    }

    private static string Normalise(string text) => new(text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}
