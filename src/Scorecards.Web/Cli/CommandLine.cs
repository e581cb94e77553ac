using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Data.Accounts;
using Scorecards.Web.Features.Accounts;
using Scorecards.Web.Features.Activities;
using Scorecards.Web.Features.Exports;
using Scorecards.Web.Features.Framework;
using Scorecards.Web.Features.Members;
using Scorecards.Web.Features.Seeding;
using Scorecards.Web.Features.Settings;
using Scorecards.Web.Infrastructure;
using Scorecards.Web.Infrastructure.Authorization;
using Scorecards.Web.Infrastructure.Spreadsheets;

namespace Scorecards.Web.Cli;

/// <summary>
/// The program's verbs. Each builds the same services as the web app, so a verb follows the same rules
/// and writes the same audit log as a page or API call.
/// </summary>
public static class CommandLine
{
    private static readonly Option<string> DataOption = new("--data")
    {
        Description = "Folder for the embedded SQLite database (default ./data).",
        DefaultValueFactory = _ => "data",
        Recursive = true,
    };

    public static Task<int> RunAsync(string[] args) => RunAsync(args, Console.Out, Console.Error);

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("Scorecards: reporting against the 2023 Adelaide Strategy for Cooperation.")
        {
            Serve(), Migrate(output), Seed(output), User(output), CoChairVerb(output), FrameworkVerb(output), ActivitiesVerb(output), ExportVerb(output), Token(output),
        };
        root.Options.Add(DataOption);

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            var verb = parsed.CommandResult.Command == root ? "" : " " + string.Join(' ', CommandPath(parsed.CommandResult.Command, root));
            await error.WriteLineAsync($"error: {parsed.Errors[0].Message} Run 'scorecards{verb} --help' for usage.");
            return 2;
        }

        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (CommandException e)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return 1;
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException or DbUpdateException or Npgsql.NpgsqlException or Microsoft.Data.Sqlite.SqliteException)
        {
            await error.WriteLineAsync($"error: {e.GetBaseException().Message.ReplaceLineEndings(" ")}");
            return 1;
        }
    }

    private static IEnumerable<string> CommandPath(Command command, RootCommand root)
    {
        var names = new List<string>();
        for (Command? c = command; c is not null && c != root; c = c.Parents.OfType<Command>().FirstOrDefault())
        {
            names.Insert(0, c.Name);
        }

        return names;
    }

    private static Command Serve()
    {
        var urls = new Option<string>("--urls") { Description = "Addresses to listen on, such as http://127.0.0.1:5080 (default http://localhost:5000)." };
        var demo = new Option<bool>("--demo") { Description = "Seed demo data first if the database is empty." };
        var migrate = new Option<bool>("--migrate") { Description = "On PostgreSQL, apply pending migrations before serving (SQLite always does)." };
        var command = new Command("serve", "Runs the web application. The embedded SQLite database is created and migrated first; "
            + "on PostgreSQL the schema must be current, or --migrate given.") { urls, demo, migrate };
        command.SetAction(async (result, ct) =>
        {
            var args = new List<string>();
            if (result.GetValue(urls) is { Length: > 0 } u)
            {
                args.Add($"--urls={u}");
            }

            var builder = WebApp.CreateBuilder([.. args], result.GetValue(DataOption)!);
            var app = WebApp.Build(builder);
            var embedded = app.Services.GetRequiredService<DatabaseSettings>().Provider == DatabaseProvider.Sqlite;
            await PrepareAsync(app.Services, seedDemo: result.GetValue(demo), Console.Out, ct, migrate: embedded || result.GetValue(migrate));
            await app.RunAsync();
            return 0;
        });
        return command;
    }

    private static Command Migrate(TextWriter output)
    {
        var command = new Command("migrate", "Creates the database if needed and applies every migration.");
        command.SetAction(async (result, ct) =>
        {
            await WithServicesAsync(result, async services =>
            {
                await PrepareAsync(services, seedDemo: false, output, ct);
                await output.WriteLineAsync("The database is up to date.");
            });
            return 0;
        });
        return command;
    }

    private static Command Seed(TextWriter output)
    {
        var demo = new Option<bool>("--demo") { Description = "Seed the demo data (members, bodies, framework, accounts, rounds).", Required = true };
        var command = new Command("seed", "Seeds demo data into an empty database.") { demo };
        command.SetAction(async (result, ct) =>
        {
            await InScopeAsync(result, output, ct, async scope =>
            {
                var seeded = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(ct);
                if (!seeded.Succeeded)
                {
                    throw new CommandException(seeded.Message!);
                }

                await PrintDemoAccountsAsync(output);
            });
            return 0;
        });
        return command;
    }

    private static Command User(TextWriter output)
    {
        var email = new Option<string>("--email") { Description = "The person's e-mail address, used to sign in.", Required = true };
        var name = new Option<string>("--name") { Description = "The person's name as shown in the app.", Required = true };
        var role = new Option<string>("--role") { Description = "Administrator, CoChair, Reporter or MemberViewer.", Required = true };
        role.AcceptOnlyFromAmong([.. Roles.All]);
        var body = new Option<string>("--body") { Description = "For a reporter: the code of the body they report for, such as WG-TIP." };
        var member = new Option<string>("--member") { Description = "The member the person acts for; for a Co-Chair reviewer, a Co-Chair government (see 'cochair list')." };
        var password = new Option<string>("--password") { Description = "The first password; when left out, a one-time password is printed." };
        var add = new Command("add", "Invites a person: creates their account with one role.") { email, name, role, body, member, password };
        add.SetAction(async (result, ct) =>
        {
            await InScopeAsync(result, output, ct, async scope =>
            {
                var (created, errors) = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateAsync(new NewUser(
                    result.GetValue(email), result.GetValue(name), result.GetValue(role), result.GetValue(body), result.GetValue(member), result.GetValue(password)), ct);
                if (created is null)
                {
                    throw new CommandException(string.Join(" ", errors.Select(e => $"--{e.Field}: {e.Message}")));
                }

                await output.WriteLineAsync($"Created {created.User.Email} ({Roles.Label(result.GetValue(role)!)}).");
                if (created.PasswordGenerated)
                {
                    await output.WriteLineAsync($"One-time password: {created.Password}");
                    await output.WriteLineAsync("Give it to the person over a separate channel; they should change it after signing in.");
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

        return new Command("user", "Manages accounts.") { add, list, disable, enable };
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

    private static Command CoChairVerb(TextWriter output)
    {
        var list = new Command("list", "Lists the Process's Co-Chair governments, whose Co-Chair reviewers approve scorecards.");
        list.SetAction(async (result, ct) =>
        {
            await InScopeAsync(result, output, ct, async scope =>
            {
                foreach (var government in await CoChairGovernments.ListAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), ct))
                {
                    await output.WriteLineAsync(government.Name);
                }
            });
            return 0;
        });

        Command Change(string name, string description, string done, Func<CoChairGovernments, int, CancellationToken, Task<Domain.Result>> change)
        {
            var member = new Option<string>("--member") { Description = "The member state, as the member list spells it, such as Indonesia.", Required = true };
            var command = new Command(name, description) { member };
            command.SetAction(async (result, ct) =>
            {
                await InScopeAsync(result, output, ct, async scope =>
                {
                    var governments = scope.ServiceProvider.GetRequiredService<CoChairGovernments>();
                    var (id, error) = await governments.FindAsync(result.GetValue(member), ct);
                    if (id is null)
                    {
                        throw new CommandException($"--member: {error}");
                    }

                    var changed = await change(governments, id.Value, ct);
                    if (!changed.Succeeded)
                    {
                        throw new CommandException(changed.Message!);
                    }

                    await output.WriteLineAsync($"{result.GetValue(member)!.Trim()} {done}");
                });
                return 0;
            });
            return command;
        }

        return new Command("cochair", "Manages the Process's Co-Chair governments: only their reviewers' approvals count.")
        {
            list,
            Change("add", "Makes a member state a Co-Chair government.", "is now a Co-Chair government.", (g, id, ct) => g.AddAsync(id, ct)),
            Change("remove", "Ends a government's co-chairing; its reviewers' approvals no longer count.", "is no longer a Co-Chair government.",
                (g, id, ct) => g.RemoveAsync(id, ct)),
        };
    }

    private static Command FrameworkVerb(TextWriter output)
    {
        var importFile = new Argument<FileInfo>("FILE") { Description = "A framework file, .yaml, .yml or .json." };
        var import = new Command("import", "Replaces the framework from a file; nothing is applied if any error is found.") { importFile };
        import.SetAction(async (result, ct) =>
        {
            var file = result.GetValue(importFile)!;
            if (!file.Exists)
            {
                throw new CommandException($"{file.FullName} does not exist.");
            }

            FrameworkFile.FormatOf(file.Name);
            if (file.Length > FrameworkFile.MaxBytes)
            {
                throw new CommandException($"{file.Name} is larger than {FrameworkFile.MaxBytes / 1024 / 1024} MB, the most a framework file may be.");
            }

            var (text, encodingError) = TextFiles.Decode(await File.ReadAllBytesAsync(file.FullName, ct));
            if (text is null)
            {
                throw new CommandException($"{file.Name}: {encodingError}");
            }

            await InScopeAsync(result, output, ct, async scope =>
            {
                var (summary, errors) = await scope.ServiceProvider.GetRequiredService<FrameworkImporter>().ImportAsync(text, ct);
                if (summary is null)
                {
                    throw new CommandException($"{file.Name} has {errors.Count} error(s); nothing was applied. " +
                        string.Join(" ", errors.Select(e => $"[{file.Name}: {e}]")));
                }

                await output.WriteLineAsync($"Imported {file.Name}: {summary}.");
            });
            return 0;
        });

        var exportFile = new Argument<FileInfo>("FILE") { Description = "Where to write the framework, .yaml, .yml or .json." };
        var export = new Command("export", "Writes the framework to a YAML or JSON file.") { exportFile };
        export.SetAction(async (result, ct) =>
        {
            var file = result.GetValue(exportFile)!;
            var format = FrameworkFile.FormatOf(file.Name);
            await InScopeAsync(result, output, ct, async scope =>
            {
                var document = await scope.ServiceProvider.GetRequiredService<FrameworkImporter>().ExportAsync(ct);
                await File.WriteAllTextAsync(file.FullName, FrameworkFile.Write(document, format), ct);
                await output.WriteLineAsync($"Wrote {document.FocusAreas.Count} focus areas and {document.FocusAreas.Sum(a => a.Objectives.Count)} objectives to {file.FullName}.");
            });
            return 0;
        });

        return new Command("framework", "Imports and exports the framework: strategy, focus areas, objectives, indicators and assignments.") { import, export };
    }

    private static Command ActivitiesVerb(TextWriter output)
    {
        var importFile = new Argument<FileInfo>("FILE") { Description = "A .csv or .xlsx file with the columns of the activities export." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Only check the file and say what it would create, update and reject." };
        var import = new Command("import", "Imports activities from a file: all rows, or none if any row is rejected.") { importFile, dryRun };
        import.SetAction(async (result, ct) =>
        {
            var file = result.GetValue(importFile)!;
            if (!file.Exists)
            {
                throw new CommandException($"{file.FullName} does not exist.");
            }

            if (file.Length > ActivityImporter.MaxBytes)
            {
                throw new CommandException($"{file.Name} is larger than {ActivityImporter.MaxBytes / 1024 / 1024} MB; split it into smaller files.");
            }

            var content = await File.ReadAllBytesAsync(file.FullName, ct);
            await InScopeAsync(result, output, ct, async scope =>
            {
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                // The operator at the command line acts for every body.
                var preview = result.GetValue(dryRun)
                    ? await ActivityImporter.PreviewAsync(db, file.Name, content, _ => true, ct)
                    : await ActivityImporter.ApplyAsync(db, file.Name, content, _ => true, scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, ct);
                foreach (var r in preview.Rejections)
                {
                    await output.WriteLineAsync($"{file.Name}: {(r.Row == 0 ? "" : $"row {r.Row}, ")}{(r.Column.Length == 0 ? "" : $"{r.Column}: ")}{r.Reason}");
                }

                var counts = $"{preview.Rows} rows: {preview.Created} to create, {preview.Updated} to update, {preview.Unchanged} unchanged, {preview.Rejected} rejected";
                if (preview.Rejections.Count > 0)
                {
                    throw new CommandException($"{file.Name} cannot be imported ({counts}); nothing was changed.");
                }

                await output.WriteLineAsync(preview.Applied
                    ? $"Imported {file.Name}: {preview.Created} created, {preview.Updated} updated, {preview.Unchanged} unchanged."
                    : $"Dry run of {file.Name}, nothing changed: {counts}.");
            });
            return 0;
        });

        var exportFile = new Argument<FileInfo>("FILE") { Description = "Where to write the register, .csv or .xlsx." };
        var body = new Option<string>("--body") { Description = "Only the activities this body leads, such as D-WG." };
        var from = new Option<DateOnly?>("--from") { Description = "Only activities that end on or after this date (YYYY-MM-DD)." };
        var to = new Option<DateOnly?>("--to") { Description = "Only activities that start on or before this date (YYYY-MM-DD)." };
        var export = new Command("export", "Writes the activities register to a file that can be edited and imported again.") { exportFile, body, from, to };
        export.SetAction(async (result, ct) =>
        {
            var file = result.GetValue(exportFile)!;
            var format = file.Extension.ToLowerInvariant() switch
            {
                ".csv" => "csv",
                ".xlsx" => "xlsx",
                _ => throw new CommandException($"{file.Name}: write the register to a .csv or an .xlsx file."),
            };
            await InScopeAsync(result, output, ct, async scope =>
            {
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var activities = await ActivityQueries.ListAsync(db, new ActivityFilter(result.GetValue(body), From: result.GetValue(from), To: result.GetValue(to)), ct);
                await using var stream = File.Create(file.FullName);
                await SheetWriter.WriteAsync(ActivitySheet.ToTable(activities), format, stream, ct);

                await output.WriteLineAsync($"Wrote {activities.Count} activities to {file.FullName}.");
            });
            return 0;
        });

        return new Command("activities", "Imports and exports the activities register.") { import, export };
    }

    private static Command ExportVerb(TextWriter output)
    {
        var round = new Option<int>("--round") { Description = "The round's id (see GET /api/v1/rounds).", Required = true };
        var format = new Option<string>("--format") { Description = "docx, pdf, xlsx, csv or json.", Required = true };
        format.AcceptOnlyFromAmong([.. RoundExport.Formats]);
        var file = new Option<FileInfo>("--out") { Description = "The file to write.", Required = true };
        var unapproved = new Option<bool>("--include-unapproved")
        {
            Description = "Include the scorecards the Co-Chairs have not approved yet, each marked as a draft; by default only approved ones.",
        };
        var command = new Command("export", "Writes a round as a meeting paper (docx, pdf), a workbook (xlsx) or its entries (csv, json), with its approved scorecards.")
        {
            round, format, file, unapproved,
        };
        command.SetAction(async (result, ct) =>
        {
            var id = result.GetValue(round);
            var kind = result.GetValue(format)!;
            var target = result.GetValue(file)!;
            await InScopeAsync(result, output, ct, async scope =>
            {
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

                // The command line is the secretariat's: it reads every scorecard, as an administrator does.
                var export = await RoundExportQueries.LoadAsync(db, id, CommandLineUser, result.GetValue(unapproved), ct)
                    ?? throw new CommandException($"--round: there is no round {id}.");
                await using (var stream = File.Create(target.FullName))
                {
                    await RoundFiles.WriteAsync(export, kind, scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, stream, ct);
                }

                await output.WriteLineAsync($"Wrote {export.Round} ({export.Rows.Count} entries) to {target.FullName}. {string.Join(" ", export.Contents)}");
            });
            return 0;
        });
        return command;
    }

    private static readonly System.Security.Claims.ClaimsPrincipal CommandLineUser = new(new System.Security.Claims.ClaimsIdentity(
        [new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.Role, Roles.Administrator)], "command line"));

    private static Command Token(TextWriter output)
    {
        var email = new Option<string>("--email") { Description = "Whose token it is; the token acts with that person's rights.", Required = true };
        var name = new Option<string>("--name") { Description = "What the token is for.", DefaultValueFactory = _ => "command line" };
        var days = new Option<int?>("--expires-in-days") { Description = $"Days until the token stops working (default {SecurityPolicy.DefaultTokenDays}; at most what administrators allow)." };
        var readOnly = new Option<bool>("--read-only") { Description = "The token may read but change nothing." };
        var create = new Command("create", "Creates a personal access token for the API; the token is the last line printed.") { email, name, days, readOnly };
        create.SetAction(async (result, ct) =>
        {
            await InScopeAsync(result, output, ct, async scope =>
            {
                var user = await FindUserAsync(scope, result.GetValue(email)!);
                var scopeOfToken = result.GetValue(readOnly) ? TokenScope.ReadOnly : TokenScope.ReadWrite;
                var (token, error) = await scope.ServiceProvider.GetRequiredService<ApiTokenService>()
                    .CreateAsync(user, result.GetValue(name), scopeOfToken, result.GetValue(days), ct);
                if (token is null)
                {
                    throw new CommandException(error!);
                }

                var row = (await scope.ServiceProvider.GetRequiredService<ApiTokenService>().ListAsync(user.Id, ct))[0];
                await output.WriteLineAsync($"{(scopeOfToken == TokenScope.ReadOnly ? "Read-only token" : "Token")} {row.Id} for {user.Email}, valid until {row.ExpiresUtc:yyyy-MM-dd HH:mm} UTC. "
                    + "Send it as 'Authorization: Bearer <token>'. It is shown only once:");
                await output.WriteLineAsync(token);
            });
            return 0;
        });

        var listEmail = new Option<string?>("--email") { Description = "Only this person's tokens." };
        var list = new Command("list", "Lists tokens: id, owner, name, scope, created, last used, expiry and state; never the secret.") { listEmail };
        list.SetAction(async (result, ct) =>
        {
            await InScopeAsync(result, output, ct, async scope =>
            {
                var owner = result.GetValue(listEmail) is { } address ? (await FindUserAsync(scope, address)).Id : null;
                var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
                await output.WriteLineAsync($"{"Id",5} {"Owner",-36} {"Name",-24} {"Scope",-10} {"Created",-10} {"Last used",-10} {"Expires",-10} State");
                foreach (var t in await scope.ServiceProvider.GetRequiredService<ApiTokenService>().ListAsync(owner, ct))
                {
                    await output.WriteLineAsync($"{t.Id,5} {t.OwnerEmail,-36} {t.Name,-24} {(t.Scope == TokenScope.ReadOnly ? "read" : "read-write"),-10} "
                        + $"{t.CreatedUtc,-10:yyyy-MM-dd} {(t.LastUsedUtc is { } used ? used.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "never"),-10} {t.ExpiresUtc,-10:yyyy-MM-dd} {t.State(now)}");
                }
            });
            return 0;
        });

        var id = new Option<int>("--id") { Description = "The token's id, as 'token list' shows it.", Required = true };
        var revoke = new Command("revoke", "Revokes a token: it stops working on the next request, on every server.") { id };
        revoke.SetAction(async (result, ct) =>
        {
            await InScopeAsync(result, output, ct, async scope =>
            {
                if (!await scope.ServiceProvider.GetRequiredService<ApiTokenService>().RevokeAsync(result.GetValue(id), ownerId: null, ct))
                {
                    throw new CommandException($"--id: there is no live token {result.GetValue(id)}.");
                }

                await output.WriteLineAsync($"Token {result.GetValue(id)} revoked.");
            });
            return 0;
        });

        return new Command("token", "Manages personal access tokens for the API.") { create, list, revoke };
    }

    private static async Task<AppUser> FindUserAsync(IServiceScope scope, string email) =>
        await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email)
            ?? throw new CommandException($"--email: no account has the address {email}.");

    /// <summary>
    /// Migrates the database (or, with <paramref name="migrate"/> false, refuses one whose schema is not current, naming the
    /// command that migrates it) and, when asked and empty, seeds the demo data.
    /// </summary>
    public static async Task PrepareAsync(IServiceProvider services, bool seedDemo, TextWriter output, CancellationToken ct, bool migrate = true)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (migrate)
        {
            await db.MigrateAsync(scope.ServiceProvider.GetRequiredService<DatabaseSettings>(), ct);
        }
        else if ((await db.Database.GetPendingMigrationsAsync(ct)).ToList() is { Count: > 0 } pending)
        {
            throw new CommandException($"The database schema is not current: {pending.Count} migration(s) to apply, from {pending[0]}. "
                + "Run 'scorecards migrate' first, or start this server with 'serve --migrate'.");
        }

        await scope.ServiceProvider.GetRequiredService<AccountService>().EnsureRolesAsync();
        if (seedDemo)
        {
            var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
            if (await seeder.IsEmptyAsync(ct))
            {
                var seeded = await seeder.SeedAsync(ct);
                if (!seeded.Succeeded)
                {
                    throw new CommandException(seeded.Message!);
                }

                await PrintDemoAccountsAsync(output);
            }
        }
    }

    private static async Task PrintDemoAccountsAsync(TextWriter output)
    {
        await output.WriteLineAsync($"Demo data seeded. Demo accounts (demo only; every password is '{DemoSeeder.DemoPassword}'):");
        foreach (var account in DemoSeeder.Accounts)
        {
            await output.WriteLineAsync($"  {account.Email,-44} {Roles.Label(account.Role)}{(account.Body is null ? "" : $", {account.Body}")}{(account.Member is null ? "" : $", {account.Member}")}");
        }
    }

    /// <summary>The shared start of every administrative verb: the app's services, the database migrated, one scope to work in.</summary>
    private static Task InScopeAsync(ParseResult result, TextWriter output, CancellationToken ct, Func<IServiceScope, Task> work) =>
        WithServicesAsync(result, async services =>
        {
            await PrepareAsync(services, seedDemo: false, output, ct);
            using var scope = services.CreateScope();
            await work(scope);
        });

    private static async Task WithServicesAsync(ParseResult result, Func<IServiceProvider, Task> work)
    {
        var builder = WebApp.CreateBuilder([], result.GetValue(DataOption)!);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Error);
        await using var app = WebApp.Build(builder);
        await work(app.Services);
    }
}

/// <summary>A verb could not do what was asked; its message is printed as the one-line reason.</summary>
public sealed class CommandException(string message) : Exception(message);
