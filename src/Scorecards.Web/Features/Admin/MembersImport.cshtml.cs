using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Scorecards.Data;
using Scorecards.Web.Features.Members;
using Scorecards.Web.Features.Shared;
using Scorecards.Web.Infrastructure.Authorization;

namespace Scorecards.Web.Features.Admin;

/// <summary>The register of members from a file: upload, preview, confirm; checked again when applied, applied whole or not at all.</summary>
[Authorize(Policy = Policies.Administrator)]
[RequestSizeLimit(MemberImporter.MaxBytes + (256 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = MemberImporter.MaxBytes + (256 * 1024))]
public sealed class MembersImportModel(AppDbContext db, MemberImporter importer, TimeProvider clock) : ImportPageModel(db, clock)
{
    protected override string Purpose => "members";

    protected override Task<ImportPreview> RunAsync(string fileName, byte[] content, bool apply, CancellationToken ct) =>
        importer.RunAsync(fileName, content, apply, ct);

    public Task<IActionResult> OnGetTemplateAsync(string? format, CancellationToken ct) => TemplateAsync(MemberSheet.ToTable([]), format, "members-template", ct);

    public async Task<IActionResult> OnPostApplyAsync(Guid upload, CancellationToken ct)
    {
        if (await ApplyKeptAsync(upload, ct) is { } notApplied)
        {
            return notApplied;
        }

        TempData["Message"] = $"Imported {Preview!.FileName}: {Preview.Created} added, {Preview.Updated} changed, {Preview.Unchanged} unchanged.";
        return Redirect("/members");
    }
}
