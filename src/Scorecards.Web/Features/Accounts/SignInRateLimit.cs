using System.Threading.RateLimiting;

namespace Scorecards.Web.Features.Accounts;

/// <summary>
/// Limits how often one address may use the sign-in page, on top of the per-account lockout, so that
/// guessing passwords across many accounts is slow too.
/// </summary>
public static class SignInRateLimit
{
    public const string Policy = "sign-in";
    public const int PermitsPerMinute = 30;

    public static IServiceCollection AddSignInRateLimit(this IServiceCollection services) => services.AddRateLimiter(o =>
    {
        o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        o.AddPolicy(Policy, context => RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = PermitsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
    });
}
