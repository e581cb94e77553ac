using System.CommandLine;
using Scorecards.Data;
using Scorecards.Web.Features.Members;
using Scorecards.Web.Features.Rounds;
using Scorecards.Web.Features.Secondments;
using static Scorecards.Web.Cli.CommandLine;

namespace Scorecards.Web.Cli.Verbs;

/// <summary><c>members import|export|seats</c> and <c>secondments export</c>: the register and the secondment programme as CSV or Excel.</summary>
internal static class MembersVerb
{
    public static Command Create(TextWriter output)
    {
        var importFile = new Argument<FileInfo>("FILE") { Description = "A .csv or .xlsx file with the columns of the members export." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Only check the file and say what it would add, change and reject." };
        var import = new Command("import", "Imports the register of members from a file: all rows, or none if any row is rejected.") { importFile, dryRun };
        import.SetAction(async (result, ct) =>
        {
            await ImportFileAsync(result, output, result.GetValue(importFile)!, result.GetValue(dryRun), MemberImporter.MaxBytes, "a register of members",
                (scope, content) => scope.ServiceProvider.GetRequiredService<MemberImporter>().RunAsync(result.GetValue(importFile)!.Name, content, apply: !result.GetValue(dryRun), ct), ct);
            return 0;
        });

        var exportFile = new Argument<FileInfo>("FILE") { Description = "Where to write the register, .csv or .xlsx." };
        var asAt = new Option<DateOnly?>("--as-at") { Description = "The register as it stood on this day (YYYY-MM-DD); today when left out." };
        var withdrawn = new Option<bool>("--withdrawn") { Description = "Also those that had withdrawn by then." };
        var export = new Command("export", "Writes the register of members to a file that can be edited and imported again.") { exportFile, asAt, withdrawn };
        export.SetAction(async (result, ct) =>
        {
            var file = result.GetValue(exportFile)!;
            var format = SheetFormat(file, "the register");
            await InScopeAsync(result, output, ct, async scope =>
            {
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var day = result.GetValue(asAt) ?? RoundViews.Today(scope.ServiceProvider.GetRequiredService<TimeProvider>());
                var members = await RegisterQueries.MembersAsync(db, day, result.GetValue(withdrawn), ct);
                await WriteSheetAsync(file, format, MemberSheet.ToTable(members), ct);
                await output.WriteLineAsync($"Wrote {members.Count} members as at {day:yyyy-MM-dd} to {file.FullName}.");
            });
            return 0;
        });

        var seatsFile = new Argument<FileInfo>("FILE") { Description = "Where to write the seats and co-chair terms, .csv or .xlsx." };
        var seats = new Command("seats", "Writes every seat and co-chair term on every body, with their days and decisions, to a file.") { seatsFile };
        seats.SetAction(async (result, ct) =>
        {
            var file = result.GetValue(seatsFile)!;
            var format = SheetFormat(file, "the seats");
            await InScopeAsync(result, output, ct, async scope =>
            {
                var bodies = await RegisterQueries.BodiesAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), null, ct);
                await WriteSheetAsync(file, format, MemberSheet.SeatsTable(bodies), ct);
                await output.WriteLineAsync($"Wrote {bodies.Sum(b => b.Seats.Count)} seats and {bodies.Sum(b => b.CoChairs.Count)} co-chair terms to {file.FullName}.");
            });
            return 0;
        });

        return new Command("members", "Imports and exports the register of members, and exports the bodies' seats.") { import, export, seats };
    }

    /// <summary><c>bodies import|export</c>: the reporting bodies with their current co-chairs.</summary>
    public static Command Bodies(TextWriter output)
    {
        var importFile = new Argument<FileInfo>("FILE") { Description = "A .csv or .xlsx file with the columns of the bodies export." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Only check the file and say what it would add, change and reject." };
        var import = new Command("import", "Imports the bodies and their co-chairs from a file: all rows, or none if any row is rejected.") { importFile, dryRun };
        import.SetAction(async (result, ct) =>
        {
            await ImportFileAsync(result, output, result.GetValue(importFile)!, result.GetValue(dryRun), BodyImporter.MaxBytes, "a list of bodies",
                (scope, content) => scope.ServiceProvider.GetRequiredService<BodyImporter>().RunAsync(Operator, result.GetValue(importFile)!.Name, content,
                    apply: !result.GetValue(dryRun), ct), ct);
            return 0;
        });

        var exportFile = new Argument<FileInfo>("FILE") { Description = "Where to write the bodies, .csv or .xlsx." };
        var export = new Command("export", "Writes the bodies with their current co-chairs to a file that can be edited and imported again.") { exportFile };
        export.SetAction(async (result, ct) =>
        {
            var file = result.GetValue(exportFile)!;
            var format = SheetFormat(file, "the bodies");
            await InScopeAsync(result, output, ct, async scope =>
            {
                var today = RoundViews.Today(scope.ServiceProvider.GetRequiredService<TimeProvider>());
                var bodies = await RegisterQueries.BodiesAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), today, ct);
                await WriteSheetAsync(file, format, BodySheet.ToTable(bodies), ct);
                await output.WriteLineAsync($"Wrote {bodies.Count} bodies with their co-chairs as at {today:yyyy-MM-dd} to {file.FullName}.");
            });
            return 0;
        });

        return new Command("bodies", "Imports and exports the reporting bodies with their co-chairs.") { import, export };
    }

    public static Command Secondments(TextWriter output)
    {
        var exportFile = new Argument<FileInfo>("FILE") { Description = "Where to write the programme, .csv or .xlsx." };
        var export = new Command("export", "Writes every expression of interest, with nominees' names, to a file for the RSO's records.") { exportFile };
        export.SetAction(async (result, ct) =>
        {
            var file = result.GetValue(exportFile)!;
            var format = SheetFormat(file, "the programme");
            await InScopeAsync(result, output, ct, async scope =>
            {
                // The operator at the command line acts as an administrator, who sees names.
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var access = await SecondmentAccess.ForAsync(Operator, db, ct);
                var list = await SecondmentQueries.ListAsync(db, access, null, null, ct);
                await WriteSheetAsync(file, format, SecondmentQueries.ToTable(list.Secondments, access.SeesNames), ct);
                await output.WriteLineAsync($"Wrote {list.Secondments.Count} expressions of interest to {file.FullName}.");
            });
            return 0;
        });

        return new Command("secondments", "Exports the RSO secondment programme.") { export };
    }
}
