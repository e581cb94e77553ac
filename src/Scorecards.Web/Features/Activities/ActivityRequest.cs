using System.ComponentModel.DataAnnotations;
using Scorecards.Data;
using Scorecards.Domain;
using Scorecards.Domain.Activities;
using Scorecards.Domain.Scorecards;
using Scorecards.Web.Features.Shared;
using Scorecards.Web.Infrastructure;

namespace Scorecards.Web.Features.Activities;

/// <summary>An activity as a client, form or file sends it: bodies, members, areas and objectives by code or name.</summary>
public sealed record ActivityRequest(string? Title, string? Kind, DateOnly? StartDate, DateOnly? EndDate, string? City, string? Member,
    string? LeadBody, string? PartnerOrganisations, [MaxLength(RequestLimits.Members, ErrorMessage = RequestLimits.TooMany)] IReadOnlyList<string>? PartnerMembers, [MaxLength(RequestLimits.Codes, ErrorMessage = RequestLimits.TooMany)] IReadOnlyList<string>? Objectives,
    string? Outputs, int? Participants, [MaxLength(RequestLimits.Links, ErrorMessage = RequestLimits.TooMany)] IReadOnlyList<string>? Links, string? Status, string? DatePrecision = null)
{
    public async Task<Result<ActivityValues>> ToValuesAsync(AppDbContext db, CancellationToken ct) =>
        ToValues(await Lookups.LoadAsync(db, ct));

    /// <summary>Resolves names and codes; every unknown one is an error naming the field and the value.</summary>
    public Result<ActivityValues> ToValues(Lookups lookups)
    {
        var errors = new List<FieldError>();
        ActivityKind? kind = null;
        if (!string.IsNullOrWhiteSpace(Kind))
        {
            kind = ActivitySheet.KindOf(Kind);
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

        DatePrecision? precision = null;
        if (!string.IsNullOrWhiteSpace(DatePrecision))
        {
            if (ActivityDates.TryParse(DatePrecision, out var parsed))
            {
                precision = parsed;
            }
            else
            {
                errors.Add(new FieldError("datePrecision", $"'{DatePrecision}' is not a date precision; use day, days, month, quarter, year or undated."));
            }
        }

        var leadBodyId = lookups.BodyId(LeadBody, "leadBody", errors);
        var memberId = lookups.MemberId(Member, "member", errors);
        var partnerIds = lookups.MemberIds(PartnerMembers, "partnerMembers", errors);

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
            (Links ?? []).Where(l => !string.IsNullOrWhiteSpace(l)).ToList(), status, partnerIds, areaIds.Distinct().ToList(), objectiveIds, precision);
        errors.AddRange(values.Validate().Select(e => e with { Field = char.ToLowerInvariant(e.Field[0]) + e.Field[1..] })
            .Where(e => !errors.Exists(x => x.Field == e.Field)));
        return errors.Count > 0 ? Result.Invalid(errors) : values;
    }
}
