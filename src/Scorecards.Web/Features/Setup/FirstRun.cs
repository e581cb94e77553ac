using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Data.Accounts;
using Scorecards.Domain;
using Scorecards.Web.Features.Accounts;

namespace Scorecards.Web.Features.Setup;

/// <summary>
/// The first administrator of an installation. While there is none, each start of the server issues a setup link
/// (replacing the one before); it works once, to create the first administrator, and then never again. Only a hash of
/// the link's secret is stored, beside the settings, so every server agrees on it.
/// </summary>
public sealed class FirstRun(AppDbContext db, AccountService accounts, TimeProvider clock)
{
    public const string TokenKey = "setup.token";
    public const string PathPrefix = "/setup/";

    public async Task<bool> NeedsAdministratorAsync(CancellationToken ct) =>
        !await db.UserRoles.AnyAsync(ur => db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Administrator), ct);

    /// <summary>A new setup link's secret, or null when there is an administrator already.</summary>
    public async Task<string?> IssueAsync(CancellationToken ct)
    {
        if (!await NeedsAdministratorAsync(ct))
        {
            return null;
        }

        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var setting = await db.Settings.SingleOrDefaultAsync(s => s.Key == TokenKey, ct);
        if (setting is null)
        {
            db.Settings.Add(setting = new AppSetting { Key = TokenKey });
        }

        (setting.Value, setting.UpdatedUtc) = (Hash(token), clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return token;
    }

    /// <summary>Whether <paramref name="token"/> is the latest setup link's, and no administrator has been made with it.</summary>
    public async Task<bool> IsValidAsync(string? token, CancellationToken ct)
    {
        var hash = token is { Length: > 0 } ? Hash(token) : null;
        return hash is not null && await db.Settings.AnyAsync(s => s.Key == TokenKey && s.Value == hash, ct) && await NeedsAdministratorAsync(ct);
    }

    /// <summary>
    /// Creates the first administrator with the password they chose. The link is spent first, in one statement, so that
    /// of two people using it at once one goes on; if the account is then refused, the link is put back.
    /// </summary>
    public async Task<Result<AppUser>> CreateAdministratorAsync(string token, string? email, string? name, string? password, CancellationToken ct)
    {
        var hash = Hash(token);
        var spent = await db.Settings.Where(s => s.Key == TokenKey && s.Value == hash).ExecuteDeleteAsync(ct);
        if (spent != 1 || !await NeedsAdministratorAsync(ct))
        {
            return Result.Fail("setup.link-spent", "This setup link has been used or replaced; sign in, or use the link the server printed at its latest start.");
        }

        var (created, errors) = await accounts.CreateAsync(new NewUser(email, name, Roles.Administrator, null, null, password), ct);
        if (created is null)
        {
            db.Settings.Add(new AppSetting { Key = TokenKey, Value = hash, UpdatedUtc = clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(ct);
            return Result.Invalid(errors);
        }

        return created.User;
    }

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
