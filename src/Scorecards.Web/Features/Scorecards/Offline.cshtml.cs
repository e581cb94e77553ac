using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Web.Infrastructure;
using Scorecards.Web.Infrastructure.Authorization;
using Scorecards.Web.Infrastructure.Spreadsheets;

namespace Scorecards.Web.Features.Scorecards;

/// <summary>Download the scorecard as a workbook, fill it in offline, upload it, see every change, confirm.</summary>
[RequestSizeLimit(OfflineWorkbook.MaxBytes + (256 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = OfflineWorkbook.MaxBytes + (256 * 1024))]
public sealed class OfflineModel(AppDbContext db, ScorecardService service, IAuthorizationService auth, TimeProvider clock) : PageModel
{
    public LoadedScorecard Loaded { get; private set; } = null!;
    public string BodyCode { get; private set; } = "";
    public string? ReadOnlyReason { get; private set; }
    public OfflinePreview? Preview { get; private set; }
    public Guid? UploadId { get; private set; }

    private string Purpose => $"offline-scorecard-{Loaded.Scorecard.Id}";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnGetDownloadAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } problem)
        {
            return problem;
        }

        Response.ContentType = UploadedSheet.XlsxType;
        Response.Headers.ContentDisposition = $"attachment; filename=\"{OfflineWorkbook.FileName(BodyCode, Loaded.Round.Name)}\"";
        await OfflineWorkbook.WriteAsync(db, Loaded, clock.GetUtcNow().UtcDateTime, Response.Body, ct);
        return new EmptyResult();
    }

    public async Task<IActionResult> OnPostUploadAsync(int id, IFormFile? file, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } problem)
        {
            return problem;
        }

        if (ReadOnlyReason is not null || file is null)
        {
            ModelState.AddModelError("file", ReadOnlyReason ?? "Choose the workbook you filled in (.xlsx).");
            return this.Invalid();
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var content = buffer.ToArray();
        var fileName = Path.GetFileName(file.FileName);
        (Preview, _) = await OfflineWorkbook.PlanAsync(db, Loaded, fileName, content, ct);
        if (Preview.CanApply)
        {
            UploadId = await Uploads.KeepAsync(db, User.UserId(), Purpose, fileName, content, clock.GetUtcNow().UtcDateTime, ct);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostApplyAsync(int id, Guid upload, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } problem)
        {
            return problem;
        }

        if (ReadOnlyReason is not null)
        {
            ModelState.AddModelError("file", ReadOnlyReason);
            return this.Invalid();
        }

        var (outcome, preview) = await Uploads.ApplyOnceAsync(db, upload, User.UserId(), Purpose, clock.GetUtcNow().UtcDateTime, async stored =>
        {
            var applied = await OfflineWorkbook.ApplyAsync(db, Loaded, stored.FileName, stored.Content, User, clock.GetUtcNow().UtcDateTime, ct);
            return (applied, applied.Applied);
        }, ct);
        Preview = preview;
        if (this.NotApplied(outcome, "workbook") is { } notApplied)
        {
            return notApplied;
        }

        TempData["Message"] = $"{Preview!.FileName} applied: {Preview.Changes.Count} change(s) saved.";
        return RedirectToPage("Details", new { id });
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var loaded = await service.LoadAsync(id, ct);
        if (loaded is null)
        {
            return NotFound();
        }

        if (!(await auth.AuthorizeAsync(User, loaded.Scorecard, ScorecardOperations.Edit)).Succeeded)
        {
            return Forbid();
        }

        Loaded = loaded;
        BodyCode = await db.Bodies.Where(b => b.Id == loaded.Scorecard.BodyId).Select(b => b.Code).SingleAsync(ct);
        var editable = loaded.Scorecard.CanEdit(loaded.Round.Status);
        ReadOnlyReason = editable.Succeeded ? null : editable.Message;
        return null;
    }
}
