using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Scorecards.Domain.Activities;
using Scorecards.Domain.Meetings;
using Scorecards.Domain.Statements;
using Scorecards.Domain.WorkPlans;

namespace Scorecards.Web.Infrastructure.Authorization;

/// <summary>
/// What may be done to the Process's record of work: activities, work plans, meetings and their decisions. Each is answered,
/// for pages and API alike, by the handler for its aggregate below; a page that shows a button asks the same question.
/// </summary>
public static class WorkOperations
{
    /// <summary>Create, change, archive or restore.</summary>
    public static readonly OperationAuthorizationRequirement Manage = new() { Name = nameof(Manage) };

    /// <summary>Report a decision's follow-up.</summary>
    public static readonly OperationAuthorizationRequirement FollowUp = new() { Name = nameof(FollowUp) };
}

/// <summary>An activity is managed by its lead body's reporters and by administrators.</summary>
public sealed class ActivityAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, Activity>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, Activity activity)
    {
        if (requirement.Name == WorkOperations.Manage.Name && (context.User.IsAdministrator() || context.User.ReportsFor(activity.LeadBodyId)))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

/// <summary>A work plan, with its items, is managed by its body's reporters and by administrators.</summary>
public sealed class WorkPlanAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, WorkPlan>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, WorkPlan plan)
    {
        if (requirement.Name == WorkOperations.Manage.Name && (context.User.IsAdministrator() || context.User.ReportsFor(plan.BodyId)))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

/// <summary>The secretariat records meetings and the decisions taken at them.</summary>
public sealed class MeetingAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, Meeting>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, Meeting meeting)
    {
        if (requirement.Name == WorkOperations.Manage.Name && context.User.IsAdministrator())
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

/// <summary>The secretariat changes a decision; its owner body's reporters (and administrators) report its follow-up.</summary>
public sealed class DecisionAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, Decision>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, Decision decision)
    {
        var user = context.User;
        var allowed = requirement.Name switch
        {
            nameof(WorkOperations.Manage) => user.IsAdministrator(),
            nameof(WorkOperations.FollowUp) => user.IsAdministrator() || user.ReportsFor(decision.OwnerBodyId),
            _ => false,
        };
        if (allowed)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

/// <summary>The Co-Chairs and the secretariat edit a round's statement draft, and write it afresh.</summary>
public sealed class StatementDraftAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, StatementDraft>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, StatementDraft draft)
    {
        if (requirement.Name == WorkOperations.Manage.Name && context.User.SeesAllWork())
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
