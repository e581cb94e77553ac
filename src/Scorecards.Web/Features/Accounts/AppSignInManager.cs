using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Scorecards.Data;
using Scorecards.Data.Accounts;
using Scorecards.Web.Infrastructure.Authorization;

namespace Scorecards.Web.Features.Accounts;

/// <summary>Identity's sign-in, except that a disabled account cannot sign in at all.</summary>
public sealed class AppSignInManager(
    UserManager<AppUser> users, IHttpContextAccessor context, IUserClaimsPrincipalFactory<AppUser> claims, IOptions<IdentityOptions> options,
    ILogger<SignInManager<AppUser>> logger, IAuthenticationSchemeProvider schemes, IUserConfirmation<AppUser> confirmation)
    : SignInManager<AppUser>(users, context, claims, options, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(AppUser user) => user.DisabledUtc is null && await base.CanSignInAsync(user);
}

/// <summary>
/// Checks every signed-in request against the account as this server knows it (<see cref="SignInCache"/>): a session
/// ends at once on the server that disables the account or changes its security stamp (a password change or reset, new
/// rights), and within a second on every other. The claims are then refreshed as Identity does.
/// </summary>
public static class SessionCheck
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var id = context.Principal?.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        var stamp = context.Principal?.FindFirst(stampClaim)?.Value;
        var cache = services.GetRequiredService<SignInCache>();
        var ct = context.HttpContext.RequestAborted;
        var version = await cache.VersionAsync(services, ct);
        var account = id is null ? null : cache.FindSession(id, version);
        if (account is null && id is not null)
        {
            var stored = await services.GetRequiredService<AppDbContext>().Users.AsNoTracking().Where(u => u.Id == id).Select(u => new { u.SecurityStamp, u.DisabledUtc }).SingleOrDefaultAsync(ct);
            if (stored is not null)
            {
                account = new SignInCache.Session(stored.SecurityStamp, stored.DisabledUtc is not null, version,
                    services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
                cache.Keep(id, account);
            }
        }

        if (account is null || account.Disabled || account.Stamp != stamp)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }
}
