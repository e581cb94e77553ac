using Microsoft.AspNetCore.Identity;

namespace Scorecards.Data.Accounts;

/// <summary>A person with an account. Accounts are created by invitation only.</summary>
public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>The member the person acts for; for a Co-Chair reviewer, the Co-Chair government.</summary>
    public int? MemberId { get; set; }
    public DateTime CreatedUtc { get; set; }

    /// <summary>
    /// The IANA time zone the person reads times in (such as Australia/Sydney); null for the Process's, which is the
    /// latest round's. Their morning digest comes at 07:00 there.
    /// </summary>
    public string? TimeZone { get; set; }

    /// <summary>
    /// The language the person last chose to read in ("id", "en-GB"): their e-mails come in it. Null until they choose;
    /// then English.
    /// </summary>
    public string? Language { get; set; }

    /// <summary>When an administrator disabled the account; a disabled account cannot sign in, and its sessions and tokens stop at once.</summary>
    public DateTime? DisabledUtc { get; set; }

    /// <summary>
    /// The password was chosen by someone else (an operator on the command line): the person must choose their own before
    /// doing anything else.
    /// </summary>
    public bool MustChangePassword { get; set; }
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

    /// <summary>What the token may do: read only, or read and change what its owner may change.</summary>
    public TokenScope Scope { get; set; } = TokenScope.ReadWrite;
}

public enum TokenScope
{
    ReadOnly,
    ReadWrite,
}

/// <summary>
/// A failed sign-in, kept for a short while so that every server counts the same attempts per account and per
/// address; only a hash of the address or account is stored.
/// </summary>
public sealed class SignInFailure
{
    public long Id { get; set; }
    public string Key { get; set; } = "";
    public DateTime AttemptedUtc { get; set; }
}

/// <summary>A setting administrators change on the settings page, such as whether two-factor sign-in is required.</summary>
public sealed class AppSetting
{
    public string Key { get; set; } = "";
    public string Value { get; set; } = "";
    public DateTime UpdatedUtc { get; set; }
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
