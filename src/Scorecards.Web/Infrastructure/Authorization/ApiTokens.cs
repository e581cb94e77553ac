using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Scorecards.Data;
using Scorecards.Data.Accounts;

namespace Scorecards.Web.Infrastructure.Authorization;

/// <summary>Personal access tokens: a random secret shown once; only its SHA-256 hash is stored.</summary>
public sealed class ApiTokenService(AppDbContext db, TimeProvider clock)
{
    public const string Prefix = "sct_";

    public async Task<string> CreateAsync(AppUser user, string name, DateTime? expiresUtc, CancellationToken ct)
    {
        var secret = Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        db.ApiTokens.Add(new ApiToken
        {
            UserId = user.Id,
            Name = name,
            Prefix = secret[..12],
            Hash = Hash(secret),
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
            ExpiresUtc = expiresUtc,
        });
        await db.SaveChangesAsync(ct);
        return secret;
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}

/// <summary>Signs in an API caller from <c>Authorization: Bearer sct_…</c>, with the same claims a cookie sign-in gives.</summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    AppDbContext db, UserManager<AppUser> users, IUserClaimsPrincipalFactory<AppUser> claims, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var hash = ApiTokenService.Hash(header["Bearer ".Length..].Trim());
        var now = clock.GetUtcNow().UtcDateTime;
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Hash == hash, Context.RequestAborted);
        if (token is null || token.RevokedUtc is not null || token.ExpiresUtc <= now)
        {
            return AuthenticateResult.Fail("The token is unknown, revoked or expired.");
        }

        var user = await users.FindByIdAsync(token.UserId);
        if (user is null || await users.IsLockedOutAsync(user))
        {
            return AuthenticateResult.Fail("The token's account is locked or gone.");
        }

        // Recording use at most once a minute keeps a busy script from writing on every call.
        if (token.LastUsedUtc is null || now - token.LastUsedUtc > TimeSpan.FromMinutes(1))
        {
            await db.ApiTokens.Where(t => t.Id == token.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedUtc, now), Context.RequestAborted);
        }

        var principal = await claims.CreateAsync(user);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}
