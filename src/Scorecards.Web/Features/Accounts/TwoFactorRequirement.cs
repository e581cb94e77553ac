using System.Security.Claims;
using Scorecards.Data.Accounts;
using Scorecards.Web.Features.Settings;

namespace Scorecards.Web.Features.Accounts;

/// <summary>
/// Where administrators require two-factor sign-in for administrators and Co-Chair reviewers, such a person signed in
/// with a password alone is sent to set it up before any other page; the API answers 403 to their cookie.
/// </summary>
public static class TwoFactorRequirement
{
    public static bool IsPrivileged(ClaimsPrincipal user) => user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.CoChair);

    /// <summary>
    /// Holds a signed-in person at an account page until they have done what it asks: pages redirect there, and the API
    /// answers their cookie 403 with <paramref name="code"/>.
    /// </summary>
    internal static Task SendToAsync(HttpContext context, string page, string code, string detail)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Infrastructure.ApiProblems.Problem(StatusCodes.Status403Forbidden, code, detail).ExecuteAsync(context);
        }

        context.Response.Redirect(page);
        return Task.CompletedTask;
    }

    public static IApplicationBuilder UseTwoFactorRequirement(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true && IsPrivileged(user) && !user.HasClaim("amr", "mfa")
            && user.FindFirst(Infrastructure.Authorization.AppClaimTypes.TokenScope) is null
            && !context.Request.Path.StartsWithSegments("/account") && !context.Request.Path.StartsWithSegments("/error")
            && (await context.RequestServices.GetRequiredService<SecuritySettings>().GetAsync(context.RequestAborted)).RequireTwoFactorForPrivileged)
        {
            await SendToAsync(context, "/account/security", "two-factor-required", "Two-factor sign-in is required for your role; set it up at /account/security.");
            return;
        }

        await next(context);
    });
}

/// <summary>
/// A person signed in with a password someone else chose (on the command line) is sent to choose their own before any
/// other page; the API answers 403 to their cookie. Their API tokens, issued by an operator, are not held back.
/// </summary>
public static class PasswordChangeRequirement
{
    public const string PagePath = "/account/password";

    public static IApplicationBuilder UsePasswordChangeRequirement(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true && user.HasClaim(c => c.Type == Infrastructure.Authorization.AppClaimTypes.MustChangePassword)
            && user.FindFirst(Infrastructure.Authorization.AppClaimTypes.TokenScope) is null
            && !context.Request.Path.StartsWithSegments(PagePath) && !context.Request.Path.StartsWithSegments("/account/logout")
            && !context.Request.Path.StartsWithSegments("/error"))
        {
            await TwoFactorRequirement.SendToAsync(context, PagePath, "password.change-required",
                $"Your password was chosen by someone else; choose your own at {PagePath} first.");
            return;
        }

        await next(context);
    });
}
