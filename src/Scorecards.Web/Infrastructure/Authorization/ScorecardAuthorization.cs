using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Scorecards.Data.Accounts;
using Scorecards.Domain.Scorecards;

namespace Scorecards.Web.Infrastructure.Authorization;

/// <summary>What may be done to one scorecard; answered for pages and API alike by <see cref="ScorecardAuthorizationHandler"/>.</summary>
public static class ScorecardOperations
{
    public static readonly OperationAuthorizationRequirement Read = new() { Name = nameof(Read) };
    public static readonly OperationAuthorizationRequirement Edit = new() { Name = nameof(Edit) };
    public static readonly OperationAuthorizationRequirement Review = new() { Name = nameof(Review) };
}

/// <summary>
/// Reporters edit their own bodies' scorecards; Co-Chair reviewers review every scorecard; administrators
/// and Co-Chairs read everything; everyone else with a role reads a scorecard once both Co-Chairs approved it.
/// </summary>
public sealed class ScorecardAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, Scorecard>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, Scorecard scorecard)
    {
        var user = context.User;
        var allowed = requirement.Name switch
        {
            nameof(ScorecardOperations.Read) => user.SeesAllWork() || user.ReportsFor(scorecard.BodyId)
                || (scorecard.Status == ScorecardStatus.Approved && Roles.All.Any(user.IsInRole)),
            nameof(ScorecardOperations.Edit) => user.ReportsFor(scorecard.BodyId),
            nameof(ScorecardOperations.Review) => user.IsCoChair(),
            _ => false,
        };
        if (allowed)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
