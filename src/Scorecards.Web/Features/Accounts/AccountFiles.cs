using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Data.Accounts;
using Scorecards.Web.Features.Notices;
using Scorecards.Web.Features.Shared;
using Scorecards.Web.Infrastructure.Spreadsheets;

namespace Scorecards.Web.Features.Accounts;

/// <summary>
/// The accounts file, shared by export and import so that an export can be edited and imported again. A person with several
/// roles or bodies has them in one cell, separated by semicolons.
/// </summary>
public static class AccountSheet
{
    public const string Email = "E-mail";
    public const string Name = "Name";
    public const string Role = "Role";
    public const string Body = "Body";
    public const string Member = "Member";
    public const string Status = "Status";

    public static readonly IReadOnlyList<(string Heading, int Width)> Columns =
        [(Email, 36), (Name, 30), (Role, 26), (Body, 16), (Member, 24), (Status, 12)];

    public static readonly IReadOnlyList<string> Required = [Email, Name, Role];

    /// <summary>Written by the export and not imported: whether the person has chosen a password, or is disabled, is theirs and the account page's.</summary>
    public static readonly IReadOnlyList<string> ReadOnly = [Status];

    public static SheetTable ToTable(IEnumerable<AccountRow> accounts) => new("Accounts", Columns,
        accounts.Select(a => (IReadOnlyList<object?>)
        [
            a.Email, a.Name, string.Join("; ", a.Roles.Select(Roles.Label)), string.Join("; ", a.Bodies), a.Member,
            a.Disabled ? "disabled" : a.Invited ? "invited" : "active",
        ]));

    /// <summary>The role a cell names, by its name or its label, whatever the case, spaces and hyphens: "Co-Chair reviewer", "cochair".</summary>
    public static string? ParseRole(string text)
    {
        static string Plain(string s) => new(s.Where(char.IsLetter).Select(char.ToLowerInvariant).ToArray());
        var plain = Plain(text);
        return Roles.All.FirstOrDefault(r => Plain(r) == plain || Plain(Roles.Label(r)) == plain);
    }
}

/// <summary>An invitation an import sent: to pass on by hand when this server sends no e-mail.</summary>
public sealed record Invitation(string Email, string Name, string Link);

/// <summary>
/// What an accounts import would do or did; <c>Mailed</c> says whether invitations go by e-mail. Only when they do not are their
/// links given, to pass on by hand: a link sent by e-mail is its person's alone.
/// </summary>
public sealed record AccountImport(ImportPreview Preview, IReadOnlyList<Invitation> Invitations, bool Mailed);

/// <summary>
/// Imports accounts from a CSV or XLSX file with the columns of its export. A row names a person by e-mail: one without an
/// account is invited (an e-mail with a link to choose a password); one with an account gets the name, roles, bodies and member
/// the row gives, when they differ. An account the file does not name is left as it is. Each row goes through the same
/// operations as the Users page, in one transaction, so an import is applied whole or not at all.
/// </summary>
public sealed class AccountImporter(AppDbContext db, AccountService accounts, AccountLinks links, UserManager<AppUser> users, MailSettings mail,
    Infrastructure.AppMetrics metrics)
{
    public const int MaxRows = 2000;
    public const int MaxBytes = 1024 * 1024;

    public static readonly SheetLimits Limits = new(MaxRows, 300, MaxColumns: 16);

    /// <summary>Readies what an invitation's link needs; call it before a transaction the import is to run in.</summary>
    public void Prepare() => links.PrepareKeys();

    public async Task<AccountImport> RunAsync(ClaimsPrincipal by, string fileName, byte[] content, bool apply, CancellationToken ct)
    {
        var done = await CheckAndApplyAsync(by, fileName, content, apply, ct);
        metrics.Counted("accounts", done.Preview);
        return done;
    }

    private async Task<AccountImport> CheckAndApplyAsync(ClaimsPrincipal by, string fileName, byte[] content, bool apply, CancellationToken ct)
    {
        var rejections = new List<ImportRejection>();
        var invitations = new List<Invitation>();
        var (created, updated, unchanged, rowCount) = (0, 0, 0, 0);
        AccountImport Result(bool applied = false) => new(new ImportPreview(fileName, rowCount, created, updated, unchanged,
            rejections.Select(r => r.Row).Distinct().Count(r => r > 0), rejections, applied), applied && !mail.UsesSmtp ? invitations : [], mail.UsesSmtp);

        if (SheetColumns.Read(fileName, content, MaxBytes, Limits, AccountSheet.Columns.Select(c => c.Heading), AccountSheet.Required, "accounts file", "account", "accounts", rejections)
            is not var (rows, columns))
        {
            return Result();
        }

        rowCount = rows.Count;
        var bodies = await db.Bodies.AsNoTracking().ToDictionaryAsync(b => b.Code, b => b.Id, StringComparer.OrdinalIgnoreCase, ct);
        var members = await db.Members.AsNoTracking().ToDictionaryAsync(m => m.Name, m => m.Id, StringComparer.OrdinalIgnoreCase, ct);
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var wanted = new List<(int Row, string Email, AccountChange Change)>();
        foreach (var row in rows)
        {
            string Cell(string column) => columns.TryGetValue(column, out var index) ? row[index].Trim() : "";
            var email = Cell(AccountSheet.Email);
            void Reject(string column, string reason) => rejections.Add(new ImportRejection(row.Number, column, reason, email.Length > 0 ? email : null));
            var before = rejections.Count;

            if (email.Length is 0 or > 256 || !email.Contains('@', StringComparison.Ordinal) || email.Any(char.IsWhiteSpace))
            {
                Reject(AccountSheet.Email, $"'{email}' is not an e-mail address.");
            }
            else if (!seen.TryAdd(email, row.Number))
            {
                Reject(AccountSheet.Email, $"Repeats row {seen[email]}: each person is named once.");
            }

            var roles = new List<string>();
            foreach (var part in SheetColumns.Parts(Cell(AccountSheet.Role)))
            {
                if (AccountSheet.ParseRole(part) is { } role)
                {
                    roles.Add(role);
                }
                else
                {
                    Reject(AccountSheet.Role, $"'{part}' is not a role; use {string.Join(", ", Roles.All.Select(Roles.Label))}.");
                }
            }

            var bodyIds = new List<int>();
            foreach (var code in SheetColumns.Parts(Cell(AccountSheet.Body)))
            {
                if (bodies.TryGetValue(code, out var id))
                {
                    bodyIds.Add(id);
                }
                else
                {
                    Reject(AccountSheet.Body, $"'{code}' is not a reporting body; the bodies are {(bodies.Count == 0 ? "none yet: add them first" : string.Join(", ", bodies.Keys.Order(StringComparer.Ordinal)))}.");
                }
            }

            int? memberId = null;
            if (Cell(AccountSheet.Member) is { Length: > 0 } memberName)
            {
                if (members.TryGetValue(memberName, out var id))
                {
                    memberId = id;
                }
                else
                {
                    Reject(AccountSheet.Member, $"'{memberName}' is not a member; use the name as the member list spells it, such as Indonesia.");
                }
            }

            if (rejections.Count == before)
            {
                wanted.Add((row.Number, email, new AccountChange(Cell(AccountSheet.Name), memberId, roles.Distinct().ToList(), bodyIds.Distinct().ToList())));
            }
        }

        if (rejections.Count > 0)
        {
            return Result();
        }

        if (db.Database.CurrentTransaction is null)
        {
            Prepare();
        }

        var applied = await ImportTransaction.RunAsync(db, apply, async () =>
        {
            foreach (var (row, email, change) in wanted)
            {
                var account = await users.FindByEmailAsync(email);
                if (account is null)
                {
                    var added = await accounts.AddAsync(email, change, password: null, passwordIssued: false, ct);
                    if (added.Succeeded)
                    {
                        created++;
                        invitations.Add(new Invitation(email, change.Name!.Trim(), added.Value!.InvitationLink!));
                    }

                    Reject(rejections, row, email, added.Outcome);
                    continue;
                }

                if (await SameAsync(account, change, ct))
                {
                    unchanged++;
                    continue;
                }

                var changed = await accounts.UpdateAsync(by, account, change, ct);
                if (changed.Succeeded)
                {
                    updated++;
                }

                Reject(rejections, row, email, changed);
            }

            return rejections.Count == 0;
        }, ct);
        return Result(applied && apply && created + updated > 0);
    }

    private async Task<bool> SameAsync(AppUser account, AccountChange change, CancellationToken ct)
    {
        var roles = await users.GetRolesAsync(account);
        var bodies = await db.UserBodies.Where(ub => ub.UserId == account.Id).Select(ub => ub.BodyId).ToListAsync(ct);
        return account.DisplayName == change.Name?.Trim() && account.MemberId == change.MemberId
            && roles.ToHashSet().SetEquals(change.SelectedRoles) && bodies.ToHashSet().SetEquals(change.BodyIds);
    }

    private static void Reject(List<ImportRejection> rejections, int row, string email, Domain.Result result)
    {
        if (result.Succeeded)
        {
            return;
        }

        if (result.Errors.Count == 0)
        {
            rejections.Add(new ImportRejection(row, AccountSheet.Email, result.Message ?? "The account cannot be saved.", email));
        }

        foreach (var e in result.Errors)
        {
            rejections.Add(new ImportRejection(row, e.Field switch
            {
                nameof(AccountChange.Name) or "name" => AccountSheet.Name,
                nameof(AccountChange.SelectedRoles) => AccountSheet.Role,
                nameof(AccountChange.BodyIds) => AccountSheet.Body,
                nameof(AccountChange.MemberId) => AccountSheet.Member,
                _ => AccountSheet.Email,
            }, e.Message, email));
        }
    }
}
