using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Domain;
using Scorecards.Domain.Bodies;
using Scorecards.Domain.Members;
using Scorecards.Domain.Scorecards;
using Scorecards.Web.Infrastructure.Authorization;

namespace Scorecards.Web.Features.Members;

/// <summary>A member as a form or client sends it.</summary>
public sealed record MemberRequest(string? Name, MemberKind Kind, MemberStatus Status);

/// <summary>A body's details as a form or client sends them: co-chairs that are members by id, others by name.</summary>
public sealed record BodyRequest(string? Name, bool IsActive, IReadOnlyList<int> CoChairMemberIds, IReadOnlyList<string> CoChairPeople);

/// <summary>
/// Every change to the register of members and reporting bodies, for the pages and any client alike: each loads what it
/// changes, asks <see cref="WorkOperations.Manage"/> whether the person may, applies the domain's rules and the register's
/// own (no name or code twice, co-chairs that are members), saves, and says how it went.
/// </summary>
public sealed class RegisterService(AppDbContext db, IAuthorizationService authorization)
{
    public async Task<Result<Member>> AddMemberAsync(ClaimsPrincipal user, MemberRequest request, CancellationToken ct)
    {
        if (!await MayAsync(user, new Member("", MemberKind.State, MemberStatus.Member)))
        {
            return Result.Forbidden();
        }

        var created = Member.Create(request.Name, request.Kind, request.Status);
        if (!created.Succeeded)
        {
            return created;
        }

        var member = created.Value!;
        if (await MemberNameTakenAsync(member.Name, null, ct) is { } taken)
        {
            return taken;
        }

        db.Members.Add(member);
        await db.SaveChangesAsync(ct);
        return member;
    }

    public async Task<Result<Member>> ChangeMemberAsync(ClaimsPrincipal user, int id, MemberRequest request, CancellationToken ct)
    {
        if (await db.Members.SingleOrDefaultAsync(m => m.Id == id, ct) is not { } member)
        {
            return Result.NotFound($"Member {id}");
        }

        if (!await MayAsync(user, member))
        {
            return Result.Forbidden();
        }

        if (request.Name is { } name && await MemberNameTakenAsync(name.Trim(), id, ct) is { } taken)
        {
            return taken;
        }

        var changed = member.Change(request.Name, request.Kind, request.Status);
        if (!changed.Succeeded)
        {
            return changed;
        }

        await db.SaveChangesAsync(ct);
        return member;
    }

    public async Task<Result<Body>> AddBodyAsync(ClaimsPrincipal user, string? code, string? name, CancellationToken ct)
    {
        if (!await MayAsync(user, new Body("", "")))
        {
            return Result.Forbidden();
        }

        var created = Body.Create(code, name);
        if (!created.Succeeded)
        {
            return created;
        }

        var body = created.Value!;
        if (await db.Bodies.AnyAsync(b => b.Code == body.Code, ct))
        {
            return Result.Invalid("body.code-taken", [new FieldError(nameof(Body.Code), $"A body with the code {body.Code} already exists.")]);
        }

        db.Bodies.Add(body);
        await db.SaveChangesAsync(ct);
        return body;
    }

    public async Task<Result<Body>> ChangeBodyAsync(ClaimsPrincipal user, string code, BodyRequest request, CancellationToken ct)
    {
        var normalised = code.Trim().ToUpperInvariant();
        if (await db.Bodies.Include(b => b.CoChairs).SingleOrDefaultAsync(b => b.Code == normalised, ct) is not { } body)
        {
            return Result.NotFound($"Body {code}");
        }

        if (!await MayAsync(user, body))
        {
            return Result.Forbidden();
        }

        var wanted = request.CoChairMemberIds.Distinct().ToList();
        var known = await db.Members.Where(m => wanted.Contains(m.Id)).CountAsync(ct);
        if (known != wanted.Count)
        {
            return Result.Invalid("body.invalid", [new FieldError(nameof(BodyRequest.CoChairMemberIds), "One of the chosen co-chairs is not a member.")]);
        }

        var changed = body.Change(request.Name, request.IsActive, wanted, request.CoChairPeople);
        if (!changed.Succeeded)
        {
            return changed;
        }

        await db.SaveChangesAsync(ct);
        return body;
    }

    private async Task<bool> MayAsync(ClaimsPrincipal user, object entry) => (await authorization.AuthorizeAsync(user, entry, WorkOperations.Manage)).Succeeded;

    private async Task<Result?> MemberNameTakenAsync(string name, int? except, CancellationToken ct) =>
        await db.Members.AnyAsync(m => m.Name == name && m.Id != except, ct)
            ? Result.Invalid("member.name-taken", [new FieldError(nameof(Member.Name), $"A member named '{name}' already exists.")])
            : null;
}
