using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Data.Accounts;
using Scorecards.Domain.Scorecards;

namespace Scorecards.Web.Features.Accounts;

public sealed record NewUser(string? Email, string? Name, string? Role, string? BodyCode, string? MemberName, string? Password);

public sealed record CreatedUser(AppUser User, string Password, bool PasswordGenerated);

public sealed record AccountRow(string Email, string Name, IReadOnlyList<string> Roles, IReadOnlyList<string> Bodies, string? Member, bool LockedOut);

/// <summary>Invites people: accounts are only ever created by an administrator or from the command line.</summary>
public sealed class AccountService(UserManager<AppUser> users, RoleManager<IdentityRole> roles, AppDbContext db, TimeProvider clock)
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

    public async Task<(CreatedUser? Created, IReadOnlyList<FieldError> Errors)> CreateAsync(NewUser input, CancellationToken ct)
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

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var generated = string.IsNullOrEmpty(input.Password);
        var password = generated ? GeneratePassword() : input.Password!;
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = input.Name!.Trim(),
            MemberId = memberId,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };

        await EnsureRolesAsync();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return (null, created.Errors.Select(e => new FieldError(e.Code.Contains("Password", StringComparison.Ordinal) ? "password" : "email", e.Description)).ToList());
        }

        await users.AddToRoleAsync(user, role!);
        if (bodyId is { } body)
        {
            db.UserBodies.Add(new UserBody { UserId = user.Id, BodyId = body });
            await db.SaveChangesAsync(ct);
        }

        await transaction.CommitAsync(ct);
        return (new CreatedUser(user, password, generated), []);
    }

    /// <summary>Every account with its roles, bodies and member, by e-mail address.</summary>
    public async Task<List<AccountRow>> ListAsync(CancellationToken ct)
    {
        var list = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(ct);
        var userRoles = await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync(ct);
        var bodies = await db.UserBodies.Join(db.Bodies, ub => ub.BodyId, b => b.Id, (ub, b) => new { ub.UserId, b.Code }).ToListAsync(ct);
        var members = await db.Members.AsNoTracking().ToDictionaryAsync(m => m.Id, m => m.Name, ct);
        var now = clock.GetUtcNow();
        return list.Select(u => new AccountRow(u.Email ?? "", u.DisplayName,
            userRoles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order(StringComparer.Ordinal).ToList(),
            bodies.Where(b => b.UserId == u.Id).Select(b => b.Code).Order(StringComparer.Ordinal).ToList(),
            u.MemberId is { } m ? members.GetValueOrDefault(m) : null,
            u.LockoutEnd > now)).ToList();
    }

    /// <summary>A one-time password of 20 letters and digits (about 115 bits of randomness).</summary>
    public static string GeneratePassword() =>
        RandomNumberGenerator.GetString("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 20);
}
