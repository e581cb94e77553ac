using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Domain.Activities;
using Scorecards.Web.Features.Shared;
using Scorecards.Web.Infrastructure.Spreadsheets;

namespace Scorecards.Web.Features.Activities;

/// <summary>
/// Imports activities from a CSV or XLSX file: every row is checked before anything is written, and the
/// file is applied in one transaction only when no row is rejected, so an import is never half-applied.
/// A row updates the activity whose Id it gives, or else the one with the same lead body, title and start
/// date; otherwise it creates one.
/// </summary>
public static class ActivityImporter
{
    public const int MaxRows = 20_000;
    public const int MaxBytes = 10 * 1024 * 1024;

    /// <summary>What an activities file may hold; no field of an activity is longer than its description.</summary>
    public static readonly SheetLimits Limits = new(MaxRows, ActivityValues.MaxTextLength);

    private const int ChunkSize = 500;

    private sealed record Planned(int Row, ActivityValues Values, int? ExistingId, bool Unchanged);

    public static async Task<ImportPreview> PreviewAsync(AppDbContext db, string fileName, byte[] content, Func<int, bool> canManage, CancellationToken ct)
    {
        var (preview, _) = await PlanAsync(db, fileName, content, canManage, ct);
        return preview;
    }

    /// <summary>Applies the file if no row is rejected; otherwise changes nothing and returns the preview with the reasons.</summary>
    public static async Task<ImportPreview> ApplyAsync(AppDbContext db, string fileName, byte[] content, Func<int, bool> canManage,
        DateTime nowUtc, CancellationToken ct)
    {
        var (preview, planned) = await PlanAsync(db, fileName, content, canManage, ct);
        if (preview.Rejections.Count > 0)
        {
            return preview;
        }

        // One transaction: the file is applied whole or not at all. New activities are written in bulk with
        // their audit events; changed ones through the change tracker, in chunks so that it stays small. A caller
        // that claims an upload holds the transaction already.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var created = new List<Activity>();
        foreach (var plan in planned.Where(p => p.ExistingId is null))
        {
            var activity = new Activity(plan.Values.Title!);
            activity.Apply(plan.Values, nowUtc);
            created.Add(activity);
        }

        await db.InsertAsync(created, a => [.. a.PartnerMembers, .. a.FocusAreas, .. a.Objectives], ct);
        foreach (var chunk in planned.Where(p => p.ExistingId is not null && !p.Unchanged).OrderBy(p => p.ExistingId).Chunk(ChunkSize))
        {
            db.ChangeTracker.Clear();
            var existing = await LoadAsync(db, [.. chunk.Select(p => p.ExistingId!.Value)], tracked: true, ct);
            foreach (var plan in chunk)
            {
                existing[plan.ExistingId!.Value].Apply(plan.Values, nowUtc);
            }

            await db.SaveChangesAsync(ct);
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }

        db.ChangeTracker.Clear();
        return preview with { Applied = true };
    }

    private static async Task<(ImportPreview, List<Planned>)> PlanAsync(AppDbContext db, string fileName, byte[] content,
        Func<int, bool> canManage, CancellationToken ct)
    {
        var rejections = new List<ImportRejection>();
        ImportPreview Preview(int rows, int created = 0, int updated = 0, int unchanged = 0) =>
            new(fileName, rows, created, updated, unchanged, rejections.Select(r => r.Row).Distinct().Count(r => r > 0), rejections, Applied: false);

        if (SheetColumns.Read(fileName, content, MaxBytes, Limits, ActivitySheet.Columns.Select(c => c.Heading), ActivitySheet.Required, "activities file", "activity", "activities", rejections)
            is not var (rows, columns))
        {
            return (Preview(0), []);
        }

        var lookups = await Lookups.LoadAsync(db, ct);
        var existing = await db.Activities.AsNoTracking()
            .Select(a => new { a.Id, a.LeadBodyId, a.Title, a.StartDate, a.IsArchived })
            .ToListAsync(ct);
        var byId = existing.ToDictionary(a => a.Id);
        var byKey = existing.Where(a => !a.IsArchived).GroupBy(a => Key(a.LeadBodyId, a.Title, a.StartDate))
            .ToDictionary(g => g.Key, g => g.Min(a => a.Id));

        var seenIds = new Dictionary<int, int>();
        var seenKeys = new Dictionary<string, int>();
        var matches = new List<(int Row, ActivityValues Values, int? ExistingId)>();
        foreach (var row in rows)
        {
            string Cell(string column) => columns.TryGetValue(column, out var index) ? row[index].Trim() : "";
            var before = rejections.Count;
            void Reject(string column, string reason) => rejections.Add(new ImportRejection(row.Number, column, reason));

            int? id = null;
            if (Cell(ActivitySheet.Id) is { Length: > 0 } idText)
            {
                if (int.TryParse(idText, out var parsed) && byId.TryGetValue(parsed, out var known))
                {
                    id = parsed;
                    if (known.IsArchived)
                    {
                        Reject(ActivitySheet.Id, $"Activity {parsed} is archived; restore it in the register before changing it.");
                    }
                    else if (!canManage(known.LeadBodyId))
                    {
                        Reject(ActivitySheet.Id, $"Activity {parsed} belongs to another body, which you do not report for.");
                    }
                }
                else
                {
                    Reject(ActivitySheet.Id, $"'{idText}' is not the number of an activity in the register; leave Id empty to add a new one.");
                }
            }

            var start = ParseDate(Cell(ActivitySheet.StartDate), ActivitySheet.StartDate, Reject);
            var end = ParseDate(Cell(ActivitySheet.EndDate), ActivitySheet.EndDate, Reject);
            if (!ActivitySheet.TryParseCount(Cell(ActivitySheet.Participants), out var participants))
            {
                Reject(ActivitySheet.Participants, $"'{Cell(ActivitySheet.Participants)}' is not a whole number of participants.");
            }

            var request = new ActivityRequest(Cell(ActivitySheet.Title), Cell(ActivitySheet.Kind), start, end, Cell(ActivitySheet.City),
                Cell(ActivitySheet.Member), Cell(ActivitySheet.LeadBody), Cell(ActivitySheet.PartnerOrganisations),
                ActivitySheet.SplitList(Cell(ActivitySheet.PartnerMembers)), ActivitySheet.SplitList(Cell(ActivitySheet.Objectives)),
                Cell(ActivitySheet.Outputs), participants, ActivitySheet.SplitLinks(Cell(ActivitySheet.Links)), Cell(ActivitySheet.Status),
                Cell(ActivitySheet.DatePrecision));
            var resolved = request.ToValues(lookups);
            var values = resolved.Value;
            // A cell already rejected as unreadable is not reported a second time as missing.
            var rejectedColumns = rejections.Skip(before).Select(r => r.Column).ToHashSet();
            foreach (var e in resolved.Outcome.Errors.Where(e => !rejectedColumns.Contains(ColumnOf(e.Field))))
            {
                Reject(ColumnOf(e.Field), e.Message);
            }

            if (values is null || rejections.Count > before)
            {
                continue;
            }

            if (!canManage(values.LeadBodyId!.Value))
            {
                Reject(ActivitySheet.LeadBody, $"You do not report for {Cell(ActivitySheet.LeadBody).ToUpperInvariant()}; you can import only your own body's activities.");
                continue;
            }

            var key = Key(values.LeadBodyId.Value, values.Title!.Trim(), ActivityDates.Bounds(values.Precision, values.StartDate!.Value, values.EndDate).Start);
            if (id is { } given && seenIds.TryGetValue(given, out var firstWithId))
            {
                Reject(ActivitySheet.Id, $"Row {firstWithId} already changes activity {given}.");
                continue;
            }

            if (seenKeys.TryGetValue(key, out var firstWithKey))
            {
                Reject(ActivitySheet.Title, $"Repeats row {firstWithKey}: the same title, lead body and start date.");
                continue;
            }

            seenKeys[key] = row.Number;
            if (id is { } idToChange)
            {
                seenIds[idToChange] = row.Number;
            }

            matches.Add((row.Number, values, id ?? (byKey.TryGetValue(key, out var same) ? same : null)));
        }

        // Existing activities are read, with their links, only to tell an update from an unchanged row.
        var toLoad = matches.Where(m => m.ExistingId is not null).Select(m => m.ExistingId!.Value).Distinct().ToList();
        var loaded = new Dictionary<int, Activity>();
        foreach (var chunk in toLoad.Order().Chunk(2000))
        {
            foreach (var (id, activity) in await LoadAsync(db, chunk, tracked: false, ct))
            {
                loaded[id] = activity;
            }
        }

        var planned = matches.Select(m => new Planned(m.Row, m.Values, m.ExistingId, m.ExistingId is { } e && loaded[e].Matches(m.Values))).ToList();
        var unchanged = planned.Count(p => p.Unchanged);
        var updated = planned.Count(p => p.ExistingId is not null) - unchanged;
        var created = planned.Count(p => p.ExistingId is null);
        return (Preview(rows.Count, created, updated, unchanged), planned);
    }

    /// <summary>
    /// Loads activities with their links by id. The ids are sorted and read as one range: a long list of ids in
    /// an IN clause is slow to plan, while a range on the key is one index scan; rows in the range that were
    /// not asked for are dropped.
    /// </summary>
    private static async Task<Dictionary<int, Activity>> LoadAsync(AppDbContext db, int[] sortedIds, bool tracked, CancellationToken ct)
    {
        var (first, last) = (sortedIds[0], sortedIds[^1]);
        var wanted = sortedIds.ToHashSet();
        var query = db.Activities.Include(a => a.PartnerMembers).Include(a => a.FocusAreas).Include(a => a.Objectives).AsSplitQuery()
            .Where(a => a.Id >= first && a.Id <= last);
        var rows = await (tracked ? query : query.AsNoTracking()).ToListAsync(ct);
        if (tracked)
        {
            foreach (var extra in rows.Where(a => !wanted.Contains(a.Id)))
            {
                db.Entry(extra).State = EntityState.Detached;
            }
        }

        return rows.Where(a => wanted.Contains(a.Id)).ToDictionary(a => a.Id);
    }

    private static DateOnly? ParseDate(string text, string column, Action<string, string> reject)
    {
        if (text.Length == 0)
        {
            return null;
        }

        var date = UploadedSheet.ParseDate(text);
        if (date is null)
        {
            reject(column, $"'{text}' is not a date; write it as YYYY-MM-DD, such as 2024-07-16.");
        }

        return date;
    }

    private static string ColumnOf(string field) => field switch
    {
        "title" => ActivitySheet.Title,
        "kind" => ActivitySheet.Kind,
        "startDate" => ActivitySheet.StartDate,
        "endDate" => ActivitySheet.EndDate,
        "datePrecision" => ActivitySheet.DatePrecision,
        "city" => ActivitySheet.City,
        "member" => ActivitySheet.Member,
        "leadBody" or "leadBodyId" => ActivitySheet.LeadBody,
        "partnerMembers" => ActivitySheet.PartnerMembers,
        "partnerOrganisations" => ActivitySheet.PartnerOrganisations,
        "objectives" => ActivitySheet.Objectives,
        "outputs" => ActivitySheet.Outputs,
        "participants" => ActivitySheet.Participants,
        "links" => ActivitySheet.Links,
        "status" => ActivitySheet.Status,
        _ => field,
    };

    private static string Key(int bodyId, string title, DateOnly start) => $"{bodyId}|{start:yyyy-MM-dd}|{title.Trim().ToUpperInvariant()}";
}
