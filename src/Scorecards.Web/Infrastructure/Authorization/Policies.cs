using Microsoft.AspNetCore.Authorization;
using Scorecards.Data.Accounts;

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
