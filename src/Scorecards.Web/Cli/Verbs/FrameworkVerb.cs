using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Scorecards.Web.Features.Framework;
using Scorecards.Web.Infrastructure;
using static Scorecards.Web.Cli.CommandLine;

namespace Scorecards.Web.Cli.Verbs;

/// <summary><c>framework import|export</c>: the framework as a YAML or JSON file.</summary>
internal static class FrameworkVerb
{
    public static Command Create(TextWriter output)
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
}
