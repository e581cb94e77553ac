using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Domain.Bodies;
using Scorecards.Domain.Members;

namespace Scorecards.Web.Features.Members;

/// <summary>A meeting decision as the register cites it: "18th AHG SOM, decision 3".</summary>
public sealed record DecisionRefDto(int Id, int MeetingId, string Meeting, int Number)
{
    public string Label => $"{Meeting}, decision {Number}";
}

/// <summary>A change of status: the day it took effect (none: before the register began), what it was, and the decision behind it.</summary>
public sealed record StatusChangeDto(DateOnly? EffectiveDate, MemberStatus Status, string Change, DecisionRefDto? Decision, string? Note);

/// <summary>A member as the register lists it on a day: its status then, since when, and its whole history.</summary>
public sealed record MemberDto(int Id, string Name, MemberKind Kind, MemberStatus Status, DateOnly? StatusSince, bool IsCoChairGovernment,
    IReadOnlyList<StatusChangeDto> History)
{
    /// <summary>The heading it is listed under: "Member states and territories", "Observer organisations", …</summary>
    public string Group => Member.Group(Kind, Status);
}

/// <summary>A seat or a co-chair's term: who, from and to which day, by which decisions.</summary>
public sealed record TermDto(int Id, int? MemberId, string Name, DateOnly? From, DateOnly? Until, DecisionRefDto? FromDecision, DecisionRefDto? UntilDecision)
{
    public string Period => (From, Until) switch
    {
        (null, null) => "since before the register began",
        ({ } start, null) => $"since {start:d MMMM yyyy}",
        (null, { } end) => $"until {end:d MMMM yyyy}",
        ({ } start, { } end) => $"{start:d MMMM yyyy} to {end:d MMMM yyyy}",
    };
}

public sealed record BodyDto(int Id, string Code, string Name, bool IsActive, IReadOnlyList<TermDto> CoChairs, IReadOnlyList<TermDto> Seats);

/// <summary>A member with the seats and co-chair terms it has held, on every body.</summary>
public sealed record MemberDetailsDto(MemberDto Member, IReadOnlyList<HeldTermDto> Seats, IReadOnlyList<HeldTermDto> CoChairTerms);

public sealed record HeldTermDto(string Body, TermDto Term);

/// <summary>A decision as a picker offers it, under its meeting.</summary>
public sealed record DecisionChoice(int Id, string Meeting, string Label);

/// <summary>Reads the register: members as at a day, and the bodies' seats and co-chairs with their terms.</summary>
public static class RegisterQueries
{
    /// <summary>The members that took part on a day (and those withdrawn by then, when asked), with their status that day, by name.</summary>
    public static async Task<List<MemberDto>> MembersAsync(AppDbContext db, DateOnly asAt, bool withWithdrawn, CancellationToken ct)
    {
        var members = await db.Members.AsNoTracking().Include(m => m.History).AsSplitQuery().OrderBy(m => m.Name).ToListAsync(ct);
        var decisions = await DecisionsAsync(db, members.SelectMany(m => m.History).Select(c => c.DecisionId), ct);
        return members
            .Where(m => m.StatusOn(asAt) is { } status && (withWithdrawn || status != MemberStatus.Withdrawn))
            .Select(m => ToDto(m, asAt, decisions))
            .ToList();
    }

    public static async Task<MemberDetailsDto?> MemberAsync(AppDbContext db, int id, DateOnly today, CancellationToken ct)
    {
        if (await db.Members.AsNoTracking().Include(m => m.History).SingleOrDefaultAsync(m => m.Id == id, ct) is not { } member)
        {
            return null;
        }

        var bodies = await db.Bodies.AsNoTracking()
            .Include(b => b.Seats.Where(s => s.MemberId == id)).Include(b => b.CoChairs.Where(c => c.MemberId == id)).AsSplitQuery()
            .Where(b => b.Seats.Any(s => s.MemberId == id) || b.CoChairs.Any(c => c.MemberId == id)).ToListAsync(ct);
        var terms = bodies.SelectMany(b => b.Seats.Cast<Term>().Concat(b.CoChairs)).ToList();
        var decisions = await DecisionsAsync(db,
            member.History.Select(c => c.DecisionId).Concat(terms.SelectMany(t => new[] { t.FromDecisionId, t.UntilDecisionId })), ct);
        var names = new Dictionary<int, string> { [id] = member.Name };
        return new MemberDetailsDto(
            ToDto(member, today, decisions),
            bodies.SelectMany(b => b.Seats.Select(s => new HeldTermDto(b.Code, ToDto(s.Id, id, null, s, names, decisions))))
                .OrderBy(t => t.Term.From ?? DateOnly.MinValue).ThenBy(t => t.Body, StringComparer.Ordinal).ToList(),
            bodies.SelectMany(b => b.CoChairs.Select(c => new HeldTermDto(b.Code, ToDto(c.Id, id, null, c, names, decisions))))
                .OrderBy(t => t.Term.From ?? DateOnly.MinValue).ThenBy(t => t.Body, StringComparer.Ordinal).ToList());
    }

    /// <summary>Every body with the seats and co-chairs held on a day; with no day, every term there has been.</summary>
    public static async Task<List<BodyDto>> BodiesAsync(AppDbContext db, DateOnly? asAt, CancellationToken ct)
    {
        var bodies = await db.Bodies.AsNoTracking().Include(b => b.CoChairs).Include(b => b.Seats).AsSplitQuery().OrderBy(b => b.Id).ToListAsync(ct);
        var (names, decisions) = await NamesAsync(db, bodies, ct);
        return bodies.Select(b => asAt is { } day
            ? ToDto(b, b.CoChairsOn(day), b.SeatsOn(day), names, decisions)
            : ToDto(b, b.CoChairs, b.Seats, names, decisions)).ToList();
    }

    /// <summary>One body with every seat and co-chair term, oldest first.</summary>
    public static async Task<BodyDto?> BodyAsync(AppDbContext db, string code, CancellationToken ct)
    {
        var normalised = code.Trim().ToUpperInvariant();
        var body = await db.Bodies.AsNoTracking().Include(b => b.CoChairs).Include(b => b.Seats).AsSplitQuery().SingleOrDefaultAsync(b => b.Code == normalised, ct);
        if (body is null)
        {
            return null;
        }

        var (names, decisions) = await NamesAsync(db, [body], ct);
        return ToDto(body, body.CoChairs, body.Seats, names, decisions);
    }

    private static BodyDto ToDto(Body body, IEnumerable<BodyCoChair> chairs, IEnumerable<BodySeat> seats, Dictionary<int, string> names,
        Dictionary<int, DecisionRefDto> decisions) =>
        new(body.Id, body.Code, body.Name, body.IsActive,
            chairs.OrderBy(c => c.From ?? DateOnly.MinValue).ThenBy(c => c.Id).Select(c => ToDto(c.Id, c.MemberId, c.PersonName, c, names, decisions)).ToList(),
            seats.Select(s => ToDto(s.Id, s.MemberId, null, s, names, decisions))
                .OrderBy(s => s.From ?? DateOnly.MinValue).ThenBy(s => s.Name, StringComparer.Ordinal).ToList());

    private static TermDto ToDto(int id, int? memberId, string? person, Term term, Dictionary<int, string> names, Dictionary<int, DecisionRefDto> decisions) =>
        new(id, memberId, person ?? (memberId is { } m ? names.GetValueOrDefault(m, $"member #{m}") : ""), term.From, term.Until,
            Cite(term.FromDecisionId, decisions), Cite(term.UntilDecisionId, decisions));

    private static MemberDto ToDto(Member member, DateOnly asAt, Dictionary<int, DecisionRefDto> decisions)
    {
        var history = new List<StatusChangeDto>();
        MemberStatus? before = null;
        foreach (var change in member.History)
        {
            history.Add(new StatusChangeDto(change.EffectiveDate, change.Status, MemberStatusChange.Label(before, change.Status), Cite(change.DecisionId, decisions), change.Note));
            before = change.Status;
        }

        var latest = member.History.LastOrDefault(c => c.EffectiveDate is null || c.EffectiveDate <= asAt);
        return new MemberDto(member.Id, member.Name, member.Kind, latest?.Status ?? member.Status, latest?.EffectiveDate, member.IsCoChairGovernment, history);
    }

    private static async Task<(Dictionary<int, string> Names, Dictionary<int, DecisionRefDto> Decisions)> NamesAsync(AppDbContext db, IReadOnlyList<Body> bodies,
        CancellationToken ct)
    {
        var terms = bodies.SelectMany(b => b.CoChairs.Cast<Term>().Concat(b.Seats)).ToList();
        var names = await db.Members.AsNoTracking().ToDictionaryAsync(m => m.Id, m => m.Name, ct);
        return (names, await DecisionsAsync(db, terms.SelectMany(t => new[] { t.FromDecisionId, t.UntilDecisionId }), ct));
    }

    private static async Task<Dictionary<int, DecisionRefDto>> DecisionsAsync(AppDbContext db, IEnumerable<int?> ids, CancellationToken ct)
    {
        var wanted = ids.OfType<int>().Distinct().ToList();
        if (wanted.Count == 0)
        {
            return [];
        }

        return await db.Decisions.AsNoTracking().Where(d => wanted.Contains(d.Id))
            .Join(db.Meetings, d => d.MeetingId, m => m.Id, (d, m) => new DecisionRefDto(d.Id, m.Id, m.Title, d.Number))
            .ToDictionaryAsync(d => d.Id, ct);
    }

    /// <summary>The members a picker offers, by name.</summary>
    public static async Task<List<(int Id, string Name)>> ChoicesAsync(IQueryable<Member> members, CancellationToken ct) =>
        (await members.AsNoTracking().OrderBy(m => m.Name).Select(m => new { m.Id, m.Name }).ToListAsync(ct)).Select(m => (m.Id, m.Name)).ToList();

    /// <summary>Every decision, newest meeting first, for the pickers that tie a change to the decision behind it.</summary>
    public static async Task<List<DecisionChoice>> DecisionChoicesAsync(AppDbContext db, CancellationToken ct) =>
        (await db.Decisions.AsNoTracking()
            .Join(db.Meetings, d => d.MeetingId, m => m.Id, (d, m) => new { d.Id, m.Title, m.StartDate, d.Number, d.Text })
            .OrderByDescending(d => d.StartDate).ThenBy(d => d.Title).ThenBy(d => d.Number).ToListAsync(ct))
        .Select(d => new DecisionChoice(d.Id, $"{d.Title} ({d.StartDate:MMM yyyy})", $"{d.Number}. {(d.Text.Length > 90 ? d.Text[..89] + "…" : d.Text)}"))
        .ToList();

    private static DecisionRefDto? Cite(int? id, Dictionary<int, DecisionRefDto> decisions) => id is { } d ? decisions.GetValueOrDefault(d) : null;
}
