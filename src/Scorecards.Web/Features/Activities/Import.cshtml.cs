using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scorecards.Data;
using Scorecards.Web.Infrastructure;
using Scorecards.Web.Infrastructure.Authorization;
using Scorecards.Web.Infrastructure.Spreadsheets;

namespace Scorecards.Web.Features.Activities;

/// <summary>Upload, preview, confirm: the file is kept between the preview and the confirmation, and checked again when applied.</summary>
[RequestSizeLimit(ActivityImporter.MaxBytes + (256 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = ActivityImporter.MaxBytes + (256 * 1024))]
public sealed class ImportModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public const string Purpose = "activities";
    public const int ShownRejections = 200;

    public ImportPreview? Preview { get; private set; }
    public Guid? UploadId { get; private set; }

    public IActionResult OnGet() => ActivityQueries.CanImport(User) ? Page() : Forbid();

    public async Task<IActionResult> OnGetTemplateAsync(string? format, CancellationToken ct)
    {
        await SheetWriter.SendAsync(Response, ActivitySheet.ToTable([]), format == "xlsx" ? "xlsx" : "csv", "activities-template", ct);
        return new EmptyResult();
    }

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file, CancellationToken ct)
    {
        if (!ActivityQueries.CanImport(User))
        {
            return Forbid();
        }

        if (file is null)
        {
            ModelState.AddModelError("file", "Choose a .csv or .xlsx file to import.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        byte[] content;
        using (var buffer = new MemoryStream())
        {
            await file.CopyToAsync(buffer, ct);
            content = buffer.ToArray();
        }

        var fileName = Path.GetFileName(file.FileName);
        Preview = await ActivityImporter.PreviewAsync(db, fileName, content, CanManage, ct);
        if (Preview.CanApply)
        {
            UploadId = await Uploads.KeepAsync(db, User.UserId(), Purpose, fileName, content, clock.GetUtcNow().UtcDateTime, ct);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostApplyAsync(Guid upload, CancellationToken ct)
    {
        if (!ActivityQueries.CanImport(User))
        {
            return Forbid();
        }

        // Checked again: the register may have changed since the preview.
        var (outcome, preview) = await Uploads.ApplyOnceAsync(db, upload, User.UserId(), Purpose, clock.GetUtcNow().UtcDateTime, async stored =>
        {
            var applied = await ActivityImporter.ApplyAsync(db, stored.FileName, stored.Content, CanManage, clock.GetUtcNow().UtcDateTime, ct);
            return (applied, applied.Applied);
        }, ct);
        Preview = preview;
        if (this.NotApplied(outcome, "file") is { } notApplied)
        {
            return notApplied;
        }

        TempData["Message"] = $"Imported {Preview!.FileName}: {Preview.Created} created, {Preview.Updated} updated, {Preview.Unchanged} unchanged.";
        return Redirect("/activities");
    }

    private bool CanManage(int bodyId) => ActivityQueries.CanManage(User, bodyId);
}
