using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Domain.Activities;

namespace Scorecards.Web.Features.Activities;

public sealed record ActivityFilter(string? Body = null, ActivityKind? Kind = null, string? Area = null, string? Member = null,
    DateOnly? From = null, DateOnly? To = null, string? Q = null, ActivityStatus? Status = null, bool Archived = false, int Page = 1, int PageSize = 25);

/// <summary>An activity for pages, API and files. <see cref="Dates"/> reads as precisely as the dates are known ("November 2024").</summary>
public sealed record ActivityDto(int Id, string Title, ActivityKind Kind, string KindLabel, DateOnly StartDate, DateOnly EndDate,
    DatePrecision DatePrecision, string Dates, string? City,
    string? Member, string LeadBody, string? PartnerOrganisations, IReadOnlyList<string> PartnerMembers, IReadOnlyList<string> FocusAreas,
    IReadOnlyList<string> Objectives, string? Outputs, int? Participants, IReadOnlyList<string> Links, ActivityStatus Status, bool IsArchived);

public sealed record ActivityPage(int Page, int PageSize, int Total, IReadOnlyList<ActivityDto> Activities);

/// <summary>The activities register: filtered, searched and paged in the database.</summary>
public static class ActivityQueries
{
    public const int MaxPageSize = 200;



    public static async Task<ActivityPage> SearchAsync(AppDbContext db, ActivityFilter filter, CancellationToken ct)
    {
        var page = Math.Max(1, filter.Page);
        var size = Math.Clamp(filter.PageSize, 1, MaxPageSize);
        var query = Filtered(db, filter);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(a => a.StartDate).ThenBy(a => a.Id).Skip((page - 1) * size).Take(size)
            .Include(a => a.PartnerMembers).Include(a => a.FocusAreas).Include(a => a.Objectives).AsSplitQuery().ToListAsync(ct);
        return new ActivityPage(page, size, total, await ToDtosAsync(db, rows, ct));
    }

    /// <summary>Every activity the filter matches, newest first, for an export.</summary>
    public static async Task<List<ActivityDto>> ListAsync(AppDbContext db, ActivityFilter filter, CancellationToken ct)
    {
        var rows = await Filtered(db, filter).OrderByDescending(a => a.StartDate).ThenBy(a => a.Id)
            .Include(a => a.PartnerMembers).Include(a => a.FocusAreas).Include(a => a.Objectives).AsSplitQuery().ToListAsync(ct);
        return await ToDtosAsync(db, rows, ct);
    }

    private static IQueryable<Activity> Filtered(AppDbContext db, ActivityFilter filter)
    {
        var query = db.Activities.AsNoTracking().Where(a => a.IsArchived == filter.Archived);
        if (!string.IsNullOrWhiteSpace(filter.Body))
        {
            var code = filter.Body.Trim().ToUpperInvariant();
            query = query.Where(a => db.Bodies.Any(b => b.Id == a.LeadBodyId && b.Code == code));
        }

        if (filter.Kind is { } kind)
        {
            query = query.Where(a => a.Kind == kind);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(a => a.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(filter.Area))
        {
            var area = filter.Area.Trim().ToUpperInvariant();
            query = query.Where(a => a.FocusAreas.Any(f => db.FocusAreas.Any(x => x.Id == f.FocusAreaId && x.Code == area)));
        }

        if (!string.IsNullOrWhiteSpace(filter.Member))
        {
            var member = filter.Member.Trim();
            query = query.Where(a => db.Members.Any(m => m.Name == member && (m.Id == a.MemberId || a.PartnerMembers.Any(p => p.MemberId == m.Id))));
        }

        // An activity is in a date range when it overlaps it; an open end is the widest date.
        if (filter.From is not null || filter.To is not null)
        {
            query = query.Where(Activity.During(filter.From ?? DateOnly.MinValue, filter.To ?? DateOnly.MaxValue));
        }

        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = filter.Q.Trim().ToLower();
            query = query.Where(a => a.Title.ToLower().Contains(q) || (a.City != null && a.City.ToLower().Contains(q))
                || (a.Outputs != null && a.Outputs.ToLower().Contains(q)) || (a.PartnerOrganisations != null && a.PartnerOrganisations.ToLower().Contains(q)));
        }

        return query;
    }

    /// <summary>An activity with its links to members, areas and objectives, tracked for a change.</summary>
    public static Task<Activity?> LoadForChangeAsync(AppDbContext db, int id, CancellationToken ct) =>
        db.Activities.Include(a => a.PartnerMembers).Include(a => a.FocusAreas).Include(a => a.Objectives).AsSplitQuery().SingleOrDefaultAsync(a => a.Id == id, ct);

    public static async Task<ActivityDto?> GetAsync(AppDbContext db, int id, CancellationToken ct)
    {
        var activity = await db.Activities.AsNoTracking().Include(a => a.PartnerMembers).Include(a => a.FocusAreas).Include(a => a.Objectives)
            .AsSplitQuery().SingleOrDefaultAsync(a => a.Id == id, ct);
        return activity is null ? null : (await ToDtosAsync(db, [activity], ct))[0];
    }

    private static async Task<List<ActivityDto>> ToDtosAsync(AppDbContext db, List<Activity> rows, CancellationToken ct)
    {
        var bodies = await db.Bodies.AsNoTracking().ToDictionaryAsync(b => b.Id, b => b.Code, ct);
        var members = await db.Members.AsNoTracking().ToDictionaryAsync(m => m.Id, m => m.Name, ct);
        var areas = await db.FocusAreas.AsNoTracking().ToDictionaryAsync(f => f.Id, f => f.Code, ct);
        var objectiveIds = rows.SelectMany(r => r.Objectives.Select(o => o.ObjectiveId)).Distinct().ToList();
        var objectives = await db.Objectives.AsNoTracking().Where(o => objectiveIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Code, ct);
        return rows.Select(a => new ActivityDto(a.Id, a.Title, a.Kind, Activity.Label(a.Kind), a.StartDate, a.EndDate, a.DatePrecision, a.Dates, a.City,
            a.MemberId is { } m ? members.GetValueOrDefault(m) : null, bodies.GetValueOrDefault(a.LeadBodyId, ""), a.PartnerOrganisations,
            a.PartnerMembers.Select(p => members.GetValueOrDefault(p.MemberId, "")).Order(StringComparer.Ordinal).ToList(),
            a.FocusAreas.Select(f => areas.GetValueOrDefault(f.FocusAreaId, "")).Order(StringComparer.Ordinal).ToList(),
            a.Objectives.Select(o => objectives.GetValueOrDefault(o.ObjectiveId, "")).Order(StringComparer.Ordinal).ToList(),
            a.Outputs, a.Participants, a.LinkList, a.Status, a.IsArchived)).ToList();
    }
}
