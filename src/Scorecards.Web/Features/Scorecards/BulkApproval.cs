using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Domain.Scorecards;
using Scorecards.Web.Infrastructure.Authorization;

namespace Scorecards.Web.Features.Scorecards;

/// <summary>What became of one scorecard in an approval of several.</summary>
public sealed record ApprovalOutcome(int ScorecardId, string? Body, string? Round, bool Approved, string? Code, string Message);

/// <summary>
/// A Co-Chair approves several submitted scorecards for their government in one action. Each approval is its own: recorded,
/// checked and saved as if given one by one, so one refused (returned meanwhile, approved already) leaves the others approved.
/// </summary>
public sealed class BulkApproval(AppDbContext db, ScorecardService service, IAuthorizationService auth)
{
    /// <summary>At most this many scorecards in one action: more than every body's scorecard in several rounds.</summary>
    public const int MaxScorecards = 100;

    public async Task<IReadOnlyList<ApprovalOutcome>> ApproveAsync(IReadOnlyCollection<int> scorecardIds, ClaimsPrincipal user, CancellationToken ct)
    {
        var outcomes = new List<ApprovalOutcome>();
        foreach (var id in scorecardIds.Distinct())
        {
            db.ChangeTracker.Clear();
            var loaded = await service.LoadAsync(id, ct);
            if (loaded is null)
            {
                outcomes.Add(new ApprovalOutcome(id, null, null, false, "not-found", $"Scorecard {id} was not found."));
                continue;
            }

            var body = await db.Bodies.AsNoTracking().Where(b => b.Id == loaded.Scorecard.BodyId).Select(b => b.Code).SingleAsync(ct);
            if (!(await auth.AuthorizeAsync(user, loaded.Scorecard, ScorecardOperations.Review)).Succeeded)
            {
                outcomes.Add(new ApprovalOutcome(id, body, loaded.Round.Name, false, "forbidden", "Only a Co-Chair reviewer can approve a scorecard."));
                continue;
            }

            var result = await service.ApproveAsync(loaded, user, ct);
            outcomes.Add(result.Succeeded
                ? new ApprovalOutcome(id, body, loaded.Round.Name, true, null, loaded.Scorecard.Status == ScorecardStatus.Approved
                    ? "Approved by both Co-Chair governments."
                    : "Approved for your government; it awaits the other Co-Chair government.")
                : new ApprovalOutcome(id, body, loaded.Round.Name, false, result.Code, result.Message ?? "Not approved."));
        }

        db.ChangeTracker.Clear();
        return outcomes;
    }
}
