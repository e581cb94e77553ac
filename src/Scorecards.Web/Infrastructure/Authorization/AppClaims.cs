using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Scorecards.Data;
using Scorecards.Data.Accounts;

namespace Scorecards.Web.Infrastructure.Authorization;

public static class AppClaimTypes
{
    public const string Body = "scorecards:body";
    public const string Member = "scorecards:member";
    public const string DisplayName = "scorecards:name";

    /// <summary>On a request signed in with an API token: what the token may do (<see cref="Data.Accounts.TokenScope"/>).</summary>
    public const string TokenScope = "scorecards:token-scope";

    /// <summary>On a person whose password someone else chose: they must change it first.</summary>
    public const string MustChangePassword = "scorecards:must-change-password";
}

/// <summary>Reads the bodies a person reports for, and the member they act for, into claims at sign-in.</summary>
public sealed class AppClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options, AppDbContext db)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(AppClaimTypes.DisplayName, user.DisplayName));
        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(AppClaimTypes.MustChangePassword, "yes"));
        }

        if (user.MemberId is { } memberId)
        {
            identity.AddClaim(new Claim(AppClaimTypes.Member, memberId.ToString(CultureInfo.InvariantCulture)));
        }

        var bodies = await db.UserBodies.Where(ub => ub.UserId == user.Id).Select(ub => ub.BodyId).ToListAsync();
        foreach (var bodyId in bodies)
        {
            identity.AddClaim(new Claim(AppClaimTypes.Body, bodyId.ToString(CultureInfo.InvariantCulture)));
        }

        return identity;
    }
}

public static class ClaimsPrincipalExtensions
{
    public static string UserId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(AppClaimTypes.DisplayName) is { Length: > 0 } name ? name : user.Identity?.Name ?? "";

    public static int? MemberId(this ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(AppClaimTypes.Member), CultureInfo.InvariantCulture, out var id) ? id : null;

    public static IReadOnlySet<int> BodyIds(this ClaimsPrincipal user) =>
        user.FindAll(AppClaimTypes.Body).Select(c => int.Parse(c.Value, CultureInfo.InvariantCulture)).ToHashSet();

    public static bool ReportsFor(this ClaimsPrincipal user, int bodyId) =>
        user.IsInRole(Roles.Reporter) && user.BodyIds().Contains(bodyId);

    public static bool IsAdministrator(this ClaimsPrincipal user) => user.IsInRole(Roles.Administrator);

    public static bool IsCoChair(this ClaimsPrincipal user) => user.IsInRole(Roles.CoChair);

    /// <summary>Co-Chairs and administrators see every body's work in progress; others see their own and what is approved.</summary>
    public static bool SeesAllWork(this ClaimsPrincipal user) => user.IsAdministrator() || user.IsCoChair();

    public static IEnumerable<string> RoleLabels(this ClaimsPrincipal user) =>
        Roles.All.Where(user.IsInRole).Select(Roles.Label);
}
