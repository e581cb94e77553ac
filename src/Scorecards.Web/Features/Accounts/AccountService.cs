using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Data.Accounts;
using Scorecards.Domain;
using Scorecards.Domain.Scorecards;
using Scorecards.Web.Features.Members;
using Scorecards.Web.Infrastructure.Authorization;

namespace Scorecards.Web.Features.Accounts;

/// <summary>
/// A person to add. <c>PasswordIssued</c>: the password is chosen by someone other than the person (an operator), who
/// must change it at first sign-in.
/// </summary>
public sealed record NewUser(string? Email, string? Name, string? Role, string? BodyCode, string? MemberName, string? Password, bool PasswordIssued = false);

/// <summary>A new account: with the password given on the command line, or else invited by e-mail to choose one (the link).</summary>
public sealed record CreatedUser(AppUser User, string? Password, string? InvitationLink);

/// <summary>A change to a person's account, as an administrator makes it: name, member, the roles selected and bodies.</summary>
public sealed record AccountChange(string? Name, int? MemberId, IReadOnlyList<string> SelectedRoles, IReadOnlyList<int> BodyIds);

/// <summary>An account as the lists show it; <c>Invited</c>: the person has not chosen a password yet.</summary>
public sealed record AccountRow(string Id, string Email, string Name, IReadOnlyList<string> Roles, IReadOnlyList<string> Bodies, string? Member, bool LockedOut, bool Disabled,
    bool Invited);

/// <summary>Invites people: accounts are only ever created by an administrator or from the command line.</summary>
public sealed class AccountService(UserManager<AppUser> users, RoleManager<IdentityRole> roles, AppDbContext db, TimeProvider clock, ApiTokenService tokens,
    AccountLinks links)
{
    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    public async Task<Result<CreatedUser>> CreateAsync(NewUser input, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var email = input.Email?.Trim();
        if (string.IsNullOrWhiteSpace(email) || !email.Contains('@', StringComparison.Ordinal) || email.Length > 256)
        {
            errors.Add(new FieldError("email", $"'{email}' is not an e-mail address."));
        }
        else if (await users.FindByEmailAsync(email) is not null)
        {
            errors.Add(new FieldError("email", $"An account for {email} already exists."));
        }

        if (string.IsNullOrWhiteSpace(input.Name))
        {
            errors.Add(new FieldError("name", "Give the person's name."));
        }

        var role = Roles.All.FirstOrDefault(r => string.Equals(r, input.Role?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (role is null)
        {
            errors.Add(new FieldError("role", $"'{input.Role}' is not a role; use one of {string.Join(", ", Roles.All)}."));
        }

        int? bodyId = null;
        if (!string.IsNullOrWhiteSpace(input.BodyCode))
        {
            var code = input.BodyCode.Trim().ToUpperInvariant();
            bodyId = await db.Bodies.Where(b => b.Code == code).Select(b => (int?)b.Id).SingleOrDefaultAsync(ct);
            if (bodyId is null)
            {
                var known = await db.Bodies.OrderBy(b => b.Id).Select(b => b.Code).ToListAsync(ct);
                errors.Add(new FieldError("body", $"'{input.BodyCode}' is not a reporting body; known bodies are {string.Join(", ", known)}."));
            }
        }
        else if (role == Roles.Reporter)
        {
            errors.Add(new FieldError("body", "A reporter reports for a body: give the body's code, such as WG-TIP."));
        }

        int? memberId = null;
        if (!string.IsNullOrWhiteSpace(input.MemberName))
        {
            var name = input.MemberName.Trim();
            memberId = await db.Members.Where(m => m.Name == name).Select(m => (int?)m.Id).SingleOrDefaultAsync(ct);
            if (memberId is null)
            {
                errors.Add(new FieldError("member", $"'{name}' is not a member; use the name as the member list spells it, such as Indonesia."));
            }
        }
        else if (role == Roles.CoChair)
        {
            errors.Add(new FieldError("member", "A Co-Chair reviewer acts for a Co-Chair government: give the member, such as Indonesia or Australia."));
        }

        if (role == Roles.CoChair && memberId is { } reviewerMember && await CoChairGovernments.RefuseReviewerAsync(db, reviewerMember, ct) is { } refusal)
        {
            errors.Add(new FieldError("member", refusal));
        }

        if (errors.Count > 0)
        {
            return Result.Invalid(errors);
        }

        return await AddAsync(email!, new AccountChange(input.Name, memberId, [role!], bodyId is { } b ? [b] : []), input.Password, input.PasswordIssued, ct);
    }

    /// <summary>
    /// Adds an account with its roles, bodies and member: with a password (which the person must change at first sign-in
    /// when <paramref name="passwordIssued"/>), or else invited by e-mail to choose one. In the caller's transaction when there
    /// is one, so an import adds every account or none.
    /// </summary>
    public async Task<Result<CreatedUser>> AddAsync(string email, AccountChange change, string? password, bool passwordIssued, CancellationToken ct)
    {
        var errors = await RulesAsync(change, null, ct);
        if (change.SelectedRoles.Count == 0)
        {
            errors.Add(new FieldError(nameof(change.SelectedRoles), "Give the person at least one role."));
        }

        if (await users.FindByEmailAsync(email) is not null)
        {
            errors.Insert(0, new FieldError("email", $"An account for {email} already exists."));
        }

        if (errors.Count > 0)
        {
            return Result.Invalid(errors);
        }

        var invited = string.IsNullOrEmpty(password);
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = !invited,
            DisplayName = change.Name!.Trim(),
            MemberId = change.MemberId,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
            MustChangePassword = passwordIssued && !invited,
        };

        await EnsureRolesAsync();
        if (invited && db.Database.CurrentTransaction is null)
        {
            links.PrepareKeys();
        }

        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var created = invited ? await users.CreateAsync(user) : await users.CreateAsync(user, password!);
        if (!created.Succeeded)
        {
            return Result.Invalid(created.Errors.Select(e => new FieldError(e.Code.Contains("Password", StringComparison.Ordinal) ? "password" : "email", e.Description)).ToList());
        }

        await users.AddToRolesAsync(user, change.SelectedRoles.Distinct());
        db.UserBodies.AddRange(change.BodyIds.Distinct().Select(id => new UserBody { UserId = user.Id, BodyId = id }));
        var bodyCodes = await db.Bodies.Where(b => change.BodyIds.Contains(b.Id)).OrderBy(b => b.Code).Select(b => b.Code).ToListAsync(ct);
        var link = invited
            ? await links.InviteAsync(user, string.Join(" and ", change.SelectedRoles.Select(Roles.Label)), bodyCodes.Count == 0 ? null : string.Join(" and ", bodyCodes))
            : null;
        await db.SaveChangesAsync(ct);
        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }

        return new CreatedUser(user, invited ? null : password, link);
    }

    /// <summary>What an account must hold, as any change makes it: a name, known roles, a body for a reporter, a Co-Chair government for a reviewer.</summary>
    private async Task<List<FieldError>> RulesAsync(AccountChange change, string? selfWithoutAdministrator, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(change.Name) || change.Name.Length > 200)
        {
            errors.Add(new FieldError(nameof(change.Name), "Give the person's name (at most 200 characters)."));
        }

        var unknownRoles = change.SelectedRoles.Where(r => !Roles.All.Contains(r)).ToList();
        if (unknownRoles.Count > 0)
        {
            errors.Add(new FieldError(nameof(change.SelectedRoles), $"'{string.Join(", ", unknownRoles)}' is not a role."));
        }
        else if (selfWithoutAdministrator is not null && !change.SelectedRoles.Contains(Roles.Administrator))
        {
            errors.Add(new FieldError(nameof(change.SelectedRoles), "You cannot remove your own Administrator role; ask another administrator."));
        }

        if (change.SelectedRoles.Contains(Roles.Reporter) && change.BodyIds.Count == 0)
        {
            errors.Add(new FieldError(nameof(change.BodyIds), "A reporter reports for at least one body: choose it."));
        }

        if (change.SelectedRoles.Contains(Roles.CoChair) && change.MemberId is null)
        {
            errors.Add(new FieldError(nameof(change.MemberId), "A Co-Chair reviewer acts for a Co-Chair government: choose the member."));
        }

        if (change.MemberId is { } memberId && !await db.Members.AnyAsync(m => m.Id == memberId, ct))
        {
            errors.Add(new FieldError(nameof(change.MemberId), "The chosen member does not exist."));
        }
        else if (change.SelectedRoles.Contains(Roles.CoChair) && change.MemberId is { } reviewerMember
            && await CoChairGovernments.RefuseReviewerAsync(db, reviewerMember, ct) is { } refusal)
        {
            errors.Add(new FieldError(nameof(change.MemberId), refusal));
        }

        var bodyIds = change.BodyIds.Distinct().ToList();
        if (await db.Bodies.CountAsync(b => bodyIds.Contains(b.Id), ct) != bodyIds.Count)
        {
            errors.Add(new FieldError(nameof(change.BodyIds), "One of the chosen bodies does not exist."));
        }

        return errors;
    }

    /// <summary>Every account with its roles, bodies and member, by e-mail address.</summary>
    public async Task<List<AccountRow>> ListAsync(CancellationToken ct)
    {
        var list = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(ct);
        var userRoles = await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync(ct);
        var bodies = await db.UserBodies.Join(db.Bodies, ub => ub.BodyId, b => b.Id, (ub, b) => new { ub.UserId, b.Code }).ToListAsync(ct);
        var members = await db.Members.AsNoTracking().ToDictionaryAsync(m => m.Id, m => m.Name, ct);
        var now = clock.GetUtcNow();
        return list.Select(u => new AccountRow(u.Id, u.Email ?? "", u.DisplayName,
            userRoles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order(StringComparer.Ordinal).ToList(),
            bodies.Where(b => b.UserId == u.Id).Select(b => b.Code).Order(StringComparer.Ordinal).ToList(),
            u.MemberId is { } m ? members.GetValueOrDefault(m) : null,
            u.LockoutEnd > now,
            u.DisabledUtc is not null,
            u.PasswordHash is null)).ToList();
    }

    /// <summary>
    /// Changes a person's name, member, roles and bodies in one transaction. The security stamp changes too,
    /// so their sign-in picks up the new rights within a minute. An administrator cannot take away their own
    /// Administrator role, so the secretariat is never locked out by its own hand.
    /// </summary>
    public async Task<Result> UpdateAsync(ClaimsPrincipal by, AppUser user, AccountChange change, CancellationToken ct)
    {
        var errors = await RulesAsync(change, user.Id == by.UserId() ? user.Id : null, ct);
        if (errors.Count > 0)
        {
            return Result.Invalid("account.invalid", errors);
        }

        var bodyIds = change.BodyIds.Distinct().ToList();
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        user.DisplayName = change.Name!.Trim();
        user.MemberId = change.MemberId;
        var current = await users.GetRolesAsync(user);
        await users.RemoveFromRolesAsync(user, current.Except(change.SelectedRoles));
        await users.AddToRolesAsync(user, change.SelectedRoles.Except(current));
        var links = await db.UserBodies.Where(ub => ub.UserId == user.Id).ToListAsync(ct);
        db.UserBodies.RemoveRange(links.Where(l => !bodyIds.Contains(l.BodyId)));
        db.UserBodies.AddRange(bodyIds.Where(id => links.TrueForAll(l => l.BodyId != id)).Select(id => new UserBody { UserId = user.Id, BodyId = id }));
        await db.SaveChangesAsync(ct);
        await users.UpdateSecurityStampAsync(user);
        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }

        return Result.Ok();
    }

    /// <summary>
    /// Disables or enables an account. A disabled account cannot sign in; its security stamp changes, so its sessions end
    /// on their next request, and its tokens are refused while it stays disabled. Nothing is deleted.
    /// </summary>
    public async Task SetDisabledAsync(AppUser user, bool disabled, CancellationToken ct)
    {
        if ((user.DisabledUtc is not null) == disabled)
        {
            return;
        }

        user.DisabledUtc = disabled ? clock.GetUtcNow().UtcDateTime : null;
        await users.UpdateSecurityStampAsync(user);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// What the secretariat does for a lost or stolen password: the password stops working at once, the person's
    /// sessions end, their tokens are revoked and any lockout is lifted; a link to choose a new one is e-mailed to them.
    /// </summary>
    public async Task ResetPasswordAsync(AppUser user, CancellationToken ct)
    {
        links.PrepareKeys();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await users.HasPasswordAsync(user))
        {
            Check(await users.RemovePasswordAsync(user));
        }
        else
        {
            Check(await users.UpdateSecurityStampAsync(user));
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await tokens.RevokeAllAsync(user.Id, ct);
        await links.SendResetAsync(user, bySecretariat: true, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>What a person is told of a link that no longer works.</summary>
    public const string SpentLink = "This link has expired or has been used. \"Forgot your password?\" on the sign-in page sends a new one.";

    /// <summary>
    /// Whether an e-mailed link still sets <paramref name="user"/>'s password: the account is not disabled, the token is
    /// theirs, for this purpose, unexpired and unspent, and an invitation's account has no password yet.
    /// </summary>
    public async Task<bool> LinkWorksAsync(AppUser user, string purpose, string token)
    {
        var invitation = purpose == LinkTokenProvider.Invitation;
        return user.DisabledUtc is null
            && await users.VerifyUserTokenAsync(user, LinkTokenProvider.Name, invitation ? purpose : UserManager<AppUser>.ResetPasswordTokenPurpose, token)
            && !(invitation && await users.HasPasswordAsync(user));
    }

    /// <summary>
    /// Sets the password a person chose through an e-mailed link: an invitation's, for an account without one yet, or a
    /// reset's. After a reset, as after the secretariat's, the person's other sessions and tokens end.
    /// </summary>
    public async Task<Result> SetPasswordByLinkAsync(AppUser user, string purpose, string token, string? password, string? repeated, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Result.Invalid("Password", "Choose a password.");
        }

        if (password != repeated)
        {
            return Result.Invalid([new FieldError("Repeated", "The two passwords differ; type the same one twice.")]);
        }

        if (!await LinkWorksAsync(user, purpose, token))
        {
            return Result.Fail("link", SpentLink);
        }

        var invitation = purpose == LinkTokenProvider.Invitation;

        var set = invitation ? await users.AddPasswordAsync(user, password) : await users.ResetPasswordAsync(user, token, password);
        if (!set.Succeeded)
        {
            return Result.Invalid(set.Errors.Select(e => new FieldError("Password", e.Description)).ToList());
        }

        user.EmailConfirmed = true;
        await users.UpdateAsync(user);
        if (!invitation)
        {
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
            await tokens.RevokeAllAsync(user.Id, ct);
        }

        return Result.Ok();
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
