using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Domain;
using Scorecards.Domain.Statements;
using Scorecards.Web.Infrastructure.Authorization;

namespace Scorecards.Web.Features.Statements;

/// <summary>
/// Every change to a round's statement draft: the Co-Chairs' and the secretariat's edits, and writing it afresh from the
/// data (which removes the edited draft; the audit log keeps it).
/// </summary>
public sealed class StatementService(AppDbContext db, IAuthorizationService authorization, TimeProvider clock)
{
    /// <summary>Whether the person edits statement drafts.</summary>
    public async Task<bool> CanEditAsync(ClaimsPrincipal user) =>
        (await authorization.AuthorizeAsync(user, new StatementDraft(0), WorkOperations.Manage)).Succeeded;

    public async Task<Result> EditAsync(ClaimsPrincipal user, int roundId, string? markdown, CancellationToken ct)
    {
        var (draft, refusal) = await LoadAsync(user, roundId, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var isNew = draft is null;
        draft ??= new StatementDraft(roundId);
        var edited = draft.Edit(markdown, user.DisplayName(), clock.GetUtcNow().UtcDateTime);
        if (!edited.Succeeded)
        {
            return edited;
        }

        if (isNew)
        {
            db.StatementDrafts.Add(draft);
        }

        await db.SaveChangesAsync(ct);
        return Result.Ok();
    }

    public async Task<Result> RegenerateAsync(ClaimsPrincipal user, int roundId, CancellationToken ct)
    {
        var (draft, refusal) = await LoadAsync(user, roundId, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        if (draft is not null)
        {
            db.StatementDrafts.Remove(draft);
            await db.SaveChangesAsync(ct);
        }

        return Result.Ok();
    }

    private async Task<(StatementDraft? Draft, Result? Refusal)> LoadAsync(ClaimsPrincipal user, int roundId, CancellationToken ct)
    {
        if (!await CanEditAsync(user))
        {
            return (null, Result.Forbidden());
        }

        if (!await db.Rounds.AnyAsync(r => r.Id == roundId, ct))
        {
            return (null, Result.NotFound($"Round {roundId}"));
        }

        return (await db.StatementDrafts.SingleOrDefaultAsync(d => d.RoundId == roundId, ct), null);
    }
}
