using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Domain.Activities;
using Scorecards.Domain.Rounds;
using Scorecards.Domain.Scorecards;
using Scorecards.Domain.Scoring;
using Scorecards.Web.Infrastructure.Authorization;

namespace Scorecards.Web.Features.Rounds;

/// <summary>
/// Builds a <see cref="RoundSummary"/> from a fixed handful of queries (thirteen), however many rounds,
/// bodies or entries there are; every figure comes from <see cref="Scores"/> and <see cref="Gaps"/>.
/// </summary>
public static class RoundSummaryQueries
{
    private static readonly RoundStatus[] ReportedStatuses = [RoundStatus.Open, RoundStatus.InReview, RoundStatus.Published, RoundStatus.Archived];
    private static readonly RoundStatus[] PublicStatuses = [RoundStatus.Published, RoundStatus.Archived];

    /// <summary>The round as a signed-in person may see it: the scorecards they may read.</summary>
    public static Task<RoundSummary?> ForUserAsync(AppDbContext db, int roundId, ClaimsPrincipal user, SummaryFilter filter, CancellationToken ct) =>
        LoadAsync(db, roundId, db.Scorecards.Readable(user), isPublic: false, user.SeesAllWork(), filter, ct);

    /// <summary>
    /// The round as a paper for this person holds it: the approved scorecards they may read, or, when asked, every
    /// scorecard they may read.
    /// </summary>
    public static Task<RoundSummary?> ForPaperAsync(AppDbContext db, int roundId, ClaimsPrincipal user, bool includeUnapproved, CancellationToken ct)
    {
        var readable = db.Scorecards.Readable(user);
        return LoadAsync(db, roundId, includeUnapproved ? readable : readable.Where(s => s.Status == ScorecardStatus.Approved), isPublic: false,
            user.SeesAllWork(), SummaryFilter.None, ct);
    }

    /// <summary>The round as the public sees it: published rounds only, approved scorecards only; null otherwise.</summary>
    public static Task<RoundSummary?> ForPublicAsync(AppDbContext db, int roundId, SummaryFilter filter, CancellationToken ct) =>
        LoadAsync(db, roundId, db.Scorecards.Where(s => s.Status == ScorecardStatus.Approved), isPublic: true, seesDraftAssessment: false, filter, ct);

    // seesDraftAssessment: the Co-Chairs' assessment is theirs and the secretariat's until the round is published.
    private static async Task<RoundSummary?> LoadAsync(AppDbContext db, int roundId, IQueryable<Scorecard> readable, bool isPublic,
        bool seesDraftAssessment, SummaryFilter filter, CancellationToken ct)
    {
        var statuses = isPublic ? PublicStatuses : ReportedStatuses;
        var round = await db.Rounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null || (isPublic && !statuses.Contains(round.Status)))
        {
            return null;
        }

        // Trends compare with the latest earlier round the same audience may read, and only with its approved entries.
        var previous = await db.Rounds.AsNoTracking()
            .Where(r => r.PeriodEnd < round.PeriodEnd && statuses.Contains(r.Status))
            .OrderByDescending(r => r.PeriodEnd).Select(r => new { r.Id, r.Name }).FirstOrDefaultAsync(ct);

        var scorecards = await db.Scorecards.AsNoTracking().Where(s => s.RoundId == roundId)
            .Select(s => new { s.Id, s.BodyId, s.Status, Included = readable.Any(x => x.Id == s.Id) }).ToListAsync(ct);
        var bodies = await db.Bodies.AsNoTracking().OrderBy(b => b.Id).Select(b => new { b.Id, b.Code, b.Name, b.IsActive }).ToListAsync(ct);
        var strategyId = await db.Strategies.OrderBy(s => s.Id).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct);
        var areas = await db.FocusAreas.AsNoTracking().Where(f => f.StrategyId == strategyId).OrderBy(f => f.SortOrder).ThenBy(f => f.Code).ToListAsync(ct);
        var objectives = await db.Objectives.AsNoTracking().Where(o => db.FocusAreas.Any(f => f.Id == o.FocusAreaId && f.StrategyId == strategyId))
            .OrderBy(o => o.SortOrder).ThenBy(o => o.Code).ToListAsync(ct);
        var assignments = await db.Assignments.AsNoTracking().Where(a => db.Bodies.Any(b => b.Id == a.BodyId && b.IsActive)).ToListAsync(ct);

        var includedIds = scorecards.Where(s => s.Included).Select(s => s.Id).ToList();
        // Which objectives others have rated in scorecards this reader may not read yet: counted, never shown.
        var hiddenIds = scorecards.Where(s => !s.Included).Select(s => s.Id).ToList();
        var notYetApproved = hiddenIds.Count == 0
            ? []
            : (await db.Entries.AsNoTracking().Where(e => hiddenIds.Contains(e.ScorecardId) && e.Completion != null).Select(e => e.ObjectiveId).ToListAsync(ct))
                .GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
        var entries = await db.Entries.AsNoTracking().Where(e => includedIds.Contains(e.ScorecardId))
            .Select(e => new { e.Id, e.ScorecardId, e.ObjectiveId, e.Completion, e.Trajectory, e.Progress }).ToListAsync(ct);
        var citations = await db.Set<Citation>().AsNoTracking()
            .Join(db.Entries.Where(e => includedIds.Contains(e.ScorecardId)), c => c.EntryId, e => e.Id, (c, e) => c)
            .Join(db.Activities, c => c.ActivityId, a => a.Id, (c, a) => new { c.EntryId, a.Id, a.Title, a.StartDate, a.EndDate, a.DatePrecision, a.City, a.LeadBodyId })
            .ToListAsync(ct);
        var servedObjectives = (await db.Set<Domain.Activities.ActivityObjective>().AsNoTracking()
            .Join(db.Activities.Where(Activity.During(round.PeriodStart, round.PeriodEnd)).Where(a => !a.IsArchived), o => o.ActivityId, a => a.Id, (o, a) => o.ObjectiveId)
            .Distinct().ToListAsync(ct)).ToHashSet();
        var planned = await db.Activities.AsNoTracking()
            .Where(Activity.During(round.PeriodStart, round.PeriodEnd)).Where(a => !a.IsArchived && a.Status == Domain.Activities.ActivityStatus.Planned)
            .Select(a => new { a.Id, a.Title, a.LeadBodyId, a.StartDate, a.EndDate, a.DatePrecision }).ToListAsync(ct);
        var assessments = seesDraftAssessment || Assessment.IsPublishedIn(round.Status)
            ? await db.Assessments.AsNoTracking().Where(a => a.RoundId == roundId && a.Text != "").ToListAsync(ct)
            : [];
        var previousEntries = previous is null
            ? []
            : await db.Entries.AsNoTracking()
                .Join(db.Scorecards.Where(s => s.RoundId == previous.Id && s.Status == ScorecardStatus.Approved), e => e.ScorecardId, s => s.Id,
                    (e, s) => new { s.BodyId, e.ObjectiveId, e.Completion })
                .ToListAsync(ct);

        var bodyOf = scorecards.ToDictionary(s => s.Id, s => s.BodyId);
        var bodyCode = bodies.ToDictionary(b => b.Id, b => b.Code);
        var evidence = citations.ToLookup(c => c.EntryId, c => new Scorecards.CitedActivity(c.Id, c.Title, c.StartDate, c.EndDate, c.DatePrecision, c.City, bodyCode.GetValueOrDefault(c.LeadBodyId, "")));
        var before = previousEntries.ToDictionary(p => (p.BodyId, p.ObjectiveId), p => p.Completion);
        var reportedObjectives = entries.Where(e => e.Completion is not null).Select(e => e.ObjectiveId).ToHashSet();
        var shownObjectives = objectives.Where(o => !o.IsRetired || (PublicStatuses.Contains(round.Status) && reportedObjectives.Contains(o.Id))).ToList();
        var shownObjectiveIds = shownObjectives.Select(o => o.Id).ToHashSet();
        var objectiveById = shownObjectives.ToDictionary(o => o.Id);
        var filterBody = filter.Body is null ? null : bodies.FirstOrDefault(b => string.Equals(b.Code, filter.Body, StringComparison.OrdinalIgnoreCase));

        var scored = entries
            .Where(e => shownObjectiveIds.Contains(e.ObjectiveId))
            .Select(e => (Scored: new ScoredEntry(bodyOf[e.ScorecardId], e.ObjectiveId, objectiveById[e.ObjectiveId].FocusAreaId, e.Completion,
                    before.GetValueOrDefault((bodyOf[e.ScorecardId], e.ObjectiveId)), !string.IsNullOrWhiteSpace(e.Progress)),
                Row: e))
            .ToList();
        var inView = scored.Where(x => filterBody is null || x.Scored.BodyId == filterBody.Id).ToList();

        SummaryEntry Entry(ScoredEntry s, int entryId, int scorecardId, Trajectory? trajectory, string? progress, bool withEvidence) =>
            new(bodyCode[s.BodyId], scorecardId, objectiveById[s.ObjectiveId].Code, s.Completion, s.Completion?.Label(), trajectory, s.Previous,
                Scores.TrendOf(s.Completion, s.Previous), s.HasNarrative, progress,
                withEvidence ? evidence[entryId].OrderBy(a => a.StartDate).ToList() : []);

        bool Shown(ScoredEntry s) => filter.Level is null || s.Completion == filter.Level;

        var shownBodies = bodies.Where(b => (b.IsActive || scorecards.Exists(s => s.BodyId == b.Id)) && (filterBody is null || b.Id == filterBody.Id)).ToList();
        // A retired focus area stays in the published rounds whose objectives under it were reported on, and leaves open ones.
        areas = areas.Where(a => !a.IsRetired || shownObjectives.Exists(o => o.FocusAreaId == a.Id)).ToList();
        var summaryAreas = areas
            .Where(a => filter.Area is null || string.Equals(a.Code, filter.Area, StringComparison.OrdinalIgnoreCase))
            .Select(area =>
            {
                var inArea = inView.Where(x => x.Scored.FocusAreaId == area.Id).ToList();
                var areaObjectives = shownObjectives.Where(o => o.FocusAreaId == area.Id).Select(o =>
                {
                    var forObjective = inArea.Where(x => x.Scored.ObjectiveId == o.Id).ToList();
                    return new SummaryObjective(o.Code, o.Title, o.IsRetired,
                        assignments.Where(a => a.ObjectiveId == o.Id).Select(a => bodyCode[a.BodyId]).Order(StringComparer.Ordinal).ToList(),
                        DistributionDto.From(Scores.Distribute(forObjective.Select(x => x.Scored))),
                        TrendDto.From(Scores.TrendOf(forObjective.Select(x => x.Scored))),
                        forObjective.Where(x => Shown(x.Scored)).OrderBy(x => x.Scored.BodyId)
                            .Select(x => Entry(x.Scored, x.Row.Id, x.Row.ScorecardId, x.Row.Trajectory, x.Row.Progress, withEvidence: true)).ToList(),
                        notYetApproved.GetValueOrDefault(o.Id));
                }).ToList();
                var cells = shownBodies.Select(b => new SummaryCell(b.Code,
                    inArea.Where(x => x.Scored.BodyId == b.Id && Shown(x.Scored))
                        .OrderBy(x => objectiveById[x.Scored.ObjectiveId].SortOrder).ThenBy(x => objectiveById[x.Scored.ObjectiveId].Code, StringComparer.Ordinal)
                        .Select(x => Entry(x.Scored, x.Row.Id, x.Row.ScorecardId, x.Row.Trajectory, null, withEvidence: false)).ToList())).ToList();
                return new SummaryArea(area.Code, area.Name, DistributionDto.From(Scores.Distribute(inArea.Select(x => x.Scored))),
                    TrendDto.From(Scores.TrendOf(inArea.Select(x => x.Scored))), cells, areaObjectives);
            }).ToList();

        var gaps = Gaps.Find(
            shownObjectives.Where(o => !o.IsRetired).Select(o => new GapObjective(o.Id, assignments.Where(a => a.ObjectiveId == o.Id).Select(a => a.BodyId).ToList())).ToList(),
            scored.Select(x => x.Scored).ToList(),
            scorecards.Select(s => new GapScorecard(s.Id, s.BodyId, s.Status)).ToList(),
            servedObjectives,
            planned.Select(a => new PlannedActivity(a.Id, a.EndDate)).ToList(),
            // Dates pass with the clock while the round runs, and at the end of its period once it is over.
            db.Today < round.PeriodEnd ? db.Today : round.PeriodEnd);
        var summaryGaps = new SummaryGaps(
            gaps.UnassignedObjectives.Select(id => objectiveById[id].Code).ToList(),
            gaps.ObjectivesWithoutEntry.Where(id => !notYetApproved.ContainsKey(id)).Select(id => objectiveById[id].Code).ToList(),
            gaps.RatedWithoutNarrative.Select(e => new GapEntry(bodyCode[e.BodyId], scorecards.First(s => s.BodyId == e.BodyId).Id, objectiveById[e.ObjectiveId].Code))
                .OrderBy(g => g.BodyCode, StringComparer.Ordinal).ThenBy(g => g.ObjectiveCode, StringComparer.Ordinal).ToList(),
            gaps.NotSubmitted.Select(s => new GapBody(bodyCode[s.BodyId], s.ScorecardId, s.Status, Scorecard.Label(s.Status))).OrderBy(g => g.BodyCode, StringComparer.Ordinal).ToList(),
            gaps.ObjectivesWithoutActivity.Select(id => objectiveById[id].Code).ToList(),
            gaps.OverduePlannedActivities.Select(id => planned.Single(a => a.Id == id))
                .Select(a => new GapActivity(a.Id, a.Title, bodyCode.GetValueOrDefault(a.LeadBodyId, ""), Domain.Activities.ActivityDates.Describe(a.DatePrecision, a.StartDate, a.EndDate)))
                .OrderBy(a => a.BodyCode, StringComparer.Ordinal).ThenBy(a => a.Title, StringComparer.Ordinal).ToList(),
            gaps.ObjectivesWithoutEntry.Where(notYetApproved.ContainsKey).Select(id => objectiveById[id].Code).ToList());

        return new RoundSummary(round.Id, round.Name, round.Status, Round.Label(round.Status), previous?.Id, previous?.Name, filter,
            shownBodies.Select(b => scorecards.Find(s => s.BodyId == b.Id) is { } s
                ? new SummaryBody(b.Id, b.Code, b.Name, s.Id, s.Status, s.Included)
                : new SummaryBody(b.Id, b.Code, b.Name, null, null, false)).ToList(),
            DistributionDto.From(Scores.Distribute(inView.Select(x => x.Scored))),
            TrendDto.From(Scores.TrendOf(inView.Select(x => x.Scored))),
            summaryAreas, summaryGaps, includedIds.Count, scorecards.Count,
            assessments.Where(a => a.FocusAreaId is null || areas.Exists(f => f.Id == a.FocusAreaId))
                .OrderBy(a => a.FocusAreaId is null ? -1 : areas.FindIndex(f => f.Id == a.FocusAreaId))
                .Select(a => areas.Find(f => f.Id == a.FocusAreaId) is { } area
                    ? new AssessmentDto(area.Code, area.Name, a.Text, a.UpdatedBy, a.UpdatedUtc)
                    : new AssessmentDto(null, null, a.Text, a.UpdatedBy, a.UpdatedUtc)).ToList());
    }
}
