using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Domain.Secondments;

namespace Scorecards.Web.Features.Secondments;

/// <summary>
/// An expression of interest as the reader may see it: the nominee's name and position only for those who run the programme
/// (null for everyone else, as if none had been given).
/// </summary>
public sealed record SecondmentDto(
    int Id,
    int MemberId,
    string Member,
    string Agency,
    string AreaOfWork,
    DateOnly? PreferredStart,
    DateOnly? PreferredEnd,
    IReadOnlyList<string> FocusAreas,
    string? NomineeName,
    string? NomineePosition,
    SecondmentStatus Status,
    string StatusLabel,
    DateTime ReceivedUtc,
    string? HostUnit,
    DateOnly? StartDate,
    DateOnly? EndDate,
    string? Funder,
    string? Outcomes,
    string? Reason,
    IReadOnlyList<LinkedActivityDto> Activities,
    IReadOnlyList<StepDto> Timeline);

public sealed record LinkedActivityDto(int Id, string Title);

/// <summary>A step on the timeline; who took it only for those who may see names (null for everyone else).</summary>
public sealed record StepDto(SecondmentStatus Status, string Label, DateTime Utc, string? By, string? Note);

/// <summary>The programme's figures for a calendar year, for the RSO's reports.</summary>
public sealed record SecondmentYearDto(int Year, int Received, int Placed, int Completed, int WithdrawnOrDeclined);

public sealed record SecondmentList(IReadOnlyList<SecondmentDto> Secondments, IReadOnlyList<SecondmentYearDto> Years);

public static class SecondmentQueries
{
    /// <summary>The list as a file; the nominee's columns only for those who may see names.</summary>
    public static Infrastructure.Spreadsheets.SheetTable ToTable(IReadOnlyList<SecondmentDto> secondments, bool withNames)
    {
        List<(string Heading, int Width)> columns =
        [
            ("Id", 8), ("Member", 24), ("Agency", 36), ("Area of work", 48), ("Areas of cooperation", 16), ("Status", 16), ("Received", 12),
            ("Preferred start", 12), ("Preferred end", 12), ("Host unit", 24), ("First day", 12), ("Last day", 12), ("Funded by", 28), ("Outcomes", 48),
            ("Reason", 36), ("Activities", 40),
        ];
        if (withNames)
        {
            columns.AddRange([("Nominee", 28), ("Nominee's position", 28)]);
        }

        return new("Secondments", columns, secondments.Select(s =>
        {
            List<object?> row =
            [
                s.Id, s.Member, s.Agency, s.AreaOfWork, string.Join("; ", s.FocusAreas), s.StatusLabel, DateOnly.FromDateTime(s.ReceivedUtc),
                s.PreferredStart, s.PreferredEnd, s.HostUnit, s.StartDate, s.EndDate, s.Funder, s.Outcomes, s.Reason, string.Join("; ", s.Activities.Select(a => a.Title)),
            ];
            if (withNames)
            {
                row.AddRange([s.NomineeName, s.NomineePosition]);
            }

            return (IReadOnlyList<object?>)row;
        }));
    }

    /// <summary>What the reader may see, filtered by status and member, newest first, with the figures per year of the same.</summary>
    public static async Task<SecondmentList> ListAsync(AppDbContext db, SecondmentAccess access, SecondmentStatus? status, int? memberId, CancellationToken ct)
    {
        if (!access.ReadsAll && access.FocalPointOf is null)
        {
            return new SecondmentList([], []);
        }

        var query = db.Secondments.AsNoTracking().Include(s => s.FocusAreas).Include(s => s.Activities).Include(s => s.Events).AsSplitQuery();
        if (!access.ReadsAll)
        {
            query = query.Where(s => s.MemberId == access.FocalPointOf);
        }

        if (memberId is { } member)
        {
            query = query.Where(s => s.MemberId == member);
        }

        var all = await query.OrderByDescending(s => s.ReceivedUtc).ThenByDescending(s => s.Id).ToListAsync(ct);
        var shown = status is { } wanted ? all.Where(s => s.Status == wanted).ToList() : all;
        var views = await ToDtosAsync(db, shown, access, ct);
        return new SecondmentList(views, Years(all));
    }

    public static async Task<SecondmentDto?> GetAsync(AppDbContext db, SecondmentAccess access, int id, CancellationToken ct)
    {
        var secondment = await db.Secondments.AsNoTracking().Include(s => s.FocusAreas).Include(s => s.Activities).Include(s => s.Events).AsSplitQuery()
            .SingleOrDefaultAsync(s => s.Id == id, ct);
        return secondment is null || !access.MayRead(secondment.MemberId) ? null : (await ToDtosAsync(db, [secondment], access, ct))[0];
    }

    /// <summary>
    /// Per calendar year: expressions received, placements begun, secondments completed (by the placement's last day) and those
    /// withdrawn or declined (by the day of that step).
    /// </summary>
    public static List<SecondmentYearDto> Years(IReadOnlyList<Secondment> secondments)
    {
        var received = secondments.GroupBy(s => s.ReceivedUtc.Year).ToDictionary(g => g.Key, g => g.Count());
        var placed = secondments.Where(s => s.StartDate is not null).GroupBy(s => s.StartDate!.Value.Year).ToDictionary(g => g.Key, g => g.Count());
        var completed = secondments.Where(s => s.Status == SecondmentStatus.Completed).GroupBy(s => s.EndDate!.Value.Year).ToDictionary(g => g.Key, g => g.Count());
        var ended = secondments.Where(s => s.Status is SecondmentStatus.Withdrawn or SecondmentStatus.Declined)
            .GroupBy(s => s.Events[^1].Utc.Year).ToDictionary(g => g.Key, g => g.Count());
        return received.Keys.Union(placed.Keys).Union(completed.Keys).Union(ended.Keys).OrderDescending()
            .Select(y => new SecondmentYearDto(y, received.GetValueOrDefault(y), placed.GetValueOrDefault(y), completed.GetValueOrDefault(y), ended.GetValueOrDefault(y)))
            .ToList();
    }

    private static async Task<List<SecondmentDto>> ToDtosAsync(AppDbContext db, IReadOnlyList<Secondment> secondments, SecondmentAccess access, CancellationToken ct)
    {
        var memberIds = secondments.Select(s => s.MemberId).Distinct().ToList();
        var members = await db.Members.AsNoTracking().Where(m => memberIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Name, ct);
        var focusAreas = await db.FocusAreas.AsNoTracking().ToDictionaryAsync(f => f.Id, f => f.Code, ct);
        var activityIds = secondments.SelectMany(s => s.Activities).Select(a => a.ActivityId).Distinct().ToList();
        var activities = await db.Activities.AsNoTracking().Where(a => activityIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Title, ct);
        return secondments.Select(s => new SecondmentDto(
            s.Id, s.MemberId, members.GetValueOrDefault(s.MemberId, ""), s.Agency, s.AreaOfWork, s.PreferredStart, s.PreferredEnd,
            s.FocusAreas.Select(f => focusAreas.GetValueOrDefault(f.FocusAreaId, "")).Order(StringComparer.Ordinal).ToList(),
            access.SeesNames ? s.NomineeName : null, access.SeesNames ? s.NomineePosition : null,
            s.Status, Secondment.Label(s.Status), s.ReceivedUtc, s.HostUnit, s.StartDate, s.EndDate, s.Funder, s.Outcomes, s.Reason,
            s.Activities.Select(a => new LinkedActivityDto(a.ActivityId, activities.GetValueOrDefault(a.ActivityId, ""))).ToList(),
            s.Events.Select(e => new StepDto(e.Status, Secondment.Label(e.Status), e.Utc, access.SeesNames ? e.By : null, e.Note)).ToList())).ToList();
    }
}
