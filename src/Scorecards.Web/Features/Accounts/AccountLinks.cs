using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Scorecards.Data;
using Scorecards.Data.Accounts;
using Scorecards.Web.Features.Notices;
using Scorecards.Web.Infrastructure;
using Scorecards.Web.Infrastructure.Localization;

namespace Scorecards.Web.Features.Accounts;

/// <summary>
/// The token of an e-mailed link that sets a password: an invitation's (valid 7 days) or a reset's (valid 2 hours).
/// It names the account, the purpose and the moment it expires by the app's clock, and carries the account's security
/// stamp, so it works once: setting a password changes the stamp. It is encrypted and signed with the app's keys.
/// </summary>
public sealed class LinkTokenProvider(IDataProtectionProvider protection, TimeProvider clock) : IUserTwoFactorTokenProvider<AppUser>
{
    public const string Name = "Link";
    public const string Invitation = "invitation";

    private readonly IDataProtector _protector = protection.CreateProtector("Scorecards.Accounts.Links");

    public static TimeSpan Lifespan(string purpose) => purpose == Invitation ? TimeSpan.FromDays(7) : TimeSpan.FromHours(2);

    public async Task<string> GenerateAsync(string purpose, UserManager<AppUser> manager, AppUser user)
    {
        var expires = clock.GetUtcNow().UtcDateTime + Lifespan(purpose);
        return SignedText.Seal(_protector, user.Id, purpose, expires.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture),
            await manager.GetSecurityStampAsync(user) ?? "");
    }

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        return SignedText.Open(_protector, token, maxLength: 2000) is [var id, var forWhat, var expires, var stamp]
            && id == user.Id && forWhat == purpose
            && long.TryParse(expires, System.Globalization.CultureInfo.InvariantCulture, out var ticks) && clock.GetUtcNow().UtcDateTime.Ticks < ticks
            && stamp == await manager.GetSecurityStampAsync(user);
    }

    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<AppUser> manager, AppUser user) => Task.FromResult(false);
}

/// <summary>
/// The e-mails that let a person set a password by link: an invitation to a new account, and a reset. Each is an
/// outbox message added to the pending changes of the database context; the caller saves it with the change.
/// </summary>
public sealed class AccountLinks(UserManager<AppUser> users, AppDbContext db, Notifier notifier, MailSettings mail, TimeProvider clock,
    IDataProtectionProvider protection, IStringLocalizer<Strings> t)
{
    /// <summary>How soon after one reset e-mail another is sent to the same account, however often it is asked for.</summary>
    public static readonly TimeSpan ResetInterval = TimeSpan.FromMinutes(5);

    public const string ResetPurpose = "reset";

    /// <summary>
    /// Loads the app's key ring, writing a key if none is current (the first use, and every 90 days). Call it before a
    /// transaction in which a link is made: the key is written by a database context of its own, which SQLite would
    /// make wait behind that transaction until both fail.
    /// </summary>
    public void PrepareKeys() => protection.CreateProtector("Scorecards.Accounts.Links.Keys").Protect([1]);

    /// <summary>Adds the invitation of <paramref name="user"/>; returns the link, for the command line to show.</summary>
    public async Task<string> InviteAsync(AppUser user, string roleLabel, string? body)
    {
        var token = await users.GenerateUserTokenAsync(user, LinkTokenProvider.Name, LinkTokenProvider.Invitation);
        var link = $"/account/welcome?u={Uri.EscapeDataString(user.Id)}&t={token}";
        // In the language the person chose, once they have; a new account's is English.
        using var language = Languages.Use(notifier.LanguageOf(user.Language));
        var role = string.Join(t[" and "], roleLabel.Split(" and ").Select(r => t[r].Value)).ToLower(CultureInfo.CurrentCulture);
        db.Outbox.Add(notifier.Mail(user.Id, user.Email!, user.DisplayName, LinkTokenProvider.Invitation, t["Your invitation to Bali Process Scorecards"],
            [t["You are invited to Scorecards, where the Bali Process's working bodies report on the 2023 Adelaide Strategy for Cooperation."] + " "
                + (body is null ? t["Your account is for a {0}, and you sign in with {1}.", role, user.Email!] : t["Your account is for a {0} of {1}, and you sign in with {2}.", role, body, user.Email!]),
                t["Choose your password with the link below. It works once, for 7 days; after that, ask the secretariat for a new one."]],
            link, unsubscribe: null, Now, linkLabel: t["Choose your password"], aboutNotices: false));
        return mail.Link(link);
    }

    /// <summary>
    /// Adds a reset e-mail for <paramref name="user"/>, unless one went out in the last <see cref="ResetInterval"/>.
    /// <paramref name="bySecretariat"/> says the secretariat asked, not the person.
    /// </summary>
    public async Task<bool> SendResetAsync(AppUser user, bool bySecretariat, CancellationToken ct)
    {
        var since = Now - ResetInterval;
        if (string.IsNullOrEmpty(user.Email)
            || await db.Outbox.AnyAsync(m => m.UserId == user.Id && m.Purpose == ResetPurpose && m.CreatedUtc > since, ct))
        {
            return false;
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = $"/account/reset?u={Uri.EscapeDataString(user.Id)}&t={token}";
        // In the language the person chose; one who has not chosen and asks for themselves gets the page's language.
        using var language = Languages.Use(user.Language is null && !bySecretariat ? CultureInfo.CurrentUICulture : notifier.LanguageOf(user.Language));
        IReadOnlyList<string> text = bySecretariat
            ? [t["The secretariat has reset the password of your Scorecards account: the old one no longer works, and your sessions and API tokens have ended."],
                t["Choose a new password with the link below. It works once, within 2 hours; after that, use \"Forgot your password?\" on the sign-in page."]]
            : [t["Someone asked to reset the password of your Scorecards account. If it was you, choose a new password with the link below. It works once, within 2 hours."],
                t["If it was not you, ignore this e-mail: your password stays as it is."]];
        db.Outbox.Add(notifier.Mail(user.Id, user.Email, user.DisplayName, ResetPurpose, t["Reset your Scorecards password"], text, link, unsubscribe: null, Now,
            linkLabel: t["Choose a new password"], aboutNotices: false));
        return true;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
