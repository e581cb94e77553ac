using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scorecards.Data;
using Scorecards.Web.Features.Members;
using Scorecards.Web.Features.Shared;
using Scorecards.Web.Infrastructure;
using Scorecards.Web.Infrastructure.Authorization;
using Scorecards.Web.Infrastructure.Spreadsheets;

namespace Scorecards.Web.Features.Admin;

/// <summary>The register of members from a file: upload, preview, confirm; checked again when applied, applied whole or not at all.</summary>
[Authorize(Policy = Policies.Administrator)]
[RequestSizeLimit(MemberImporter.MaxBytes + (256 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = MemberImporter.MaxBytes + (256 * 1024))]
public sealed class MembersImportModel(AppDbContext db, MemberImporter importer, TimeProvider clock) : PageModel
{
    public const string Purpose = "members";

    public ImportPreview? Preview { get; private set; }
    public Guid? UploadId { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnGetTemplateAsync(string? format, CancellationToken ct)
    {
        await SheetWriter.SendAsync(Response, MemberSheet.ToTable([]), format == "xlsx" ? "xlsx" : "csv", "members-template", ct);
        return new EmptyResult();
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
        Preview = await importer.RunAsync(fileName, buffer.ToArray(), apply: false, ct);
        if (Preview.CanApply)
        {
            UploadId = await Uploads.KeepAsync(db, User.UserId(), Purpose, fileName, buffer.ToArray(), clock.GetUtcNow().UtcDateTime, ct);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostApplyAsync(Guid upload, CancellationToken ct)
    {
        // Checked again: the register may have changed since the preview.
        var (outcome, preview) = await Uploads.ApplyOnceAsync(db, upload, User.UserId(), Purpose, clock.GetUtcNow().UtcDateTime, async stored =>
        {
            var applied = await importer.RunAsync(stored.FileName, stored.Content, apply: true, ct);
            return (applied, applied.Applied);
        }, ct);
        Preview = preview;
        if (this.NotApplied(outcome, "file") is { } notApplied)
        {
            return notApplied;
        }

        TempData["Message"] = $"Imported {Preview!.FileName}: {Preview.Created} added, {Preview.Updated} changed, {Preview.Unchanged} unchanged.";
        return Redirect("/members");
    }
}
