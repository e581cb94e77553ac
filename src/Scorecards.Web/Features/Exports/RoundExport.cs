using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Scorecards.Data;
using Scorecards.Domain.Rounds;
using Scorecards.Domain.Scorecards;
using Scorecards.Web.Features.Rounds;
using Scorecards.Web.Infrastructure.Localization;
using Scorecards.Web.Infrastructure.Spreadsheets;

namespace Scorecards.Web.Features.Exports;

/// <summary>One entry of a round, flat: codes for machines and labels for people, side by side.</summary>
public sealed record ExportRow(string Round, string Body, string BodyName, string ScorecardStatus, string Approval, string FocusArea, string FocusAreaName,
    string Objective, string ObjectiveTitle, string? Completion, string? CompletionLabel, string? NotApplicableReason, string? Trajectory,
    string? TrajectoryLabel, string? Effect, string? EffectLabel, string? PreviousCompletion, string Trend, string? Progress, string? Challenges,
    string? SupportNeeded, string? NextSteps, string Activities, DateTime? UpdatedUtc);

/// <summary>A body whose scorecard a paper does not hold, and the state it is in.</summary>
public sealed record LeftOut(string Body, string State);

/// <summary>
/// A round ready to export: its consolidated summary (matrix, distributions, assessment) and its entries, flat. By default
/// it holds the approved scorecards only; <see cref="IncludesUnapproved"/> says the reader asked for the others too, each
/// then marked <see cref="DraftMark"/> wherever its content appears.
/// </summary>
public sealed record RoundExport(int RoundId, string Round, string? Meeting, DateOnly PeriodStart, DateOnly PeriodEnd, RoundStatus Status,
    RoundSummary Summary, IReadOnlyList<ExportRow> Rows, bool IncludesUnapproved, bool IsPublic = false)
{
    public static readonly IReadOnlyList<string> Formats = ["docx", "xlsx", "pdf", "csv", "json"];

    public const string DraftMark = "Draft — not approved by the Co-Chairs";
    public const string ApprovedMark = "Approved by the Co-Chairs";

    /// <summary>Whether the body's content in this paper is not approved: marked wherever it appears.</summary>
    public bool IsDraft(string body) =>
        Summary.Bodies.FirstOrDefault(b => b.Code == body) is { Included: true, Status: { } status } && status != ScorecardStatus.Approved;

    /// <summary>
    /// The bodies of the round whose scorecards this paper does not hold, with their state (in English, as the data says it).
    /// The public learns that a body's scorecard was not approved, not where it stands in the review.
    /// </summary>
    public IReadOnlyList<LeftOut> NotIncluded => Summary.Bodies.Where(b => b.ScorecardId is not null && !b.Included)
        .Select(b => new LeftOut(b.Code, IsPublic ? "Not approved by the Co-Chairs" : Scorecard.Label(b.Status!.Value))).ToList();

    /// <summary>The title block's warning that the paper holds unapproved content, naming it; null when it holds none.</summary>
    public string? UnapprovedNotice(IStringLocalizer t)
    {
        var drafts = Summary.Bodies.Where(b => b.Included && b.Status != ScorecardStatus.Approved)
            .Select(b => $"{b.Code} ({Lower(t[Scorecard.Label(b.Status!.Value)])})").ToList();
        return drafts.Count == 0 ? null : t["This paper includes unapproved content: {0}, each marked \"{1}\".", string.Join(", ", drafts), t[DraftMark]].Value;
    }

    /// <summary>What the paper holds, in words for its title block: which bodies, and which are left out or not approved.</summary>
    public IReadOnlyList<string> Contents(IStringLocalizer t)
    {
        var approved = Summary.Bodies.Where(b => b.Included && b.Status == ScorecardStatus.Approved).Select(b => b.Code).ToList();
        var all = Summary.Bodies.Count(b => b.ScorecardId is not null);
        var lines = new List<string>
        {
            approved.Count == 0
                ? t["No scorecard of this round has been approved by the Co-Chairs yet (0 of {0}).", all]
                : t["Approved by the Co-Chairs: {0} ({1} of {2} scorecards).", string.Join(", ", approved), approved.Count, all],
        };
        if (UnapprovedNotice(t) is { } notice)
        {
            lines.Add(notice);
        }

        if (NotIncluded.Count > 0)
        {
            var left = string.Join(", ", NotIncluded.Select(b => $"{b.Body} ({Lower(t[b.State])})"));
            lines.Add(IncludesUnapproved || IsPublic ? t["Not included: {0}.", left] : t["Not included, not yet approved: {0}.", left]);
        }

        return lines;
    }

    // "Approved by one Co-Chair" mid-sentence: the first letter lower, the Co-Chair still a Co-Chair.
    private static string Lower(string label) => char.ToLowerInvariant(label[0]) + label[1..];

    /// <summary>The flat columns, in order, with what each holds; docs/round-export.md describes the same.</summary>
    public static readonly IReadOnlyList<(string Name, int Width, string Description)> Columns =
    [
        ("round", 18, "The round's name, such as \"19th AHG SOM, 2026\"."),
        ("body", 9, "The reporting body's code, such as WG-TIP."),
        ("bodyName", 30, "The reporting body's name."),
        ("scorecardStatus", 14, "The scorecard's state: NotStarted, Draft, Submitted, Returned, ApprovedByOne or Approved."),
        ("approval", 24, $"\"{ApprovedMark}\", or \"{DraftMark}\" for a scorecard included on request before both Co-Chair governments approved it."),
        ("focusArea", 9, "The focus area's code, such as LE."),
        ("focusAreaName", 24, "The focus area's name."),
        ("objective", 9, "The objective's code, such as LE-1."),
        ("objectiveTitle", 40, "The objective's title."),
        ("completion", 14, "Completion as a code: complete, substantial, limited, not-started, no-evidence, not-applicable; empty when not rated."),
        ("completionLabel", 18, "Completion as the label pages show."),
        ("notApplicableReason", 24, "Why the objective is not applicable this round."),
        ("trajectory", 12, "on-track, some-delays or off-track."),
        ("trajectoryLabel", 14, "Trajectory as pages show it."),
        ("effect", 12, "Did it strengthen regional cooperation: outstanding, major, marginal, did-not-change or worsened."),
        ("effectLabel", 14, "Effect as pages show it."),
        ("previousCompletion", 14, "Completion in the body's approved entry of the previous round, as a code."),
        ("trend", 10, "Against the previous round: improved, declined, unchanged, new or none."),
        ("progress", 60, "What was done (Markdown)."),
        ("challenges", 40, "Challenges (Markdown)."),
        ("supportNeeded", 40, "Support needed (Markdown); not in public views."),
        ("nextSteps", 40, "Next steps (Markdown)."),
        ("activities", 50, "The activities cited as evidence: title (first day, city), separated by semicolons."),
        ("updatedUtc", 18, "When the entry was last saved, UTC."),
    ];

    public SheetTable FlatTable() => new("Entries", Columns.Select(c => (c.Name, c.Width)).ToList(), Rows.Select(Cells));

    /// <summary>
    /// One sheet per focus area, for reading, in the language of <paramref name="t"/>: objective, body, ratings and the
    /// narrative. The flat sheet is data, with the documented columns, and stays in English.
    /// </summary>
    public IEnumerable<SheetTable> AreaTables(IStringLocalizer t) => Summary.FocusAreas.Select(area => new SheetTable($"{area.Code} {area.Name}",
        [(t["Objective"], 10), (t["Title"], 36), (t["Body"], 9), (t["Approval"], 22), (t["Completion"], 18), (t["Trajectory"], 14), (t["Progress"], 70), (t["Evidence"], 40)],
        Rows.Where(r => r.FocusArea == area.Code).Select(r => (IReadOnlyList<object?>)
            [r.Objective, r.ObjectiveTitle, r.Body, t[r.Approval].Value, t[r.CompletionLabel ?? "Not rated"].Value, r.TrajectoryLabel is null ? null : t[r.TrajectoryLabel].Value,
                r.Progress, Phrases.Months(t, r.Activities)])));

    private static IReadOnlyList<object?> Cells(ExportRow r) =>
    [
        r.Round, r.Body, r.BodyName, r.ScorecardStatus, r.Approval, r.FocusArea, r.FocusAreaName, r.Objective, r.ObjectiveTitle, r.Completion, r.CompletionLabel,
        r.NotApplicableReason, r.Trajectory, r.TrajectoryLabel, r.Effect, r.EffectLabel, r.PreviousCompletion, r.Trend, r.Progress, r.Challenges,
        r.SupportNeeded, r.NextSteps, r.Activities, r.UpdatedUtc?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
    ];
}

public static class RoundExportQueries
{
    /// <summary>
    /// The round as a paper for the reader: the approved scorecards they may read, or, with <paramref name="includeUnapproved"/>,
    /// every scorecard they may read; null if there is no such round.
    /// </summary>
    public static async Task<RoundExport?> LoadAsync(AppDbContext db, int roundId, ClaimsPrincipal reader, bool includeUnapproved, CancellationToken ct)
    {
        var round = await db.Rounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == roundId, ct);
        var consolidated = round is null ? null : await RoundSummaryQueries.ForPaperAsync(db, roundId, reader, includeUnapproved, ct);
        return round is null || consolidated is null ? null : await BuildAsync(db, round, consolidated, includeUnapproved, isPublic: false, ct);
    }

    /// <summary>
    /// The round as the public may download it: published rounds only, their approved scorecards only, without what
    /// bodies ask of governments (support needed); null for any other round.
    /// </summary>
    public static async Task<RoundExport?> LoadPublicAsync(AppDbContext db, int roundId, CancellationToken ct)
    {
        var consolidated = await RoundSummaryQueries.ForPublicAsync(db, roundId, SummaryFilter.None, ct);
        var round = consolidated is null ? null : await db.Rounds.AsNoTracking().SingleAsync(r => r.Id == roundId, ct);
        return round is null || consolidated is null ? null : await BuildAsync(db, round, consolidated, includeUnapproved: false, isPublic: true, ct);
    }

    private static async Task<RoundExport> BuildAsync(AppDbContext db, Round round, RoundSummary consolidated, bool includeUnapproved, bool isPublic,
        CancellationToken ct)
    {
        var roundId = round.Id;
        var included = consolidated.Bodies.Where(b => b.Included && b.ScorecardId is not null).Select(b => b.ScorecardId!.Value).ToList();
        var cards = await db.Scorecards.AsNoTracking().Where(s => s.RoundId == roundId && included.Contains(s.Id))
            .Join(db.Bodies, s => s.BodyId, b => b.Id, (s, b) => new { s.Id, b.Code, b.Name, s.Status }).ToDictionaryAsync(s => s.Id, ct);
        var cardIds = cards.Keys.ToList();
        var entries = await db.Entries.AsNoTracking().Where(e => cardIds.Contains(e.ScorecardId))
            .Join(db.Objectives, e => e.ObjectiveId, o => o.Id, (e, o) => new { Entry = e, o.Code, o.Title, o.FocusAreaId, o.SortOrder })
            .ToListAsync(ct);
        var areas = await db.FocusAreas.AsNoTracking().ToDictionaryAsync(f => f.Id, f => new { f.Code, f.Name, f.SortOrder }, ct);
        var entryIds = entries.Select(e => e.Entry.Id).ToList();
        var cited = (await db.Set<Citation>().AsNoTracking().Where(c => entryIds.Contains(c.EntryId))
            .Join(db.Activities, c => c.ActivityId, a => a.Id, (c, a) => new { c.EntryId, a.Title, a.StartDate, a.EndDate, a.DatePrecision, a.City }).ToListAsync(ct))
            .ToLookup(c => c.EntryId, c => Scorecards.CitedActivity.Cite(c.Title, c.DatePrecision, c.StartDate, c.EndDate, c.City));
        var fromSummary = consolidated.FocusAreas.SelectMany(a => a.Objectives).SelectMany(o => o.Entries)
            .ToDictionary(e => (e.ScorecardId, e.ObjectiveCode));

        var rows = entries
            .OrderBy(e => areas[e.FocusAreaId].SortOrder).ThenBy(e => areas[e.FocusAreaId].Code, StringComparer.Ordinal)
            .ThenBy(e => e.SortOrder).ThenBy(e => e.Code, StringComparer.Ordinal).ThenBy(e => cards[e.Entry.ScorecardId].Code, StringComparer.Ordinal)
            .Select(x =>
            {
                var e = x.Entry;
                var card = cards[e.ScorecardId];
                var area = areas[x.FocusAreaId];
                var previous = fromSummary.GetValueOrDefault((e.ScorecardId, x.Code));
                return new ExportRow(round.Name, card.Code, card.Name, card.Status.ToString(),
                    card.Status == ScorecardStatus.Approved ? RoundExport.ApprovedMark : RoundExport.DraftMark, area.Code, area.Name, x.Code, x.Title,
                    e.Completion?.Slug(), e.Completion?.Label(), e.NotApplicableReason, e.Trajectory?.Slug(), e.Trajectory?.Label(), e.Effect?.Slug(),
                    e.Effect?.Label(), previous?.Previous?.Slug(), (previous?.Trend ?? Domain.Scoring.Trend.None).ToString().ToLowerInvariant(),
                    e.Progress, e.Challenges, isPublic ? null : e.SupportNeeded, e.NextSteps, string.Join("; ", cited[e.Id]), e.UpdatedUtc);
            }).ToList();
        return new RoundExport(round.Id, round.Name, round.Meeting, round.PeriodStart, round.PeriodEnd, round.Status, consolidated, rows, includeUnapproved, isPublic);
    }
}

/// <summary>How the papers colour a level: the completion colours of the round page, with text that stays readable on them.</summary>
public static class PaperColours
{
    /// <summary>Background and text colour as RRGGBB.</summary>
    public static (string Background, string Foreground) Of(Completion? level) => level switch
    {
        Completion.Complete => ("1B5E20", "FFFFFF"),
        Completion.Substantial => ("7CB342", "000000"),
        Completion.Limited => ("F2B705", "000000"),
        Completion.NotStarted => ("9E9E9E", "000000"),
        Completion.NotApplicable => ("E0E0E0", "000000"),
        _ => ("FFFFFF", "000000"),
    };
}
