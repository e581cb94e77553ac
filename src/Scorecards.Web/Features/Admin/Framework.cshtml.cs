using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scorecards.Data;
using Scorecards.Web.Features.Framework;
using Scorecards.Web.Infrastructure;
using Scorecards.Web.Infrastructure.Authorization;

namespace Scorecards.Web.Features.Admin;

[Authorize(Policy = Policies.Administrator)]
[RequestSizeLimit(FrameworkFile.MaxBytes + (64 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = FrameworkFile.MaxBytes + (64 * 1024))]
public sealed class FrameworkModel(AppDbContext db, FrameworkImporter importer) : PageModel
{
    public FrameworkView View { get; private set; } = null!;
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => View = await FrameworkQueries.LoadAsync(db, includeRetired: true, ct);

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        var kind = format == "json" ? FrameworkFormat.Json : FrameworkFormat.Yaml;
        if (await importer.ExportAsync(ct) is not { } document)
        {
            return await OnGetTemplateAsync(ct);
        }

        var text = FrameworkFile.Write(document, kind);
        return File(Encoding.UTF8.GetBytes(text), kind == FrameworkFormat.Json ? "application/json" : "application/yaml",
            $"framework.{(kind == FrameworkFormat.Json ? "json" : "yaml")}");
    }

    /// <summary>A file to start from: the eight areas of cooperation, no objectives, and an example of one with every field.</summary>
    public async Task<IActionResult> OnGetTemplateAsync(CancellationToken ct) =>
        File(Encoding.UTF8.GetBytes(await importer.TemplateAsync(ct)), "application/yaml", "framework-template.yaml");

    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null)
        {
            Errors = ["Choose a framework file (.yaml, .yml or .json) to import."];
        }
        else if (file.Length == 0)
        {
            Errors = [$"{file.FileName} is empty; nothing was applied."];
        }
        else if (file.Length > FrameworkFile.MaxBytes)
        {
            Errors = [$"{file.FileName} is {file.Length / 1024} KB; framework files may be at most {FrameworkFile.MaxBytes / 1024 / 1024} MB."];
        }
        else
        {
            try
            {
                FrameworkFile.FormatOf(file.FileName);
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, ct);
                var (text, encodingError) = TextFiles.Decode(buffer.ToArray());
                if (text is null)
                {
                    throw new FormatException($"{file.FileName}: {encodingError}");
                }

                var (summary, errors) = await importer.ImportAsync(text, ct);
                if (summary is not null)
                {
                    TempData["Message"] = $"Imported {file.FileName}: {summary}.";
                    return RedirectToPage();
                }

                Errors = [$"{file.FileName} has {errors.Count} error(s); nothing was applied.", .. errors.Select(e => e.ToString())];
            }
            catch (FormatException e)
            {
                Errors = [e.Message];
            }
        }

        View = await FrameworkQueries.LoadAsync(db, includeRetired: true, ct);
        return this.Invalid();
    }
}
