using System.Linq.Expressions;
using System.Security.Claims;
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
/// Who reads a scorecard, the one rule: administrators and Co-Chairs read every scorecard, reporters their own bodies'
/// in any state, everyone else with a role a scorecard once both Co-Chair governments approved it. It is an expression
/// so that lists, round pages, summaries, exports and the statement filter in the database by the very rule
/// <see cref="ScorecardAuthorizationHandler"/> applies to one scorecard.
/// </summary>
public static class ScorecardReaders
{
    public static Expression<Func<Scorecard, bool>> Rule(ClaimsPrincipal user)
    {
        if (!Roles.All.Any(user.IsInRole))
        {
            return s => false;
        }

        if (user.SeesAllWork())
        {
            return s => true;
        }

        var own = OwnBodies(user);
        return s => own.Contains(s.BodyId) || s.Status == ScorecardStatus.Approved;
    }

    /// <summary>
    /// Names what <see cref="Rule"/> lets this person read, and whether they see the Co-Chairs' draft assessment: two
    /// people of the same class are shown the same round, so what is computed for one may be given to the other.
    /// </summary>
    public static string Class(ClaimsPrincipal user)
    {
        if (!Roles.All.Any(user.IsInRole))
        {
            return "none";
        }

        if (user.SeesAllWork())
        {
            return "all";
        }

        var own = OwnBodies(user);
        return own.Count == 0 ? "approved" : "approved+bodies:" + string.Join(',', own);
    }

    // Beside the approved ones, a reporter reads their own bodies' scorecards.
    private static List<int> OwnBodies(ClaimsPrincipal user) => user.IsInRole(Roles.Reporter) ? user.BodyIds().Order().ToList() : [];

    /// <summary>The scorecards the person may read.</summary>
    public static IQueryable<Scorecard> Readable(this IQueryable<Scorecard> scorecards, ClaimsPrincipal user) => scorecards.Where(Rule(user));
}

/// <summary>
/// Reporters edit their own bodies' scorecards; Co-Chair reviewers review every scorecard; reading follows
/// <see cref="ScorecardReaders.Rule"/>.
/// </summary>
public sealed class ScorecardAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, Scorecard>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, Scorecard scorecard)
    {
        var user = context.User;
        var allowed = requirement.Name switch
        {
            nameof(ScorecardOperations.Read) => ScorecardReaders.Rule(user).Compile(preferInterpretation: true)(scorecard),
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
