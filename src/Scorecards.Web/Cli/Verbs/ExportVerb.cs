using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Web.Features.Exports;
using Scorecards.Web.Infrastructure.Localization;
using static Scorecards.Web.Cli.CommandLine;

namespace Scorecards.Web.Cli.Verbs;

/// <summary><c>export</c>: a round as a meeting paper, workbook or entries.</summary>
internal static class ExportVerb
{
    public static Command Create(TextWriter output)
    {
        var round = new Option<int>("--round") { Description = "The round's id (see GET /api/v1/rounds).", Required = true };
        var format = new Option<string>("--format") { Description = "docx, pdf, xlsx, csv or json.", Required = true };
        format.AcceptOnlyFromAmong([.. RoundExport.Formats]);
        var file = new Option<FileInfo>("--out") { Description = "The file to write.", Required = true };
        var unapproved = new Option<bool>("--include-unapproved")
        {
            Description = "Include the scorecards the Co-Chairs have not approved yet, each marked as a draft; by default only approved ones.",
        };
        var language = new Option<string?>("--lang")
        {
            Description = "The language of a paper (docx, pdf, xlsx): en, the default, or id for Bahasa Indonesia where the server offers it (Languages:Indonesian). csv and json are always English.",
        };
        var command = new Command("export", "Writes a round as a meeting paper (docx, pdf), a workbook (xlsx) or its entries (csv, json), with its approved scorecards.")
        {
            round, format, file, unapproved, language,
        };
        command.SetAction(async (result, ct) =>
        {
            var id = result.GetValue(round);
            var kind = result.GetValue(format)!;
            var target = result.GetValue(file)!;
            await InScopeAsync(result, output, ct, async scope =>
            {
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var offered = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Builder.RequestLocalizationOptions>>()
                    .Value.SupportedUICultures?.ToList() ?? [Languages.English];
                var culture = result.GetValue(language) is not { } asked ? Languages.English
                    : Languages.Find(asked, offered) ?? throw new CommandException(
                        $"--lang: '{asked}' is not a language this server writes in; use {string.Join(" or ", offered.Select(c => c.TwoLetterISOLanguageName))}.");

                // The command line is the secretariat's: it reads every scorecard, as an administrator does.
                var export = await RoundExportQueries.LoadAsync(db, id, Operator, result.GetValue(unapproved), ct)
                    ?? throw new CommandException($"--round: there is no round {id}.");
                await using (var stream = File.Create(target.FullName))
                using (Languages.Use(culture))
                {
                    await RoundFiles.WriteAsync(export, kind, scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Strings>>(),
                        scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, stream, ct);
                }

                await output.WriteLineAsync($"Wrote {export.Round} ({export.Rows.Count} entries) to {target.FullName}. {string.Join(" ", export.Contents(scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Strings>>()))}");
            });
            return 0;
        });
        return command;
    }
    public static Command All(TextWriter output)
    {
        var file = new Option<FileInfo>("--out") { Description = "The .zip file to write; it must not exist yet.", Required = true };
        var command = new Command("export-all", "Writes everything the Process holds to one zip: every record as JSON and each round's papers (docs/export-all.md).") { file };
        command.SetAction(async (result, ct) =>
        {
            var target = result.GetValue(file)!;
            if (target.Exists)
            {
                throw new CommandException($"{target.FullName} already exists; choose a new name.");
            }

            if (!string.Equals(target.Extension, ".zip", StringComparison.OrdinalIgnoreCase))
            {
                throw new CommandException($"{target.Name}: the archive is a zip; name it with .zip.");
            }

            await InScopeAsync(result, output, ct, async scope =>
            {
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var t = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Strings>>();
                var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
                var schema = (await db.Database.GetAppliedMigrationsAsync(ct)).LastOrDefault();
                var partial = target.FullName + ".partial";
                Archive.Contents contents;
                try
                {
                    await using (var stream = File.Create(partial))
                    using (Languages.Use(Languages.English))
                    {
                        contents = await Archive.WriteAsync(db, Operator, t, now, schema, stream, ct);
                    }

                    File.Move(partial, target.FullName);
                }
                finally
                {
                    File.Delete(partial);
                }

                await output.WriteLineAsync($"Wrote {target.FullName}: {contents.Records} records of {contents.Tables.Count} tables and {contents.Papers.Count} papers "
                    + $"({new FileInfo(target.FullName).Length / 1024} KB). Left out: {string.Join(", ", Archive.TablesLeftOut.Keys)}; password hashes and token hashes.");
            });
            return 0;
        });
        return command;
    }
}
