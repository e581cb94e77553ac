using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scorecards.Data;
using Scorecards.Web.Infrastructure;
using Scorecards.Web.Infrastructure.Authorization;
using Scorecards.Web.Infrastructure.Spreadsheets;

namespace Scorecards.Web.Features.Shared;

/// <summary>
/// A page that imports a file the same way for every register: upload and preview, then confirm; checked again when applied,
/// and applied whole or not at all, once however often it is confirmed.
/// </summary>
public abstract class ImportPageModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public ImportPreview? Preview { get; protected set; }
    public Guid? UploadId { get; private set; }

    /// <summary>What the kept upload is for, so that one page's upload cannot be applied by another.</summary>
    protected abstract string Purpose { get; }

    /// <summary>Checks the file and, when <paramref name="apply"/>, applies it.</summary>
    protected abstract Task<ImportPreview> RunAsync(string fileName, byte[] content, bool apply, CancellationToken ct);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null)
        {
            ModelState.AddModelError("file", "Choose a .csv or .xlsx file to import.");
            return this.Invalid();
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var fileName = Path.GetFileName(file.FileName);
        Preview = await RunAsync(fileName, buffer.ToArray(), apply: false, ct);
        if (Preview.CanApply)
        {
            UploadId = await Uploads.KeepAsync(db, User.UserId(), Purpose, fileName, buffer.ToArray(), clock.GetUtcNow().UtcDateTime, ct);
        }

        return Page();
    }

    /// <summary>Applies the kept upload, checked again since the register may have changed; null when it was applied, else the page that says why not.</summary>
    protected async Task<IActionResult?> ApplyKeptAsync(Guid upload, CancellationToken ct)
    {
        var (outcome, preview) = await Uploads.ApplyOnceAsync(db, upload, User.UserId(), Purpose, clock.GetUtcNow().UtcDateTime, async stored =>
        {
            var applied = await RunAsync(stored.FileName, stored.Content, apply: true, ct);
            return (applied, applied.Applied);
        }, ct);
        Preview = preview;
        return this.NotApplied(outcome, "file");
    }

    /// <summary>Sends an empty file with the import's columns, as a template.</summary>
    protected async Task<IActionResult> TemplateAsync(SheetTable empty, string? format, string baseName, CancellationToken ct)
    {
        await SheetWriter.SendAsync(Response, empty, format == "xlsx" ? "xlsx" : "csv", baseName, ct);
        return new EmptyResult();
    }
}
