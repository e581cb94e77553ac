using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Domain.Statements;
using Scorecards.Web.Infrastructure;
using Scorecards.Web.Infrastructure.Authorization;

namespace Scorecards.Web.Features.Statements;

/// <summary>The statement draft: written from the data, edited by the Co-Chairs and the secretariat, downloaded as Word or Markdown.</summary>
// A full-length draft, form-encoded, can pass the server's usual body limit.
[RequestSizeLimit(StatementDraft.MaxLength * 12L)]
public sealed class StatementModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public StatementView Statement { get; private set; } = null!;

    [BindProperty] public string? Markdown { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!User.SeesAllWork())
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
        if (!User.SeesAllWork())
        {
            return Forbid();
        }

        if (await StatementQueries.GetAsync(db, id, ct) is not { } statement)
        {
            return NotFound();
        }

        var draft = await db.StatementDrafts.SingleOrDefaultAsync(d => d.RoundId == id, ct);
        var isNew = draft is null;
        draft ??= new StatementDraft(id);
        var result = draft.Edit(Markdown, User.DisplayName(), clock.GetUtcNow().UtcDateTime);
        if (!result.Succeeded)
        {
            Statement = statement;
            ModelState.AddModelError(nameof(Markdown), result.Message!);
            return this.Invalid();
        }

        if (isNew)
        {
            db.StatementDrafts.Add(draft);
        }

        await db.SaveChangesAsync(ct);
        TempData["Message"] = "The statement draft is saved.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRegenerateAsync(int id, CancellationToken ct)
    {
        if (!User.SeesAllWork())
        {
            return Forbid();
        }

        var draft = await db.StatementDrafts.SingleOrDefaultAsync(d => d.RoundId == id, ct);
        if (draft is not null)
        {
            db.StatementDrafts.Remove(draft);
            await db.SaveChangesAsync(ct);
        }

        TempData["Message"] = "The draft is written afresh from the data; the edits are in the audit log.";
        return RedirectToPage(new { id });
    }
}
