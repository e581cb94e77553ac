using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scorecards.Data;
using Scorecards.Web.Features.Shared;
using Scorecards.Web.Infrastructure;
using Scorecards.Web.Infrastructure.Authorization;
using Scorecards.Web.Infrastructure.Spreadsheets;

namespace Scorecards.Web.Features.Activities;

/// <summary>Upload, preview, confirm: the file is kept between the preview and the confirmation, and checked again when applied.</summary>
[RequestSizeLimit(ActivityImporter.MaxBytes + (256 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = ActivityImporter.MaxBytes + (256 * 1024))]
public sealed class ImportModel(AppDbContext db, ActivityService activities, TimeProvider clock) : PageModel
{
    public const string Purpose = "activities";

    public ImportPreview? Preview { get; private set; }
    public Guid? UploadId { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await CanImportAsync(ct) ? Page() : Forbid();

    public async Task<IActionResult> OnGetTemplateAsync(string? format, CancellationToken ct)
    {
        await SheetWriter.SendAsync(Response, ActivitySheet.ToTable([]), format == "xlsx" ? "xlsx" : "csv", "activities-template", ct);
        return new EmptyResult();
    }

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file, CancellationToken ct)
    {
        if (!await CanImportAsync(ct))
        {
            return Forbid();
        }

        if (file is null)
        {
            ModelState.AddModelError("file", "Choose a .csv or .xlsx file to import.");
            return this.Invalid();
        }

        byte[] content;
        using (var buffer = new MemoryStream())
        {
            await file.CopyToAsync(buffer, ct);
            content = buffer.ToArray();
        }

        var fileName = Path.GetFileName(file.FileName);
        Preview = await activities.PreviewImportAsync(User, fileName, content, ct);
        if (Preview.CanApply)
        {
            UploadId = await Uploads.KeepAsync(db, User.UserId(), Purpose, fileName, content, clock.GetUtcNow().UtcDateTime, ct);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostApplyAsync(Guid upload, CancellationToken ct)
    {
        if (!await CanImportAsync(ct))
        {
            return Forbid();
        }

        // Checked again: the register may have changed since the preview.
        var (outcome, preview) = await Uploads.ApplyOnceAsync(db, upload, User.UserId(), Purpose, clock.GetUtcNow().UtcDateTime, async stored =>
        {
            var applied = await activities.ApplyImportAsync(User, stored.FileName, stored.Content, ct);
            return (applied, applied.Applied);
        }, ct);
        Preview = preview;
        if (this.NotApplied(outcome, "file") is { } notApplied)
        {
            return notApplied;
        }

        TempData["Message"] = $"Imported {Preview!.FileName}: {Preview.Created} created, {Preview.Updated} updated, {Preview.Unchanged} unchanged.";
        return RedirectToPage("Index");
    }

    private async Task<bool> CanImportAsync(CancellationToken ct) => (await activities.ManagedBodiesAsync(User, ct)).Count > 0;
}
