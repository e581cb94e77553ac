using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Scorecards.Data;
using Scorecards.Web.Features.Accounts;
using Scorecards.Web.Features.Shared;
using Scorecards.Web.Infrastructure.Authorization;

namespace Scorecards.Web.Features.Admin;

/// <summary>
/// Accounts from a file: upload, preview, confirm. The people it names for the first time are invited; where this server sends
/// no e-mail, the page shows each invitation's link once, to pass on.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
[RequestSizeLimit(AccountImporter.MaxBytes + (256 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = AccountImporter.MaxBytes + (256 * 1024))]
public sealed class UsersImportModel(AppDbContext db, AccountImporter importer, TimeProvider clock) : ImportPageModel(db, clock)
{
    /// <summary>After an import that invited people: who, with the links when they were not e-mailed.</summary>
    public AccountImport? Result { get; private set; }

    protected override string Purpose => "accounts";

    protected override async Task<ImportPreview> RunAsync(string fileName, byte[] content, bool apply, CancellationToken ct)
    {
        Result = await importer.RunAsync(User, fileName, content, apply, ct);
        return Result.Preview;
    }

    public Task<IActionResult> OnGetTemplateAsync(string? format, CancellationToken ct) => TemplateAsync(AccountSheet.ToTable([]), format, "accounts-template", ct);

    public async Task<IActionResult> OnPostApplyAsync(Guid upload, CancellationToken ct)
    {
        // The invitations' links need the app's keys, which are written outside the import's transaction.
        importer.Prepare();
        if (await ApplyKeptAsync(upload, ct) is { } notApplied)
        {
            return notApplied;
        }

        if (Result!.Invitations.Count > 0 && !Result.Mailed)
        {
            // The links are shown once, on this answer, and never kept by the browser.
            Response.Headers.CacheControl = "no-store";
            return Page();
        }

        TempData["Message"] = $"Imported {Preview!.FileName}: {Preview.Created} invited, {Preview.Updated} changed, {Preview.Unchanged} unchanged."
            + (Preview.Created > 0 ? " Each new person has an e-mail with a link to choose a password; it works once, for 7 days." : "");
        return Redirect("/admin/users");
    }
}
