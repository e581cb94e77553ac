using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Web.Infrastructure.Authorization;

namespace Scorecards.Web.Features.Audit;

public sealed record AuditFilter(string? Body, int? Round, string? User, int Page = 1, int PageSize = 50);

public sealed record AuditEventDto(long Id, DateTime Utc, string UserName, string Action, string EntityType, string EntityId,
    string? Subject, string? Body, string? Round, string? Field, string? Before, string? After);

public sealed record AuditPage(int Page, int PageSize, int Total, IReadOnlyList<AuditEventDto> Events);

public static class AuditQueries
{
    public const int MaxPageSize = 200;

    /// <summary>Audit events newest first, filtered by body code, round and user (e-mail or name).</summary>
    public static async Task<AuditPage> SearchAsync(AppDbContext db, AuditFilter filter, CancellationToken ct)
    {
        var page = Math.Max(1, filter.Page);
        var size = Math.Clamp(filter.PageSize, 1, MaxPageSize);
        var query = db.AuditEvents.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Body))
        {
            var code = filter.Body.Trim().ToUpperInvariant();
            query = query.Where(a => db.Bodies.Any(b => b.Id == a.BodyId && b.Code == code));
        }

        if (filter.Round is { } round)
        {
            query = query.Where(a => a.RoundId == round);
        }

        if (!string.IsNullOrWhiteSpace(filter.User))
        {
            var user = filter.User.Trim();
            query = query.Where(a => a.UserName == user || db.Users.Any(u => u.Id == a.UserId && (u.Email == user || u.DisplayName == user)));
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(a => a.Id).Skip((page - 1) * size).Take(size)
            .Select(a => new AuditEventDto(a.Id, a.Utc, a.UserName, a.Action, a.EntityType, a.EntityId, a.Subject,
                db.Bodies.Where(b => b.Id == a.BodyId).Select(b => b.Code).FirstOrDefault(),
                db.Rounds.Where(r => r.Id == a.RoundId).Select(r => r.Name).FirstOrDefault(),
                a.Field, a.Before, a.After))
            .ToListAsync(ct);
        return new AuditPage(page, size, total, rows);
    }
}

public static class AuditApi
{
    public static void MapAuditApi(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", SearchAsync).WithTags("Audit").RequireAuthorization(Policies.Administrator)
            .WithSummary("Every recorded change, newest first; filter by body code, round id and user, paged.");
    }

    private static async Task<Ok<AuditPage>> SearchAsync(string? body, int? round, string? user, int? page, int? pageSize, AppDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await AuditQueries.SearchAsync(db, new AuditFilter(body, round, user, page ?? 1, pageSize ?? 50), ct));
}
