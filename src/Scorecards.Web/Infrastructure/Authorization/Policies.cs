using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Scorecards.Data.Accounts;
using Scorecards.Domain.Scorecards;

namespace Scorecards.Web.Infrastructure.Authorization;

public static class Policies
{
    /// <summary>Any signed-in person who holds a role; an account with none sees nothing.</summary>
    public const string Member = "member";
    public const string Administrator = "administrator";
    public const string CoChair = "co-chair";

    public static void Add(AuthorizationOptions options)
    {
        // Deny by default: every page and endpoint needs a signed-in person with a role, unless it opts out.
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireRole(Roles.All).Build();
        options.AddPolicy(Member, p => p.RequireAuthenticatedUser().RequireRole(Roles.All));
        options.AddPolicy(Administrator, p => p.RequireRole(Roles.Administrator));
        options.AddPolicy(CoChair, p => p.RequireRole(Roles.CoChair));
    }
}

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
