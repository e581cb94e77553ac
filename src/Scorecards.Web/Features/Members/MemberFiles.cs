using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Domain;
using Scorecards.Domain.Members;
using Scorecards.Web.Features.Admin;
using Scorecards.Web.Features.Shared;
using Scorecards.Web.Infrastructure.Spreadsheets;

namespace Scorecards.Web.Features.Members;

/// <summary>
/// The members file, shared by export and import so that an export can be edited and imported again; and the seats file,
/// which is export only. Kinds and statuses are written as words (state, observer, …).
/// </summary>
public static class MemberSheet
{
    public const string Name = "Name";
    public const string Kind = "Kind";
    public const string Status = "Status";
    public const string Since = "Status since";
    public const string Note = "Note";
    public const string CoChairGovernment = "Co-Chair government";

    public static readonly IReadOnlyList<(string Heading, int Width)> Columns =
        [(Name, 40), (Kind, 24), (Status, 12), (Since, 14), (Note, 40), (CoChairGovernment, 12)];

    public static readonly IReadOnlyList<string> Required = [Name, Kind, Status];

    /// <summary>Read from an export and not imported: the Co-Chair governments change on their own page.</summary>
    public static readonly IReadOnlyList<string> ReadOnly = [CoChairGovernment];

    public static string KindWord(MemberKind kind) => MemberForm.KindLabel(kind).ToLowerInvariant();

    public static SheetTable ToTable(IEnumerable<MemberDto> members) => new("Members", Columns,
        members.Select(m => (IReadOnlyList<object?>)
            [m.Name, KindWord(m.Kind), m.Status.ToString().ToLowerInvariant(), m.StatusSince, m.History.LastOrDefault(c => c.Status == m.Status)?.Note, m.IsCoChairGovernment ? "yes" : ""]));

    /// <summary>Every seat and co-chair term on every body, with its days and decisions.</summary>
    public static SheetTable SeatsTable(IEnumerable<BodyDto> bodies) => new("Seats",
        [("Body", 10), ("Role", 10), ("Who", 40), ("From", 12), ("Until", 12), ("Decision", 40), ("Ended by decision", 40)],
        bodies.SelectMany(b => b.CoChairs.Select(t => (b.Code, Role: "co-chair", Term: t)).Concat(b.Seats.Select(t => (b.Code, Role: "seat", Term: t))))
            .Select(x => (IReadOnlyList<object?>)[x.Code, x.Role, x.Term.Name, x.Term.From, x.Term.Until, x.Term.FromDecision?.Label, x.Term.UntilDecision?.Label]));
}

/// <summary>
/// Imports the register of members from a CSV or XLSX file with the columns of its export. A row names a member: one not on
/// the register is added with its status (and the day it took that status, if known); one on it (by name, any case) is
/// reclassified when its kind differs and gets a change of status, on the day in "Status since", when its status differs.
/// Every row is checked first; the file is saved in one save when no row is rejected, so an import is never half-applied.
/// </summary>
public sealed class MemberImporter(AppDbContext db, RegisterService register, TimeProvider clock, Infrastructure.AppMetrics metrics)
{
    public const int MaxRows = 2000;
    public const int MaxBytes = 1024 * 1024;

    public static readonly SheetLimits Limits = new(MaxRows, Member.MaxNote, MaxColumns: 16);

    public async Task<ImportPreview> RunAsync(string fileName, byte[] content, bool apply, CancellationToken ct) =>
        metrics.Counted("members", await CheckAndApplyAsync(fileName, content, apply, ct));

    private async Task<ImportPreview> CheckAndApplyAsync(string fileName, byte[] content, bool apply, CancellationToken ct)
    {
        var rejections = new List<ImportRejection>();
        ImportPreview Preview(int rows, int created = 0, int updated = 0, int unchanged = 0, bool applied = false) =>
            new(fileName, rows, created, updated, unchanged, rejections.Select(r => r.Row).Distinct().Count(r => r > 0), rejections, applied);

        if (SheetColumns.Read(fileName, content, MaxBytes, Limits, MemberSheet.Columns.Select(c => c.Heading), MemberSheet.Required, "members file", "member", "members", rejections)
            is not var (rows, columns))
        {
            return Preview(0);
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var members = (await db.Members.Include(m => m.History).ToListAsync(ct)).ToDictionary(m => m.Name, StringComparer.OrdinalIgnoreCase);
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var (created, updated, unchanged) = (0, 0, 0);
        try
        {
            foreach (var row in rows)
            {
                string Cell(string column) => columns.TryGetValue(column, out var index) ? row[index].Trim() : "";
                void Reject(string column, string reason) => rejections.Add(new ImportRejection(row.Number, column, reason));
                var before = rejections.Count;

                var name = Cell(MemberSheet.Name);
                if (!Member.TryParseKind(Cell(MemberSheet.Kind), out var kind))
                {
                    Reject(MemberSheet.Kind, $"'{Cell(MemberSheet.Kind)}' is not a kind; use state, territory, special administrative region or organisation.");
                }

                if (!Member.TryParseStatus(Cell(MemberSheet.Status), out var status))
                {
                    Reject(MemberSheet.Status, $"'{Cell(MemberSheet.Status)}' is not a status; use member, observer or withdrawn.");
                }

                DateOnly? since = null;
                if (Cell(MemberSheet.Since) is { Length: > 0 } sinceText && (since = UploadedSheet.ParseDate(sinceText)) is null)
                {
                    Reject(MemberSheet.Since, $"'{sinceText}' is not a date; write it as YYYY-MM-DD, such as 2024-07-16.");
                }

                if (name.Length > 0 && seen.TryGetValue(name, out var first))
                {
                    Reject(MemberSheet.Name, $"Repeats row {first}: each member is named once.");
                }

                if (rejections.Count > before)
                {
                    continue;
                }

                seen[name] = row.Number;
                var note = Cell(MemberSheet.Note) is { Length: > 0 } n ? n : $"Imported from {fileName}.";
                if (!members.TryGetValue(name, out var member))
                {
                    var added = Member.Create(name, kind, status, since, null, today, Cell(MemberSheet.Note));
                    Report(added.Outcome, Reject);
                    if (added.Succeeded)
                    {
                        db.Members.Add(added.Value!);
                        members[added.Value!.Name] = added.Value;
                        created++;
                    }

                    continue;
                }

                var changed = false;
                if (member.Kind != kind)
                {
                    Report(member.Change(member.Name, kind), Reject);
                    changed = true;
                }

                if (member.Status != status)
                {
                    if (since is null)
                    {
                        Reject(MemberSheet.Since, $"{member.Name} is {Member.Describe(member.Status)} on the register; give the day it became {Member.Describe(status)}.");
                        continue;
                    }

                    Report(await register.StageStatusAsync(member, new StatusRequest(status, since, null, note), ct), Reject);
                    changed = true;
                }

                if (rejections.Count > before)
                {
                    continue;
                }

                if (changed)
                {
                    updated++;
                }
                else
                {
                    unchanged++;
                }
            }

            if (rejections.Count > 0 || !apply || created + updated == 0)
            {
                return Preview(rows.Count, created, updated, unchanged);
            }

            await db.SaveChangesAsync(ct);
            return Preview(rows.Count, created, updated, unchanged, applied: true);
        }
        finally
        {
            // Nothing checked but not saved stays behind for the next use of the context.
            db.ChangeTracker.Clear();
        }
    }

    private static void Report(Result result, Action<string, string> reject)
    {
        if (result.Succeeded)
        {
            return;
        }

        if (result.Errors.Count == 0)
        {
            reject(MemberSheet.Status, result.Message ?? "The register refuses this row.");
        }

        foreach (var e in result.Errors)
        {
            reject(e.Field switch
            {
                "Name" => MemberSheet.Name,
                "Kind" => MemberSheet.Kind,
                "Since" or "On" => MemberSheet.Since,
                "Note" => MemberSheet.Note,
                _ => MemberSheet.Status,
            }, e.Message);
        }
    }
}
