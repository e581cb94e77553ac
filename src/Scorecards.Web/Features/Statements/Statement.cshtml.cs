using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scorecards.Data;
using Scorecards.Domain;
using Scorecards.Domain.Statements;
using Scorecards.Web.Infrastructure;

namespace Scorecards.Web.Features.Statements;

/// <summary>The statement draft: written from the data, edited by the Co-Chairs and the secretariat, downloaded as Word or Markdown.</summary>
// A full-length draft, form-encoded, can pass the server's usual body limit.
[RequestSizeLimit(StatementDraft.MaxLength * 12L)]
public sealed class StatementModel(AppDbContext db, StatementService statements) : PageModel
{
    public StatementView Statement { get; private set; } = null!;

    [BindProperty] public string? Markdown { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await statements.CanEditAsync(User))
        {
            return Forbid();
        }

        if (await StatementQueries.GetAsync(db, id, ct) is not { } statement)
        {
            return NotFound();
        }

        Statement = statement;
        Markdown = statement.Markdown;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var edited = await statements.EditAsync(User, id, Markdown, ct);
        if (!edited.Succeeded)
        {
            return await RefusedAsync(edited, id, ct);
        }

        TempData["Message"] = "The statement draft is saved.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRegenerateAsync(int id, CancellationToken ct)
    {
        var regenerated = await statements.RegenerateAsync(User, id, ct);
        if (!regenerated.Succeeded)
        {
            return await RefusedAsync(regenerated, id, ct);
        }

        TempData["Message"] = "The draft is written afresh from the data; the edits are in the audit log.";
        return RedirectToPage(new { id });
    }

    /// <summary>The page again with the refusal, the draft as the person typed it beside the round's statement.</summary>
    private Task<IActionResult> RefusedAsync(Result refusal, int id, CancellationToken ct) =>
        this.RefusedAsync(refusal, async () => Statement = (await StatementQueries.GetAsync(db, id, ct))!, prefix: null);
}
