using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Domain.Scorecards;
using Scorecards.Web.Features.Shared;
using Scorecards.Web.Infrastructure;
using Scorecards.Web.Infrastructure.Authorization;
using Scorecards.Web.Infrastructure.Spreadsheets;

namespace Scorecards.Web.Features.Scorecards;

public sealed record OfflineChange(int Row, string Objective, string Field, string? Current, string? New);

public sealed record OfflineConflict(int Row, string Objective, int DownloadedVersion, int CurrentVersion, string? UpdatedBy, DateTime? UpdatedUtc);

/// <summary>What an offline workbook would change: field by field against the current values, entries someone else changed, and rejected cells.</summary>
public sealed record OfflinePreview(string FileName, int Rows, int Unchanged, IReadOnlyList<OfflineChange> Changes, IReadOnlyList<OfflineConflict> Conflicts,
    IReadOnlyList<ImportRejection> Rejections, bool Applied)
{
    public bool CanApply => Rejections.Count == 0 && Conflicts.Count == 0 && Changes.Count > 0;
}

/// <summary>
/// A body's scorecard as an Excel workbook to fill in offline: the current values, drop-down lists for the ratings, and
/// each entry's version, so that an upload can tell what changed and whether someone else saved the entry meanwhile.
/// An upload is checked row by row and applied only whole, and never over someone else's change.
/// </summary>
public static class OfflineWorkbook
{
    public const string Template = "Scorecards offline scorecard, version 1";
    public const string EntriesSheet = "Scorecard";
    public const string AboutSheet = "About";
    public const int MaxBytes = 2 * 1024 * 1024;

    private const string Objective = "Objective";
    private const string Title = "Objective title";
    private const string Completion = "Completion";
    private const string NotApplicable = "Not applicable because";
    private const string Trajectory = "Trajectory";
    private const string Effect = "Effect";
    private const string Progress = "Progress";
    private const string Challenges = "Challenges";
    private const string Support = "Support needed";
    private const string NextSteps = "Next steps";
    private const string Version = "Version";

    private static readonly (string Heading, int Width)[] Columns =
    [
        (Objective, 10), (Title, 40), (Completion, 20), (NotApplicable, 24), (Trajectory, 14), (Effect, 14), (Progress, 60), (Challenges, 40),
        (Support, 40), (NextSteps, 40), (Version, 9),
    ];

    public static async Task WriteAsync(AppDbContext db, LoadedScorecard loaded, DateTime nowUtc, Stream output, CancellationToken ct)
    {
        var (scorecard, round) = loaded;
        var body = await db.Bodies.AsNoTracking().Where(b => b.Id == scorecard.BodyId).Select(b => new { b.Code, b.Name }).SingleAsync(ct);
        var objectives = await ObjectivesAsync(db, scorecard, ct);
        var entries = new SheetTable(EntriesSheet, Columns,
            scorecard.Entries.Where(e => objectives.ContainsKey(e.ObjectiveId)).OrderBy(e => objectives[e.ObjectiveId].Order)
                .Select(e => (IReadOnlyList<object?>)
                [
                    objectives[e.ObjectiveId].Code, objectives[e.ObjectiveId].Title, e.Completion?.Label(), e.NotApplicableReason, e.Trajectory?.Label(),
                    e.Effect?.Label(), e.Progress, e.Challenges, e.SupportNeeded, e.NextSteps, e.Version,
                ]),
            new Dictionary<int, IReadOnlyList<string>>
            {
                [2] = Ratings.CompletionDisplayOrder.Select(c => c.Label()).ToList(),
                [4] = Ratings.TrajectoryOrder.Select(t => t.Label()).ToList(),
                [5] = Ratings.EffectOrder.Select(e => e.Label()).ToList(),
            });
        var about = new SheetTable(AboutSheet, [("About this workbook", 24), ("", 60)],
        [
            ["Template", Template],
            ["Scorecard", scorecard.Id],
            ["Body", $"{body.Code}, {body.Name}"],
            ["Round", round.Name],
            ["Downloaded (UTC)", nowUtc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)],
            ["How to use it", "Fill in the Scorecard sheet: choose ratings from the lists, write the narratives. Do not change the Objective or Version columns. "
                + "Upload the workbook on the scorecard's page: you will see every change before anything is saved."],
        ]);
        await SheetWriter.WriteXlsxAsync([entries, about], output, ct);
    }

    public static string FileName(string bodyCode, string round) =>
        $"{FileNames.Slug(bodyCode)}-{FileNames.Slug(round)}-offline.xlsx";

    /// <summary>Checks the upload against the scorecard as it is now; nothing is saved.</summary>
    public static async Task<(OfflinePreview Preview, List<(Entry Entry, EntryValues Values, int Row, string Code)> Plan)> PlanAsync(AppDbContext db, LoadedScorecard loaded,
        string fileName, byte[] content, CancellationToken ct)
    {
        var rejections = new List<ImportRejection>();
        OfflinePreview Refused(string reason)
        {
            rejections.Add(new(0, "", reason));
            return new OfflinePreview(fileName, 0, 0, [], [], rejections, false);
        }

        if (!fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            return (Refused($"'{fileName}' is not an Excel workbook (.xlsx); download the scorecard for offline work and upload that file."), []);
        }

        if (content.Length > MaxBytes)
        {
            return (Refused($"The file is larger than {MaxBytes / 1024 / 1024} MB; an offline scorecard is far smaller."), []);
        }

        var (about, aboutError) = UploadedSheet.Read(fileName, content, new SheetLimits(MaxRows: 50, EntryValues.MaxNarrativeLength), AboutSheet);
        if (about is null || !about.Rows.Any(r => r[0] == "Template" && r[1] == Template))
        {
            return (Refused(aboutError is not null && !aboutError.Contains("no sheet named", StringComparison.Ordinal)
                ? aboutError
                : "This is not a Scorecards offline workbook (wrong template): download the scorecard for offline work and fill in that file."), []);
        }

        var (scorecard, _) = loaded;
        var fileScorecard = about.Rows.FirstOrDefault(r => r[0] == "Scorecard")?[1];
        if (fileScorecard != scorecard.Id.ToString(CultureInfo.InvariantCulture))
        {
            var what = about.Rows.FirstOrDefault(r => r[0] == "Body")?[1] is { Length: > 0 } b ? $"{b}, {about.Rows.FirstOrDefault(r => r[0] == "Round")?[1]}" : "another scorecard";
            return (Refused($"This workbook is the scorecard of {what} (scorecard {fileScorecard}), not this one (scorecard {scorecard.Id}). Upload it on its own scorecard's page."), []);
        }

        var (sheet, error) = UploadedSheet.Read(fileName, content, new SheetLimits(MaxRows: 500, EntryValues.MaxNarrativeLength), EntriesSheet);
        if (sheet is null)
        {
            return (Refused(error!), []);
        }

        var index = new Dictionary<string, int>();
        for (var i = 0; i < sheet.Header.Count; i++)
        {
            index.TryAdd(sheet.Header[i], i);
        }

        var missing = Columns.Select(c => c.Heading).Where(h => !index.ContainsKey(h)).ToList();
        if (missing.Count > 0)
        {
            return (Refused($"The Scorecard sheet has lost its column(s) {string.Join(", ", missing.Select(m => $"'{m}'"))} (wrong template); download a fresh copy."), []);
        }

        var objectives = await ObjectivesAsync(db, scorecard, ct);
        var byCode = scorecard.Entries.Where(e => objectives.ContainsKey(e.ObjectiveId)).ToDictionary(e => objectives[e.ObjectiveId].Code, StringComparer.OrdinalIgnoreCase);
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var changes = new List<OfflineChange>();
        var conflicts = new List<OfflineConflict>();
        var plan = new List<(Entry, EntryValues, int, string)>();
        var unchanged = 0;
        var rows = sheet.Rows.Where(r => !r.IsBlank).ToList();
        foreach (var row in rows)
        {
            string Cell(string column) => row[index[column]].Trim();
            var before = rejections.Count;
            var code = Cell(Objective);
            void Reject(string column, string reason) => rejections.Add(new(row.Number, column, reason, code.Length > 0 ? code : null));

            if (!byCode.TryGetValue(code, out var entry))
            {
                Reject(Objective, $"'{code}' is not an objective of this scorecard; the Objective column must not be changed.");
                continue;
            }

            if (seen.TryGetValue(code, out var first))
            {
                Reject(Objective, $"{code} is also on row {first}; each objective appears once.");
                continue;
            }

            seen[code] = row.Number;
            T? Rating<T>(string column)
                where T : struct, Enum
            {
                var (value, problem) = Ratings.Read<T>(Cell(column));
                if (problem is not null)
                {
                    Reject(column, problem);
                }

                return value;
            }

            var completion = Rating<Completion>(Completion);
            var trajectory = Rating<Trajectory>(Trajectory);
            var effect = Rating<Effect>(Effect);
            if (!int.TryParse(Cell(Version), NumberStyles.Integer, CultureInfo.InvariantCulture, out var version))
            {
                Reject(Version, $"'{Cell(Version)}' is not the version the workbook was downloaded with; the Version column must not be changed.");
            }

            if (rejections.Count > before)
            {
                continue;
            }

            string? Text(string column) => Cell(column) is { Length: > 0 } t ? t.ReplaceLineEndings("\n") : null;
            var current = entry.Values;
            var values = current with
            {
                Completion = completion,
                NotApplicableReason = Text(NotApplicable),
                Trajectory = trajectory,
                Effect = effect,
                Progress = Text(Progress),
                Challenges = Text(Challenges),
                SupportNeeded = Text(Support),
                NextSteps = Text(NextSteps),
            };
            var rowChanges = Compare(row.Number, code, current, values);
            if (rowChanges.Count == 0)
            {
                unchanged++;
                continue;
            }

            foreach (var e in values.Validate(Markdown.Check))
            {
                Reject(ColumnOf(e.Field), e.Message);
            }

            if (rejections.Count > before)
            {
                continue;
            }

            if (entry.Version != version)
            {
                conflicts.Add(new OfflineConflict(row.Number, code, version, entry.Version, entry.UpdatedBy, entry.UpdatedUtc));
                continue;
            }

            changes.AddRange(rowChanges);
            plan.Add((entry, values, row.Number, code));
        }

        return (new OfflinePreview(fileName, rows.Count, unchanged, changes, conflicts, rejections, false), plan);
    }

    /// <summary>Applies the upload whole, if it has changes, no rejected cell and no conflict; otherwise changes nothing.</summary>
    public static async Task<OfflinePreview> ApplyAsync(AppDbContext db, LoadedScorecard loaded, string fileName, byte[] content, ClaimsPrincipal user,
        DateTime nowUtc, CancellationToken ct)
    {
        var (preview, plan) = await PlanAsync(db, loaded, fileName, content, ct);
        if (!preview.CanApply)
        {
            return preview;
        }

        foreach (var (entry, values, _, _) in plan)
        {
            entry.Apply(values, user.Identity?.Name ?? user.DisplayName(), nowUtc);
        }

        loaded.Scorecard.Touch();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved an entry between the check and the write: nothing of the upload is kept.
            db.ChangeTracker.Clear();
            return preview with
            {
                Changes = [],
                Conflicts = [.. plan.Select(p => new OfflineConflict(p.Row, p.Code, p.Entry.Version, p.Entry.Version + 1, null, null))],
            };
        }

        return preview with { Applied = true };
    }

    private static List<OfflineChange> Compare(int row, string code, EntryValues current, EntryValues next)
    {
        var changes = new List<OfflineChange>();
        void Check(string field, string? before, string? after)
        {
            if ((before ?? "") != (after ?? ""))
            {
                changes.Add(new OfflineChange(row, code, field, before, after));
            }
        }

        Check(Completion, current.Completion?.Label(), next.Completion?.Label());
        Check(NotApplicable, current.NotApplicableReason, next.NotApplicableReason);
        Check(Trajectory, current.Trajectory?.Label(), next.Trajectory?.Label());
        Check(Effect, current.Effect?.Label(), next.Effect?.Label());
        Check(Progress, current.Progress, next.Progress);
        Check(Challenges, current.Challenges, next.Challenges);
        Check(Support, current.SupportNeeded, next.SupportNeeded);
        Check(NextSteps, current.NextSteps, next.NextSteps);
        return changes;
    }

    private static string ColumnOf(string field) => field switch
    {
        nameof(EntryValues.Completion) => Completion,
        nameof(EntryValues.NotApplicableReason) => NotApplicable,
        nameof(EntryValues.Trajectory) => Trajectory,
        nameof(EntryValues.Effect) => Effect,
        nameof(EntryValues.Progress) => Progress,
        nameof(EntryValues.Challenges) => Challenges,
        nameof(EntryValues.SupportNeeded) => Support,
        nameof(EntryValues.NextSteps) => NextSteps,
        _ => field,
    };

    private static async Task<Dictionary<int, (string Code, string Title, int Order)>> ObjectivesAsync(AppDbContext db, Scorecard scorecard, CancellationToken ct)
    {
        var ids = scorecard.Entries.Select(e => e.ObjectiveId).ToList();
        var rows = await db.Objectives.AsNoTracking().Where(o => ids.Contains(o.Id) && !o.IsRetired)
            .Join(db.FocusAreas, o => o.FocusAreaId, f => f.Id, (o, f) => new { o.Id, o.Code, o.Title, Area = f.SortOrder, o.SortOrder }).ToListAsync(ct);
        return rows.OrderBy(o => o.Area).ThenBy(o => o.SortOrder).ThenBy(o => o.Code, StringComparer.Ordinal)
            .Select((o, i) => (o, i)).ToDictionary(x => x.o.Id, x => (x.o.Code, x.o.Title, x.i));
    }
}
