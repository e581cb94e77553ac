using Microsoft.AspNetCore.Antiforgery;
using Scorecards.Data.Accounts;

namespace Scorecards.Web.Infrastructure.Authorization;

/// <summary>
/// Guards requests that change something through the API. Signed in with the browser's cookie, such a request must
/// carry the anti-forgery token in the <c>RequestVerificationToken</c> header, which another site cannot read, so a
/// page elsewhere cannot make a signed-in browser change anything (a form post or a <c>text/plain</c> body needs no
/// preflight). Signed in with a read-only token, it is refused. Requests with a token are not forgeable and pass.
/// </summary>
public static class ApiWriteGuard
{
    public static IApplicationBuilder UseApiWriteGuard(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (!request.Path.StartsWithSegments("/api") || HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
            || HttpMethods.IsOptions(request.Method) || context.User.Identity?.IsAuthenticated != true)
        {
            await next(context);
            return;
        }

        var scope = context.User.FindFirst(AppClaimTypes.TokenScope)?.Value;
        if (scope == nameof(TokenScope.ReadOnly))
        {
            await Refuse(context, "token.read-only", "This token may only read; create a read-write token to make changes.");
            return;
        }

        if (scope is null && !await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context))
        {
            await Refuse(context, "antiforgery",
                "A change made with the browser's sign-in must carry the page's anti-forgery token in the RequestVerificationToken header; "
                + "scripts use a personal access token instead.");
            return;
        }

        await next(context);
    });

    private static Task Refuse(HttpContext context, string code, string detail)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return ApiProblems.Problem(StatusCodes.Status403Forbidden, code, detail).ExecuteAsync(context);
    }
}
