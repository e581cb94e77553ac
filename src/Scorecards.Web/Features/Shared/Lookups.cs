using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Domain.Scorecards;

namespace Scorecards.Web.Features.Shared;

/// <summary>The names and codes that requests and files refer to, loaded once for a request or a whole file.</summary>
public sealed class Lookups
{
    private Lookups(Dictionary<string, int> bodies, Dictionary<string, int> members, Dictionary<string, (int, int)> objectives)
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

    /// <summary>A body by its code; an unknown code is an error on the field, naming the codes there are.</summary>
    public int? BodyId(string? code, string field, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        if (Bodies.TryGetValue(code.Trim(), out var id))
        {
            return id;
        }

        errors.Add(new FieldError(field, $"'{code}' is not a reporting body; use one of {string.Join(", ", Bodies.Keys.Order(StringComparer.Ordinal))}."));
        return null;
    }

    /// <summary>A member by name; an unknown name is an error on the field.</summary>
    public int? MemberId(string? name, string field, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        if (Members.TryGetValue(name.Trim(), out var id))
        {
            return id;
        }

        errors.Add(new FieldError(field, $"'{name.Trim()}' is not a member; use the name as the member list spells it."));
        return null;
    }

    public List<int> MemberIds(IEnumerable<string>? names, string field, List<FieldError> errors) =>
        (names ?? []).Select(n => MemberId(n, field, errors)).OfType<int>().Distinct().ToList();

    public static async Task<Lookups> LoadAsync(AppDbContext db, CancellationToken ct)
    {
        var bodies = await db.Bodies.AsNoTracking().ToDictionaryAsync(b => b.Code, b => b.Id, StringComparer.OrdinalIgnoreCase, ct);
        var members = await db.Members.AsNoTracking().ToDictionaryAsync(m => m.Name, m => m.Id, StringComparer.OrdinalIgnoreCase, ct);
        var objectives = await db.Objectives.AsNoTracking().Select(o => new { o.Code, o.Id, o.FocusAreaId })
            .ToDictionaryAsync(o => o.Code, o => (o.Id, o.FocusAreaId), StringComparer.OrdinalIgnoreCase, ct);
        return new Lookups(bodies, members, objectives);
    }
}
