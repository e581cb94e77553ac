using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Scorecards.Domain.Bodies;
using Scorecards.Domain.Members;

namespace Scorecards.Web.Infrastructure.Authorization;

/// <summary>The secretariat keeps the register of the Process: its members and its reporting bodies.</summary>
public sealed class RegisterAuthorizationHandler : IAuthorizationHandler
{
    public Task HandleAsync(AuthorizationHandlerContext context)
    {
        if (context.Resource is Member or Body && context.User.IsAdministrator())
        {
            foreach (var requirement in context.PendingRequirements.OfType<OperationAuthorizationRequirement>().Where(r => r.Name == WorkOperations.Manage.Name).ToList())
            {
                context.Succeed(requirement);
            }
        }

        return Task.CompletedTask;
    }
}
