using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Scorecards.Web.Infrastructure;
using Scorecards.Web.Infrastructure.Authorization;
using Scorecards.Web.Infrastructure.Spreadsheets;

namespace Scorecards.Web.Features.Accounts;

/// <summary>The accounts as a file, out and in, for the secretariat to set up many people at once.</summary>
public static class AccountsApi
{
    public static void MapAccountsApi(this RouteGroupBuilder api)
    {
        var users = api.MapGroup("/users").WithTags("Accounts").RequireAuthorization(Policies.Administrator);
        users.MapGet("/export", ExportAsync)
            .WithSummary("Every account with its roles, bodies, member and status as a file (format=csv or xlsx), with the columns of the import (administrators).");
        users.MapPost("/import", ImportAsync).WithMetadata(new RequestSizeLimitAttribute(AccountImporter.MaxBytes))
            .WithSummary("Invites the people a file names and updates the accounts it names again (administrators). dryRun=true previews; otherwise the file is "
                + "applied in full, or, if any row is rejected, not at all (422 with every rejected row). The answer lists each invitation's link when this "
                + "server sends no e-mail (mailed=false), to pass on by hand.")
            .AcceptsFile("The accounts as CSV (UTF-8) or an .xlsx workbook, with the columns of the export.",
                "Some rows are rejected; nothing was changed (`import.rejected`, with every row under `preview`).", "text/csv", UploadedSheet.XlsxType);
    }

    private static async Task<IResult> ExportAsync(string? format, HttpContext http, AccountService accounts, CancellationToken ct)
    {
        if (SheetWriter.Format(format) is not { } chosen)
        {
            return SheetWriter.UnknownFormat(format);
        }

        await SheetWriter.SendAsync(http.Response, AccountSheet.ToTable(await accounts.ListAsync(ct)), chosen, "accounts", ct);
        return TypedResults.Empty;
    }

    private static async Task<IResult> ImportAsync(bool? dryRun, string? fileName, HttpRequest request, ClaimsPrincipal user, AccountImporter importer,
        CancellationToken ct)
    {
        var (name, content, problem) = await RequestBodies.ReadSheetAsync(request, fileName, "accounts", AccountImporter.MaxBytes, ct);
        if (problem is not null)
        {
            return problem;
        }

        var result = await importer.RunAsync(user, name, content, apply: dryRun != true, ct);
        return dryRun == true || result.Preview.Applied || result.Preview.Rejections.Count == 0 ? TypedResults.Ok(result) : result.Preview.Answer();
    }
}
