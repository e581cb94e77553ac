using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Scorecards.Web.Features.Framework;
using Scorecards.Web.Infrastructure;
using static Scorecards.Web.Cli.CommandLine;

namespace Scorecards.Web.Cli.Verbs;

/// <summary><c>framework import|export|template</c>: the framework as a YAML or JSON file, and a file to start one from.</summary>
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
                var document = await scope.ServiceProvider.GetRequiredService<FrameworkImporter>().ExportAsync(ct)
                    ?? throw new CommandException($"There is no framework yet, so nothing was written. Start from the template: scorecards framework template {file.Name}");
                await File.WriteAllTextAsync(file.FullName, FrameworkFile.Write(document, format), ct);
                await output.WriteLineAsync($"Wrote {document.FocusAreas.Count} focus areas and {document.FocusAreas.Sum(a => a.Objectives.Count)} objectives to {file.FullName}.");
            });
            return 0;
        });

        var templateFile = new Argument<FileInfo>("FILE") { Description = "Where to write the template, .yaml or .yml." };
        var template = new Command("template", "Writes a framework file to start from: the eight areas of cooperation, no objectives, and a commented example.")
        {
            templateFile,
        };
        template.SetAction(async (result, ct) =>
        {
            var file = result.GetValue(templateFile)!;
            if (FrameworkFile.FormatOf(file.Name) != FrameworkFormat.Yaml)
            {
                throw new CommandException($"{file.Name}: the template is YAML, so that it can carry its comments; name a .yaml or .yml file.");
            }

            await InScopeAsync(result, output, ct, async scope =>
            {
                await File.WriteAllTextAsync(file.FullName, await scope.ServiceProvider.GetRequiredService<FrameworkImporter>().TemplateAsync(ct), ct);
                await output.WriteLineAsync($"Wrote the framework template to {file.FullName}: the eight areas of cooperation and no objectives.");
            });
            return 0;
        });

        return new Command("framework", "Imports and exports the framework: strategy, focus areas, objectives, indicators and assignments.") { import, export, template };
    }
}
