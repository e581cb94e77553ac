using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Domain;
using Scorecards.Web.Features.Shared;
using Scorecards.Web.Infrastructure.Spreadsheets;

namespace Scorecards.Web.Features.Members;

/// <summary>
/// The bodies file, shared by export and import so that an export can be edited and imported again: each body with its
/// current co-chairs, members by name and others (the GABF's business leaders) by their own, semicolons between them.
/// </summary>
public static class BodySheet
{
    public const string Code = "Code";
    public const string Name = "Name";
    public const string Reports = "Reports";
    public const string CoChairs = "Co-chairs";
    public const string OtherCoChairs = "Co-chairs not members";
    public const string CoChairsFrom = "Co-chairs from";

    public static readonly IReadOnlyList<(string Heading, int Width)> Columns =
        [(Code, 10), (Name, 50), (Reports, 9), (CoChairs, 30), (OtherCoChairs, 30), (CoChairsFrom, 14)];

    public static readonly IReadOnlyList<string> Required = [Code, Name];

    /// <summary>The bodies with the co-chairs the list holds for them (the current ones, as the register lists them on a day).</summary>
    public static SheetTable ToTable(IEnumerable<BodyDto> bodies) => new("Bodies", Columns,
        bodies.Select(b => (IReadOnlyList<object?>)
        [
            b.Code, b.Name, b.IsActive ? "yes" : "no",
            string.Join("; ", b.CoChairs.Where(c => c.MemberId is not null).Select(c => c.Name)),
            string.Join("; ", b.CoChairs.Where(c => c.MemberId is null).Select(c => c.Name)), null,
        ]));
}

/// <summary>
/// Imports the reporting bodies from a CSV or XLSX file with the columns of its export. A row names a body by its code: a new
/// code adds the body; a known one is renamed or taken in or out of reporting when they differ. Where a row names co-chairs,
/// they become the body's co-chairs: a term begins for each one new, from "Co-chairs from" (or since before the register
/// began, for a body that never had one), and the term of each one left out ends the day before. A row with no co-chairs leaves
/// them as they are. Each row goes through the register's own operations in one transaction, applied whole or not at all.
/// </summary>
public sealed class BodyImporter(AppDbContext db, RegisterService register, TimeProvider clock, Infrastructure.AppMetrics metrics)
{
    public const int MaxRows = 200;
    public const int MaxBytes = 256 * 1024;

    public static readonly SheetLimits Limits = new(MaxRows, 1000, MaxColumns: 16);

    public async Task<ImportPreview> RunAsync(ClaimsPrincipal by, string fileName, byte[] content, bool apply, CancellationToken ct) =>
        metrics.Counted("bodies", await CheckAndApplyAsync(by, fileName, content, apply, ct));

    private async Task<ImportPreview> CheckAndApplyAsync(ClaimsPrincipal by, string fileName, byte[] content, bool apply, CancellationToken ct)
    {
        var rejections = new List<ImportRejection>();
        var (created, updated, unchanged, rowCount) = (0, 0, 0, 0);
        ImportPreview Preview(bool applied = false) =>
            new(fileName, rowCount, created, updated, unchanged, rejections.Select(r => r.Row).Distinct().Count(r => r > 0), rejections, applied);

        if (SheetColumns.Read(fileName, content, MaxBytes, Limits, BodySheet.Columns.Select(c => c.Heading), BodySheet.Required, "bodies file", "body", "bodies", rejections)
            is not var (rows, columns))
        {
            return Preview();
        }

        rowCount = rows.Count;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var members = await db.Members.AsNoTracking().ToDictionaryAsync(m => m.Name, m => m.Id, StringComparer.OrdinalIgnoreCase, ct);
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var wanted = new List<Wanted>();
        foreach (var row in rows)
        {
            string Cell(string column) => columns.TryGetValue(column, out var index) ? row[index].Trim() : "";
            var code = Cell(BodySheet.Code).ToUpperInvariant();
            void Reject(string column, string reason) => rejections.Add(new ImportRejection(row.Number, column, reason, code.Length > 0 ? code : null));
            var before = rejections.Count;

            if (code.Length > 0 && !seen.TryAdd(code, row.Number))
            {
                Reject(BodySheet.Code, $"Repeats row {seen[code]}: each body is named once.");
            }

            bool? reports = Cell(BodySheet.Reports).ToLowerInvariant() switch
            {
                "" or "yes" or "y" or "true" => true,
                "no" or "n" or "false" => false,
                _ => null,
            };
            if (reports is null)
            {
                Reject(BodySheet.Reports, $"'{Cell(BodySheet.Reports)}' is not yes or no: say whether the body reports in new rounds.");
            }

            var chairs = new List<int>();
            foreach (var name in SheetColumns.Parts(Cell(BodySheet.CoChairs)))
            {
                if (members.TryGetValue(name, out var id))
                {
                    chairs.Add(id);
                }
                else
                {
                    Reject(BodySheet.CoChairs, $"'{name}' is not a member; use the name as the member list spells it, or put a co-chair who is not a member under \"{BodySheet.OtherCoChairs}\".");
                }
            }

            var others = SheetColumns.Parts(Cell(BodySheet.OtherCoChairs));
            DateOnly? from = null;
            if (Cell(BodySheet.CoChairsFrom) is { Length: > 0 } fromText && (from = UploadedSheet.ParseDate(fromText)) is null)
            {
                Reject(BodySheet.CoChairsFrom, $"'{fromText}' is not a date; write it as YYYY-MM-DD, such as 2025-05-21.");
            }

            if (rejections.Count == before)
            {
                wanted.Add(new Wanted(row.Number, code, Cell(BodySheet.Name), reports!.Value, chairs.Distinct().ToList(), others.Distinct(StringComparer.OrdinalIgnoreCase).ToList(), from));
            }
        }

        if (rejections.Count > 0)
        {
            return Preview();
        }

        var applied = await ImportTransaction.RunAsync(db, apply, async () =>
        {
            foreach (var body in wanted)
            {
                var outcome = await ApplyAsync(by, body, today, ct);
                switch (outcome)
                {
                    case { Result.Succeeded: false }:
                        Report(rejections, body, outcome);
                        break;
                    case { Created: true }:
                        created++;
                        break;
                    case { Changed: true }:
                        updated++;
                        break;
                    default:
                        unchanged++;
                        break;
                }
            }

            return rejections.Count == 0;
        }, ct);
        return Preview(applied && apply && created + updated > 0);
    }

    private sealed record Wanted(int Row, string Code, string Name, bool Reports, IReadOnlyList<int> MemberChairs, IReadOnlyList<string> OtherChairs, DateOnly? From);

    private sealed record Outcome(Result Result, bool Created, bool Changed, string Column);

    private async Task<Outcome> ApplyAsync(ClaimsPrincipal by, Wanted row, DateOnly today, CancellationToken ct)
    {
        var body = await db.Bodies.AsNoTracking().Include(b => b.CoChairs).SingleOrDefaultAsync(b => b.Code == row.Code, ct);
        var created = body is null;
        if (body is null)
        {
            var added = await register.AddBodyAsync(by, row.Code, row.Name, ct);
            if (!added.Succeeded)
            {
                return new Outcome(added.Outcome, false, false, BodySheet.Code);
            }

            body = added.Value!;
        }

        var changed = false;
        if (body.Name != row.Name || body.IsActive != row.Reports)
        {
            var renamed = await register.ChangeBodyAsync(by, row.Code, new BodyRequest(row.Name, row.Reports), ct);
            if (!renamed.Succeeded)
            {
                return new Outcome(renamed.Outcome, false, false, BodySheet.Name);
            }

            changed = true;
        }

        if (row.MemberChairs.Count + row.OtherChairs.Count > 0)
        {
            // A body that never had a co-chair gets its first ones since before the register began, unless the file says when.
            var start = row.From ?? (body.CoChairs.Count == 0 ? null : today);
            var day = start ?? today;
            var current = body.CoChairs.Where(c => c.HeldOn(day)).ToList();
            foreach (var term in current.Where(c => c.MemberId is { } m ? !row.MemberChairs.Contains(m)
                : !row.OtherChairs.Contains(c.PersonName ?? "", StringComparer.OrdinalIgnoreCase)))
            {
                var ended = await register.EndCoChairAsync(by, row.Code, term.Id, new TermEnd(day.AddDays(-1), null), ct);
                if (!ended.Succeeded)
                {
                    return new Outcome(ended.Outcome, false, false, BodySheet.CoChairs);
                }

                changed = true;
            }

            var requests = row.MemberChairs.Where(m => !current.Exists(c => c.MemberId == m)).Select(m => (Request: new CoChairRequest(m, null, start, null, null), Column: BodySheet.CoChairs))
                .Concat(row.OtherChairs.Where(p => !current.Exists(c => c.MemberId is null && string.Equals(c.PersonName, p, StringComparison.OrdinalIgnoreCase)))
                    .Select(p => (Request: new CoChairRequest(null, p, start, null, null), Column: BodySheet.OtherCoChairs)));
            foreach (var (request, column) in requests)
            {
                var added = await register.AddCoChairAsync(by, row.Code, request, ct);
                if (!added.Succeeded)
                {
                    return new Outcome(added.Outcome, false, false, column);
                }

                changed = true;
            }
        }

        return new Outcome(Result.Ok(), created, changed, "");
    }

    private static void Report(List<ImportRejection> rejections, Wanted row, Outcome outcome)
    {
        var result = outcome.Result;
        if (result.Errors.Count == 0)
        {
            rejections.Add(new ImportRejection(row.Row, outcome.Column, result.Message ?? "The register refuses this row.", row.Code));
        }

        foreach (var e in result.Errors)
        {
            rejections.Add(new ImportRejection(row.Row, e.Field switch
            {
                "Code" => BodySheet.Code,
                "Name" => BodySheet.Name,
                "From" or "Until" => BodySheet.CoChairsFrom,
                _ => outcome.Column,
            }, e.Message, row.Code));
        }
    }
}
