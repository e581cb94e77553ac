using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Domain.Members;

namespace Scorecards.Web.Features.Members;

public sealed record MemberDto(int Id, string Name, MemberKind Kind, MemberStatus Status, bool IsCoChairGovernment);

public sealed record CoChairDto(int? MemberId, string Name);

public sealed record BodyDto(int Id, string Code, string Name, bool IsActive, IReadOnlyList<CoChairDto> CoChairs);

public static class MembersApi
{
    public static void MapMembersApi(this RouteGroupBuilder api)
    {
        api.MapGet("/members", GetMembersAsync).WithTags("Members").WithSummary("The members and observers of the Process; isCoChairGovernment marks the Co-Chair governments.");
        api.MapGet("/bodies", GetBodiesAsync).WithTags("Bodies").WithSummary("The reporting bodies and their co-chairs.");
    }

    private static async Task<Ok<List<MemberDto>>> GetMembersAsync(AppDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.Members.AsNoTracking().OrderBy(m => m.Name)
            .Select(m => new MemberDto(m.Id, m.Name, m.Kind, m.Status, m.IsCoChairGovernment)).ToListAsync(ct));

    private static async Task<Ok<List<BodyDto>>> GetBodiesAsync(AppDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await BodyQueries.ListAsync(db, ct));
}

public static class BodyQueries
{
    public static async Task<List<BodyDto>> ListAsync(AppDbContext db, CancellationToken ct)
    {
        var bodies = await db.Bodies.AsNoTracking().Include(b => b.CoChairs).OrderBy(b => b.Id).ToListAsync(ct);
        var members = await db.Members.AsNoTracking().ToDictionaryAsync(m => m.Id, m => m.Name, ct);
        return bodies.Select(b => new BodyDto(b.Id, b.Code, b.Name, b.IsActive,
            b.CoChairs.Select(c => new CoChairDto(c.MemberId, c.PersonName ?? (c.MemberId is { } id ? members.GetValueOrDefault(id, "") : ""))).ToList())).ToList();
    }
}
