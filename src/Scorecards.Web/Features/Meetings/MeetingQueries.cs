using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Domain.Meetings;

namespace Scorecards.Web.Features.Meetings;

public sealed record MeetingFilter(MeetingKind? Kind = null, string? Body = null, string? Member = null, DateOnly? From = null, DateOnly? To = null,
    string? Q = null, int Page = 1, int PageSize = 25);

public sealed record DecisionFilter(bool? Open = null, DecisionStatus? Status = null, string? Body = null, int? Meeting = null, bool Overdue = false,
    int Page = 1, int PageSize = 50);

public sealed record MeetingDto(int Id, string Title, MeetingKind Kind, string KindLabel, DateOnly StartDate, DateOnly EndDate, string? City,
    string? Host, string? Body, IReadOnlyList<string> Chairs, IReadOnlyList<string> Attendees, string? OtherAttendees, int Decisions, int OpenDecisions);

public sealed record DecisionDto(int Id, int MeetingId, string Meeting, DateOnly MeetingDate, int Number, string Text, string OwnerBody,
    int? DueMeetingId, string? DueMeeting, DateOnly? DueDate, DecisionStatus Status, string StatusLabel, string? StatusNote, bool IsOverdue, int OwnerBodyId);

public sealed record MeetingPage(int Page, int PageSize, int Total, IReadOnlyList<MeetingDto> Meetings);

public sealed record DecisionPage(int Page, int PageSize, int Total, IReadOnlyList<DecisionDto> Decisions);

/// <summary>Meetings with their attendance, and decisions tracked across meetings: filtered and paged in the database.</summary>
public static class MeetingQueries
{
    public const int MaxPageSize = 200;

    public static async Task<MeetingPage> SearchAsync(AppDbContext db, MeetingFilter filter, CancellationToken ct)
    {
        var page = Math.Max(1, filter.Page);
        var size = Math.Clamp(filter.PageSize, 1, MaxPageSize);
        var query = db.Meetings.AsNoTracking();
        if (filter.Kind is { } kind)
        {
            query = query.Where(m => m.Kind == kind);
        }

        if (!string.IsNullOrWhiteSpace(filter.Body))
        {
            var code = filter.Body.Trim().ToUpperInvariant();
            query = query.Where(m => db.Bodies.Any(b => b.Id == m.BodyId && b.Code == code));
        }

        if (!string.IsNullOrWhiteSpace(filter.Member))
        {
            var member = filter.Member.Trim();
            query = query.Where(m => db.Members.Any(x => x.Name == member && m.Attendees.Any(a => a.MemberId == x.Id)));
        }

        if (filter.From is { } from)
        {
            query = query.Where(m => m.EndDate >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(m => m.StartDate <= to);
        }

        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = filter.Q.Trim().ToLower();
            query = query.Where(m => m.Title.ToLower().Contains(q) || (m.City != null && m.City.ToLower().Contains(q)));
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(m => m.StartDate).ThenByDescending(m => m.Id).Skip((page - 1) * size).Take(size)
            .Include(m => m.Attendees).AsSplitQuery().ToListAsync(ct);
        return new MeetingPage(page, size, total, await ToDtosAsync(db, rows, ct));
    }

    public static async Task<MeetingDto?> GetAsync(AppDbContext db, int id, CancellationToken ct)
    {
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Attendees).SingleOrDefaultAsync(m => m.Id == id, ct);
        return meeting is null ? null : (await ToDtosAsync(db, [meeting], ct))[0];
    }

    public static async Task<DecisionPage> DecisionsAsync(AppDbContext db, DecisionFilter filter, DateOnly today, CancellationToken ct)
    {
        var page = Math.Max(1, filter.Page);
        var size = Math.Clamp(filter.PageSize, 1, MaxPageSize);
        var query = db.Decisions.AsNoTracking();
        if (filter.Open is { } open)
        {
            query = open
                ? query.Where(d => d.Status == DecisionStatus.Open || d.Status == DecisionStatus.InProgress)
                : query.Where(d => d.Status == DecisionStatus.Done || d.Status == DecisionStatus.Dropped);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(d => d.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(filter.Body))
        {
            var code = filter.Body.Trim().ToUpperInvariant();
            query = query.Where(d => db.Bodies.Any(b => b.Id == d.OwnerBodyId && b.Code == code));
        }

        if (filter.Meeting is { } meetingId)
        {
            query = query.Where(d => d.MeetingId == meetingId);
        }

        if (filter.Overdue)
        {
            // Past the due date, or past the day the due meeting opened.
            query = query.Where(d => (d.Status == DecisionStatus.Open || d.Status == DecisionStatus.InProgress)
                && ((d.DueDate != null && d.DueDate < today)
                    || (d.DueDate == null && db.Meetings.Any(m => m.Id == d.DueMeetingId && m.StartDate < today))));
        }

        var total = await query.CountAsync(ct);
        var rows = await query
            .Join(db.Meetings, d => d.MeetingId, m => m.Id, (d, m) => new { Decision = d, MeetingDate = m.StartDate })
            .OrderBy(x => x.Decision.DueDate == null).ThenBy(x => x.Decision.DueDate).ThenByDescending(x => x.MeetingDate).ThenBy(x => x.Decision.Number)
            .Skip((page - 1) * size).Take(size).Select(x => x.Decision).ToListAsync(ct);
        return new DecisionPage(page, size, total, await ToDtosAsync(db, rows, today, ct));
    }

    public static async Task<DecisionDto?> DecisionAsync(AppDbContext db, int id, DateOnly today, CancellationToken ct)
    {
        var decision = await db.Decisions.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, ct);
        return decision is null ? null : (await ToDtosAsync(db, [decision], today, ct))[0];
    }

    public static async Task<List<(int Id, string Title, DateOnly StartDate)>> MeetingChoicesAsync(AppDbContext db, CancellationToken ct) =>
        (await db.Meetings.AsNoTracking().OrderByDescending(m => m.StartDate).Select(m => new { m.Id, m.Title, m.StartDate }).ToListAsync(ct))
            .Select(m => (m.Id, m.Title, m.StartDate)).ToList();

    private static async Task<List<MeetingDto>> ToDtosAsync(AppDbContext db, List<Meeting> rows, CancellationToken ct)
    {
        var bodies = await db.Bodies.AsNoTracking().ToDictionaryAsync(b => b.Id, b => b.Code, ct);
        var members = await db.Members.AsNoTracking().ToDictionaryAsync(m => m.Id, m => m.Name, ct);
        var ids = rows.Select(r => r.Id).ToList();
        var counts = await db.Decisions.AsNoTracking().Where(d => ids.Contains(d.MeetingId))
            .GroupBy(d => d.MeetingId)
            .Select(g => new { g.Key, All = g.Count(), Open = g.Count(d => d.Status == DecisionStatus.Open || d.Status == DecisionStatus.InProgress) })
            .ToDictionaryAsync(x => x.Key, ct);
        string Name(int id) => members.GetValueOrDefault(id, "");
        return rows.Select(m => new MeetingDto(m.Id, m.Title, m.Kind, Meeting.Label(m.Kind), m.StartDate, m.EndDate, m.City,
            m.HostMemberId is { } h ? Name(h) : null, m.BodyId is { } b ? bodies.GetValueOrDefault(b) : null,
            m.Attendees.Where(a => a.IsChair).Select(a => Name(a.MemberId)).Order(StringComparer.Ordinal).ToList(),
            m.Attendees.Select(a => Name(a.MemberId)).Order(StringComparer.Ordinal).ToList(), m.OtherAttendees,
            counts.TryGetValue(m.Id, out var c) ? c.All : 0, counts.TryGetValue(m.Id, out var o) ? o.Open : 0)).ToList();
    }

    private static async Task<List<DecisionDto>> ToDtosAsync(AppDbContext db, List<Decision> rows, DateOnly today, CancellationToken ct)
    {
        var bodies = await db.Bodies.AsNoTracking().ToDictionaryAsync(b => b.Id, b => b.Code, ct);
        var meetingIds = rows.Select(d => d.MeetingId).Concat(rows.Where(d => d.DueMeetingId != null).Select(d => d.DueMeetingId!.Value)).Distinct().ToList();
        var meetings = await db.Meetings.AsNoTracking().Where(m => meetingIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => new { m.Title, m.StartDate }, ct);
        return rows.Select(d =>
        {
            var due = d.DueMeetingId is { } dm && meetings.TryGetValue(dm, out var dueMeeting) ? dueMeeting : null;
            return new DecisionDto(d.Id, d.MeetingId, meetings[d.MeetingId].Title, meetings[d.MeetingId].StartDate, d.Number, d.Text,
                bodies.GetValueOrDefault(d.OwnerBodyId, ""), d.DueMeetingId, due?.Title, d.DueDate, d.Status, Decision.Label(d.Status), d.StatusNote,
                d.IsOverdue(today, due?.StartDate), d.OwnerBodyId);
        }).ToList();
    }
}
