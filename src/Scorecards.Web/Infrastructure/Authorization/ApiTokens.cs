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

/// <summary>A token as its owner and administrators see it; never its secret.</summary>
public sealed record TokenRow(int Id, string OwnerEmail, string Name, string Prefix, TokenScope Scope, DateTime CreatedUtc, DateTime? LastUsedUtc,
    DateTime? ExpiresUtc, DateTime? RevokedUtc)
{
    public string State(DateTime nowUtc) => RevokedUtc is not null ? "Revoked" : ExpiresUtc <= nowUtc ? "Expired" : "Active";
}

/// <summary>
/// Personal access tokens: a random secret shown once, of which only the SHA-256 hash is stored. Every token expires
/// (90 days unless its owner chooses otherwise, never later than administrators allow) and can be revoked by its
/// owner or an administrator; both take effect on the next request, on every server.
/// </summary>
public sealed class ApiTokenService(AppDbContext db, TimeProvider clock, Features.Settings.SecuritySettings settings)
{
    public const string Prefix = "sct_";
    public const int MaxNameLength = 100;

    /// <summary>Creates a token, or says why it cannot: a name, and a life within the administrators' maximum.</summary>
    public async Task<(string? Secret, string? Error)> CreateAsync(AppUser user, string? name, TokenScope scope, int? days, CancellationToken ct)
    {
        var policy = await settings.GetAsync(ct);
        var life = days ?? Math.Min(Features.Settings.SecurityPolicy.DefaultTokenDays, policy.MaxTokenDays);
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > MaxNameLength)
        {
            return (null, $"Name the token after what uses it (at most {MaxNameLength} characters).");
        }

        if (life < 1 || life > policy.MaxTokenDays)
        {
            return (null, $"A token lives between 1 and {policy.MaxTokenDays} days, the most administrators allow.");
        }

        var secret = Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = clock.GetUtcNow().UtcDateTime;
        db.ApiTokens.Add(new ApiToken
        {
            UserId = user.Id,
            Name = name.Trim(),
            Prefix = secret[..12],
            Hash = Hash(secret),
            Scope = scope,
            CreatedUtc = now,
            ExpiresUtc = now.AddDays(life),
        });
        await db.SaveChangesAsync(ct);
        return (secret, null);
    }

    /// <summary>The tokens of one person, or of everyone when <paramref name="userId"/> is null; newest first.</summary>
    public Task<List<TokenRow>> ListAsync(string? userId, CancellationToken ct) =>
        db.ApiTokens.AsNoTracking().Where(t => userId == null || t.UserId == userId)
            .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new { Token = t, u.Email })
            .OrderByDescending(x => x.Token.Id)
            .Select(x => new TokenRow(x.Token.Id, x.Email ?? "", x.Token.Name, x.Token.Prefix, x.Token.Scope, x.Token.CreatedUtc, x.Token.LastUsedUtc,
                x.Token.ExpiresUtc, x.Token.RevokedUtc))
            .ToListAsync(ct);

    /// <summary>Revokes a token of <paramref name="ownerId"/>, or anyone's when null (administrators); false when there is no such live token.</summary>
    public async Task<bool> RevokeAsync(int id, string? ownerId, CancellationToken ct)
    {
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == id && (ownerId == null || t.UserId == ownerId) && t.RevokedUtc == null, ct);
        if (token is null)
        {
            return false;
        }

        token.RevokedUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Revokes every live token of a person, as a password reset does.</summary>
    public async Task<int> RevokeAllAsync(string userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var live = await db.ApiTokens.Where(t => t.UserId == userId && t.RevokedUtc == null).ToListAsync(ct);
        live.ForEach(t => t.RevokedUtc = now);
        await db.SaveChangesAsync(ct);
        return live.Count;
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}

/// <summary>
/// Signs in an API caller from <c>Authorization: Bearer sct_…</c>, with the same claims a cookie sign-in gives. A token
/// already seen is answered from <see cref="SignInCache"/> without the database.
/// </summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, TimeProvider clock, SignInCache cache)
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
        var version = await cache.VersionAsync(Context.RequestServices, Context.RequestAborted);
        var kept = cache.FindToken(hash, version);
        if (kept is null)
        {
            // The database context is made only here, on a miss: making one costs more than the rest of a kept sign-in.
            var db = Context.RequestServices.GetRequiredService<AppDbContext>();
            var token = await db.ApiTokens.AsNoTracking().SingleOrDefaultAsync(t => t.Hash == hash, Context.RequestAborted);
            if (token is null || token.RevokedUtc is not null || token.ExpiresUtc <= now)
            {
                return AuthenticateResult.Fail("The token is unknown, revoked or expired.");
            }

            // A lockout from wrong passwords stops password sign-in, not tokens: anyone can lock an account by guessing.
            // The account services are asked for only here, so a token already kept costs no more than its hash.
            var user = await Context.RequestServices.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(token.UserId);
            if (user is null || user.DisabledUtc is not null)
            {
                return AuthenticateResult.Fail("The token's account is disabled.");
            }

            // Recording use at most once a minute keeps a busy script from writing on every call.
            if (token.LastUsedUtc is null || now - token.LastUsedUtc > TimeSpan.FromMinutes(1))
            {
                await db.ApiTokens.Where(t => t.Id == token.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedUtc, now), Context.RequestAborted);
            }

            kept = new SignInCache.Token(token.Id, token.UserId, token.Scope, token.ExpiresUtc,
                await Context.RequestServices.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user), version, now);
            cache.Keep(hash, kept);
        }

        if (kept.ExpiresUtc <= now)
        {
            return AuthenticateResult.Fail("The token is unknown, revoked or expired.");
        }

        // The kept principal is shared by every request with this token: each gets its own copy of the identities
        // (ClaimsPrincipal.Clone would share them), and only the copy is given the token's scope.
        var principal = new System.Security.Claims.ClaimsPrincipal(kept.Principal.Identities.Select(i => i.Clone()));
        ((System.Security.Claims.ClaimsIdentity)principal.Identity!).AddClaim(new System.Security.Claims.Claim(AppClaimTypes.TokenScope, kept.Scope.ToString()));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}
