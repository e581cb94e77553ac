using Microsoft.AspNetCore.Identity;

namespace Scorecards.Data.Accounts;

/// <summary>A person with an account. Accounts are created by invitation only.</summary>
public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>The member the person acts for; for a Co-Chair reviewer, the Co-Chair government.</summary>
    public int? MemberId { get; set; }
    public DateTime CreatedUtc { get; set; }
}

/// <summary>That a person reports for a body. Reporter rights are per body.</summary>
public sealed class UserBody
{
    public string UserId { get; set; } = "";
    public int BodyId { get; set; }
}

/// <summary>A personal access token for scripts calling the API. Only a hash of the secret is stored.</summary>
public sealed class ApiToken
{
    public int Id { get; set; }
    public string UserId { get; set; } = "";
    public string Name { get; set; } = "";

    /// <summary>The first characters of the token, shown so a person can tell their tokens apart.</summary>
    public string Prefix { get; set; } = "";
    public string Hash { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
    public DateTime? ExpiresUtc { get; set; }
    public DateTime? LastUsedUtc { get; set; }
    public DateTime? RevokedUtc { get; set; }
}

/// <summary>The names of the roles, as stored by Identity and checked by policies.</summary>
public static class Roles
{
    public const string Administrator = "Administrator";
    public const string CoChair = "CoChair";
    public const string Reporter = "Reporter";
    public const string MemberViewer = "MemberViewer";

    public static readonly IReadOnlyList<string> All = [Administrator, CoChair, Reporter, MemberViewer];

    public static string Label(string role) => role switch
    {
        Administrator => "Administrator",
        CoChair => "Co-Chair reviewer",
        Reporter => "Reporter",
        MemberViewer => "Member viewer",
        _ => role,
    };
}
