using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Domain.Activities;
using Scorecards.Domain.Framework;
using Scorecards.Domain.Rounds;
using Scorecards.Domain.Scorecards;
using Scorecards.Web.Features.Members;

namespace Scorecards.Web.Features.Scorecards;

public sealed record RoundRef(int Id, string Name, RoundStatus Status, DateOnly DueOn);

public sealed record BodyRef(int Id, string Code, string Name);

public sealed record IndicatorValueDto(int IndicatorId, string Code, string Name, IndicatorKind Kind, string? Unit, decimal? Baseline, decimal? Target,
    decimal? Actual, bool? MilestoneReached, string? Note);

public sealed record CitedActivity(int Id, string Title, DateOnly StartDate, DateOnly EndDate, DatePrecision DatePrecision, string? City, string LeadBody)
{
    /// <summary>As precisely as they are known: "November 2024", never "1 Nov 2024".</summary>
    public string Dates => ActivityDates.Describe(DatePrecision, StartDate, EndDate);

    /// <summary>"D-WG annual meeting (16–18 July 2024, Hanoi)".</summary>
    public string Citation => Cite(Title, DatePrecision, StartDate, EndDate, City);

    /// <summary>An activity as evidence is cited on pages and in papers: its title, then its dates and city.</summary>
    public static string Cite(string title, DatePrecision precision, DateOnly start, DateOnly end, string? city) =>
        $"{title} ({ActivityDates.Describe(precision, start, end)}{(city is null ? "" : ", " + city)})";
}

public sealed record EntryDto(int Id, string ObjectiveCode, string ObjectiveTitle, string FocusAreaCode, string FocusAreaName,
    Completion? Completion, string? CompletionLabel, string? NotApplicableReason, Trajectory? Trajectory, Effect? Effect,
    string? Progress, string? Challenges, string? SupportNeeded, string? NextSteps, IReadOnlyList<string> Links,
    IReadOnlyList<IndicatorValueDto> Indicators, bool IsCarriedOver, bool CarryOverConfirmed, int Version, DateTime? UpdatedUtc, string? UpdatedBy,
    IReadOnlyList<string> Missing, IReadOnlyList<CitedActivity> Activities);

public sealed record ApprovalDto(int MemberId, string Member, string UserName, DateTime ApprovedUtc);

public sealed record ReviewEventDto(ReviewAction Action, string UserName, string? Reason, DateTime Utc);

/// <summary>The Co-Chairs' last reason for returning or reopening a scorecard, and the body's reply when it submitted again.</summary>
public sealed record ReturnAndReply(ReviewAction Action, string Reason, string ReturnedBy, DateTime ReturnedUtc, string? Reply, string? RepliedBy);

/// <summary>
/// A scorecard for pages and API. <see cref="AwaitingApproval"/> lists the Co-Chair governments whose approval it
/// still needs while it is under review; <see cref="Rated"/> counts entries rated or confirmed in this round.
/// </summary>
public sealed record ScorecardDto(int Id, RoundRef Round, BodyRef Body, ScorecardStatus Status, string StatusLabel, int Version,
    DateTime? SubmittedUtc, string? ReopenReason, bool Editable, string? ReadOnlyReason,
    IReadOnlyList<ApprovalDto> Approvals, IReadOnlyList<CoChairGovernmentDto> AwaitingApproval, ReturnAndReply? LastReturn,
    IReadOnlyList<ReviewEventDto> ReviewHistory, string? CarriedOverFrom, int Rated,
    IReadOnlyList<ChecklistItem> Checklist, IReadOnlyList<EntryDto> Entries);

public sealed record ScorecardSummary(int Id, RoundRef Round, BodyRef Body, ScorecardStatus Status, string StatusLabel,
    int Entries, int Rated, DateTime? SubmittedUtc);

/// <summary>Read models of scorecards for pages and API, each built from a fixed handful of queries.</summary>
public static class ScorecardQueries
{
    public static async Task<List<ScorecardSummary>> ListAsync(AppDbContext db, IQueryable<Scorecard> scorecards, CancellationToken ct)
    {
        var rows = await scorecards.AsNoTracking()
            .Join(db.Rounds, s => s.RoundId, r => r.Id, (s, r) => new { s, r })
            .Join(db.Bodies, x => x.s.BodyId, b => b.Id, (x, b) => new
            {
                x.s.Id,
                Round = new RoundRef(x.r.Id, x.r.Name, x.r.Status, x.r.DueOn),
                Body = new BodyRef(b.Id, b.Code, b.Name),
                x.s.Status,
                x.s.SubmittedUtc,
                Entries = x.s.Entries.Count(e => db.Objectives.Any(o => o.Id == e.ObjectiveId && !o.IsRetired)),
                // Rated this round: a carried-over rating nobody has reviewed yet does not count.
                Rated = x.s.Entries.Count(e => e.Completion != null && !e.IsCarriedOver && db.Objectives.Any(o => o.Id == e.ObjectiveId && !o.IsRetired)),
            })
            .ToListAsync(ct);
        return rows.OrderBy(r => r.Round.DueOn).ThenBy(r => r.Body.Id)
            .Select(r => new ScorecardSummary(r.Id, r.Round, r.Body, r.Status, Scorecard.Label(r.Status), r.Entries, r.Rated, r.SubmittedUtc)).ToList();
    }

    public static async Task<ScorecardDto> ToDtoAsync(AppDbContext db, Scorecard scorecard, RoundRef round, CancellationToken ct)
    {
        var body = await db.Bodies.AsNoTracking().Where(b => b.Id == scorecard.BodyId).Select(b => new BodyRef(b.Id, b.Code, b.Name)).SingleAsync(ct);
        var objectiveIds = scorecard.Entries.Select(e => e.ObjectiveId).ToList();
        var objectives = await db.Objectives.AsNoTracking()
            .Where(o => objectiveIds.Contains(o.Id))
            .Join(db.FocusAreas, o => o.FocusAreaId, f => f.Id, (o, f) => new { o.Id, o.Code, o.Title, o.IsRetired, o.SortOrder, AreaCode = f.Code, AreaName = f.Name, AreaOrder = f.SortOrder })
            .ToListAsync(ct);
        var indicators = await db.Indicators.AsNoTracking().Where(i => objectiveIds.Contains(i.ObjectiveId) && !i.IsRetired).OrderBy(i => i.SortOrder).ToListAsync(ct);
        var cited = await CitedAsync(db, scorecard.Entries.SelectMany(e => e.Citations.Select(c => c.ActivityId)), ct);
        var memberIds = scorecard.Approvals.Select(a => a.MemberId).ToList();
        var members = await db.Members.AsNoTracking().Where(m => memberIds.Contains(m.Id) || m.IsCoChairGovernment)
            .Select(m => new { m.Id, m.Name, m.IsCoChairGovernment }).ToListAsync(ct);
        var governments = members.Where(m => m.IsCoChairGovernment).Select(m => m.Id).ToList();
        var awaiting = scorecard.Status is ScorecardStatus.Submitted or ScorecardStatus.ApprovedByOne
            ? scorecard.AwaitedGovernments(governments).Select(id => new CoChairGovernmentDto(id, members.Single(m => m.Id == id).Name)).OrderBy(g => g.Name).ToList()
            : [];

        var current = objectives.Where(o => !o.IsRetired).ToDictionary(o => o.Id, o => o.Code);
        var editable = scorecard.CanEdit(round.Status);
        var entries = scorecard.Entries
            .Select(e => (Entry: e, Objective: objectives.Find(o => o.Id == e.ObjectiveId)))
            .Where(x => x.Objective is { IsRetired: false })
            .OrderBy(x => x.Objective!.AreaOrder).ThenBy(x => x.Objective!.SortOrder).ThenBy(x => x.Objective!.Code, StringComparer.Ordinal)
            .Select(x => ToEntryDto(x.Entry, x.Objective!.Code, x.Objective.Title, x.Objective.AreaCode, x.Objective.AreaName,
                indicators.Where(i => i.ObjectiveId == x.Entry.ObjectiveId), cited))
            .ToList();

        return new ScorecardDto(scorecard.Id, round, body, scorecard.Status, Scorecard.Label(scorecard.Status), scorecard.Version,
            scorecard.SubmittedUtc, scorecard.ReopenReason, editable.Succeeded, editable.Message,
            scorecard.Approvals.OrderBy(a => a.ApprovedUtc)
                .Select(a => new ApprovalDto(a.MemberId, members.Find(m => m.Id == a.MemberId)?.Name ?? "", a.UserName, a.ApprovedUtc)).ToList(),
            awaiting, LastReturn(scorecard),
            scorecard.ReviewEvents.OrderByDescending(e => e.Utc).ThenByDescending(e => e.Id).Select(e => new ReviewEventDto(e.Action, e.UserName, e.Reason, e.Utc)).ToList(),
            scorecard.CarriedOverFrom, scorecard.Entries.Count(e => current.ContainsKey(e.ObjectiveId) && e.IsRatedThisRound),
            scorecard.Checklist(current), entries);
    }

    private static ReturnAndReply? LastReturn(Scorecard scorecard)
    {
        var history = scorecard.ReviewEvents.OrderBy(e => e.Utc).ThenBy(e => e.Id).ToList();
        var index = history.FindLastIndex(e => e.Action is ReviewAction.Returned or ReviewAction.Unapproved);
        if (index < 0)
        {
            return null;
        }

        var returned = history[index];
        var reply = history.Skip(index + 1).FirstOrDefault(e => e.Action == ReviewAction.Submitted);
        return new ReturnAndReply(returned.Action, returned.Reason ?? "", returned.UserName, returned.Utc, reply?.Reason, reply?.UserName);
    }

    /// <summary>The activities with the given ids, as entries show them.</summary>
    public static async Task<IReadOnlyDictionary<int, CitedActivity>> CitedAsync(AppDbContext db, IEnumerable<int> activityIds, CancellationToken ct)
    {
        var ids = activityIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<int, CitedActivity>();
        }

        return await db.Activities.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Join(db.Bodies, a => a.LeadBodyId, b => b.Id, (a, b) => new CitedActivity(a.Id, a.Title, a.StartDate, a.EndDate, a.DatePrecision, a.City, b.Code))
            .ToDictionaryAsync(a => a.Id, ct);
    }

    public static EntryDto ToEntryDto(Entry e, string code, string title, string areaCode, string areaName, IEnumerable<Indicator> indicators,
        IReadOnlyDictionary<int, CitedActivity> cited) =>
        new(e.Id, code, title, areaCode, areaName, e.Completion, e.Completion?.Label(), e.NotApplicableReason, e.Trajectory, e.Effect,
            e.Progress, e.Challenges, e.SupportNeeded, e.NextSteps, e.LinkList,
            indicators.Select(i =>
            {
                var value = e.IndicatorValues.FirstOrDefault(v => v.IndicatorId == i.Id);
                return new IndicatorValueDto(i.Id, i.Code, i.Name, i.Kind, i.Unit, i.Baseline, i.Target, value?.Actual, value?.MilestoneReached, value?.Note);
            }).ToList(),
            e.IsCarriedOver, e.CarryOverConfirmed, e.Version, e.UpdatedUtc, e.UpdatedBy, e.Missing(),
            e.Citations.Select(c => cited.GetValueOrDefault(c.ActivityId)).OfType<CitedActivity>().OrderBy(a => a.StartDate).ToList());
}
