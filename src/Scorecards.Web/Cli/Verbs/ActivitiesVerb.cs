using System.CommandLine;
using Scorecards.Data;
using Scorecards.Web.Features.Activities;
using static Scorecards.Web.Cli.CommandLine;

namespace Scorecards.Web.Cli.Verbs;

/// <summary><c>activities import|export</c>: the activities register as CSV or Excel.</summary>
internal static class ActivitiesVerb
{
    public static Command Create(TextWriter output)
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
                // The operator at the command line acts for every body, as an administrator does.
                var activities = scope.ServiceProvider.GetRequiredService<ActivityService>();
                var preview = result.GetValue(dryRun)
                    ? await activities.PreviewImportAsync(Operator, file.Name, content, ct)
                    : await activities.ApplyImportAsync(Operator, file.Name, content, ct);
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
            var format = SheetFormat(file, "the register");
            await InScopeAsync(result, output, ct, async scope =>
            {
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var activities = await ActivityQueries.ListAsync(db, new ActivityFilter(result.GetValue(body), From: result.GetValue(from), To: result.GetValue(to)), ct);
                await WriteSheetAsync(file, format, ActivitySheet.ToTable(activities), ct);

                await output.WriteLineAsync($"Wrote {activities.Count} activities to {file.FullName}.");
            });
            return 0;
        });

        return new Command("activities", "Imports and exports the activities register.") { import, export };
    }
}
