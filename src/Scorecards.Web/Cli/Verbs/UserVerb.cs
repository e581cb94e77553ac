using System.CommandLine;
using System.Text.Json;
using Scorecards.Data.Accounts;
using Scorecards.Web.Features.Accounts;
using static Scorecards.Web.Cli.CommandLine;

namespace Scorecards.Web.Cli.Verbs;

/// <summary><c>user add|list|disable|enable|import|export</c>: manages accounts.</summary>
internal static class UserVerb
{
    public static Command Create(TextWriter output)
    {
        var email = new Option<string>("--email") { Description = "The person's e-mail address, used to sign in.", Required = true };
        var name = new Option<string>("--name") { Description = "The person's name as shown in the app.", Required = true };
        var role = new Option<string>("--role") { Description = "Administrator, CoChair, Reporter or MemberViewer.", Required = true };
        role.AcceptOnlyFromAmong([.. Roles.All]);
        var body = new Option<string>("--body") { Description = "For a reporter: the code of the body they report for, such as WG-TIP." };
        var member = new Option<string>("--member") { Description = "The member the person acts for; for a Co-Chair reviewer, a Co-Chair government (see 'cochair list')." };
        var password = new Option<string>("--password") { Description = "A first password, which the person must change at first sign-in; when left out, the person is e-mailed an invitation to choose one, and its link is printed." };
        var add = new Command("add", "Invites a person: creates their account with one role.") { email, name, role, body, member, password };
        add.SetAction(async (result, ct) =>
        {
            await InScopeAsync(result, output, ct, async scope =>
            {
                var (created, errors) = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateAsync(new NewUser(
                    result.GetValue(email), result.GetValue(name), result.GetValue(role), result.GetValue(body), result.GetValue(member), result.GetValue(password), PasswordIssued: true), ct);
                if (created is null)
                {
                    throw new CommandException(string.Join(" ", errors.Select(e => $"--{e.Field}: {e.Message}")));
                }

                await output.WriteLineAsync($"Created {created.User.Email} ({Roles.Label(result.GetValue(role)!)}).");
                if (created.User.MustChangePassword)
                {
                    await output.WriteLineAsync("They must choose their own password when they first sign in.");
                }

                if (created.InvitationLink is { } link)
                {
                    // Sent now, so a first administrator can be invited before any server runs; if it cannot go, a server sends it later.
                    await scope.ServiceProvider.GetRequiredService<Features.Notices.OutboxDispatcher>().SendDueAsync(ct);
                    var mail = scope.ServiceProvider.GetRequiredService<Features.Notices.MailSettings>();
                    await output.WriteLineAsync(mail.UsesSmtp
                        ? $"An invitation is e-mailed to {created.User.Email} (or, if the mail server cannot be reached, sent by the server later)."
                        : $"An invitation to {created.User.Email} is written to {mail.PickupDirectory}, as no mail server is set (Mail__Host).");
                    await output.WriteLineAsync($"Its link, to choose a password (works once, for 7 days): {link}");
                }
            });
            return 0;
        });

        var json = new Option<bool>("--json") { Description = "Print the list as JSON." };
        var list = new Command("list", "Lists every account with its roles and bodies.") { json };
        list.SetAction(async (result, ct) =>
        {
            await InScopeAsync(result, output, ct, async scope =>
            {
                var users = await scope.ServiceProvider.GetRequiredService<AccountService>().ListAsync(ct);
                if (result.GetValue(json))
                {
                    await output.WriteLineAsync(JsonSerializer.Serialize(users, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }));
                    return;
                }

                await output.WriteLineAsync($"{"E-mail",-44} {"Name",-32} {"Roles",-22} Bodies");
                foreach (var u in users)
                {
                    await output.WriteLineAsync($"{u.Email,-44} {u.Name,-32} {string.Join(",", u.Roles),-22} {string.Join(",", u.Bodies)}{(u.LockedOut ? "  (locked out)" : "")}{(u.Disabled ? "  (disabled)" : "")}");
                }
            });
            return 0;
        });

        var who = new Option<string>("--email") { Description = "The account's e-mail address.", Required = true };
        var disable = new Command("disable", "Disables an account: it cannot sign in, and its sessions and tokens stop at once. Nothing is deleted.") { who };
        disable.SetAction((result, ct) => SetDisabledAsync(result, who, disabled: true, output, ct));
        var enable = new Command("enable", "Enables a disabled account again.") { who };
        enable.SetAction((result, ct) => SetDisabledAsync(result, who, disabled: false, output, ct));

        var importFile = new Argument<FileInfo>("FILE") { Description = "A .csv or .xlsx file with the columns of the accounts export." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Only check the file and say whom it would invite, change and reject." };
        var import = new Command("import", "Invites the people a file names and updates the accounts it names again: all rows, or none if any row is rejected.")
        {
            importFile, dryRun,
        };
        import.SetAction(async (result, ct) =>
        {
            var file = result.GetValue(importFile)!;
            AccountImport? done = null;
            await ImportFileAsync(result, output, file, result.GetValue(dryRun), AccountImporter.MaxBytes, "a list of accounts", async (scope, content) =>
            {
                done = await scope.ServiceProvider.GetRequiredService<AccountImporter>().RunAsync(Operator, file.Name, content, apply: !result.GetValue(dryRun), ct);
                if (done.Preview.Applied && done.Preview.Created > 0)
                {
                    // Sent now where mail is set; otherwise written to the mail folder, and the links are printed to pass on.
                    await scope.ServiceProvider.GetRequiredService<Features.Notices.OutboxDispatcher>().SendDueAsync(ct);
                }

                return done.Preview;
            }, ct);
            if (done is { Invitations.Count: > 0, Mailed: false })
            {
                await output.WriteLineAsync("No mail server is set (Mail__Host), so the invitations were not sent. Give each person their link (works once, for 7 days):");
                foreach (var i in done.Invitations)
                {
                    await output.WriteLineAsync($"{i.Email}\t{i.Link}");
                }
            }

            return 0;
        });

        var exportFile = new Argument<FileInfo>("FILE") { Description = "Where to write the accounts, .csv or .xlsx." };
        var export = new Command("export", "Writes every account with its roles, bodies and member to a file that can be edited and imported again.") { exportFile };
        export.SetAction(async (result, ct) =>
        {
            var file = result.GetValue(exportFile)!;
            var format = SheetFormat(file, "the accounts");
            await InScopeAsync(result, output, ct, async scope =>
            {
                var accounts = await scope.ServiceProvider.GetRequiredService<AccountService>().ListAsync(ct);
                await WriteSheetAsync(file, format, AccountSheet.ToTable(accounts), ct);
                await output.WriteLineAsync($"Wrote {accounts.Count} accounts to {file.FullName}.");
            });
            return 0;
        });

        return new Command("user", "Manages accounts.") { add, list, disable, enable, import, export };
    }

    private static async Task<int> SetDisabledAsync(ParseResult result, Option<string> who, bool disabled, TextWriter output, CancellationToken ct)
    {
        await InScopeAsync(result, output, ct, async scope =>
        {
            var user = await FindUserAsync(scope, result.GetValue(who)!);
            await scope.ServiceProvider.GetRequiredService<AccountService>().SetDisabledAsync(user, disabled, ct);
            await output.WriteLineAsync($"{user.Email} {(disabled ? "disabled" : "enabled")}.");
        });
        return 0;
    }
}
