using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Web.Infrastructure.Authorization;

namespace Scorecards.Web.Features.Audit;

/// <summary>What to look for: a body's code, a round, a person (e-mail or name), a kind of thing, an action, and a span of days.</summary>
public sealed record AuditFilter(string? Body, int? Round, string? User, int Page = 1, int PageSize = 50, string? Kind = null, string? Action = null,
    DateOnly? From = null, DateOnly? To = null);

/// <summary>
/// One change, as stored (<see cref="EntityType"/>, <see cref="Field"/>, <see cref="Before"/>, <see cref="After"/>) and in the words
/// people read (<see cref="Person"/>, <see cref="What"/>, <see cref="FieldLabel"/>, <see cref="BeforeText"/>, <see cref="AfterText"/>).
/// </summary>
public sealed record AuditEventDto(long Id, DateTime Utc, string UserName, string Action, string EntityType, string EntityId,
    string? Subject, string? Body, string? Round, string? Field, string? Before, string? After,
    string Person, string What, string? FieldLabel, string BeforeText, string AfterText);

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

        if (!string.IsNullOrWhiteSpace(filter.Kind))
        {
            var kind = filter.Kind.Trim();
            query = query.Where(a => a.EntityType == kind);
        }

        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            var action = filter.Action.Trim();
            query = query.Where(a => a.Action == action);
        }

        if (filter.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(a => a.Utc >= start);
        }

        if (filter.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(a => a.Utc < end);
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(a => a.Id).Skip((page - 1) * size).Take(size)
            .Select(a => new
            {
                Event = a,
                Body = db.Bodies.Where(b => b.Id == a.BodyId).Select(b => b.Code).FirstOrDefault(),
                Round = db.Rounds.Where(r => r.Id == a.RoundId).Select(r => r.Name).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var labels = await AuditLabels.LoadAsync(db, ct);
        return new AuditPage(page, size, total, rows.Select(r =>
        {
            var a = r.Event;
            var created = a.Field is null;
            return new AuditEventDto(a.Id, a.Utc, a.UserName, a.Action, a.EntityType, a.EntityId, a.Subject, r.Body, r.Round, a.Field, a.Before, a.After,
                labels.Person(a.UserId, a.UserName), AuditLabels.KindLabel(a.EntityType), a.Field is null ? null : AuditLabels.FieldLabel(a.Field),
                created ? labels.Summary(a.Before) : labels.Value(a.Field, a.Before), created ? labels.Summary(a.After) : labels.Value(a.Field, a.After));
        }).ToList());
    }
}

public static class AuditApi
{
    public static void MapAuditApi(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", SearchAsync).WithTags("Audit").RequireAuthorization(Policies.Administrator)
            .WithSummary("Every recorded change, newest first, as stored and in words; filter by body code, round id, user, kind (such as Scorecard), "
                + "action (Created, Updated, Deleted) and from/to dates, paged.");
    }

    private static async Task<Ok<AuditPage>> SearchAsync(string? body, int? round, string? user, int? page, int? pageSize, string? kind, string? action,
        DateOnly? from, DateOnly? to, AppDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await AuditQueries.SearchAsync(db, new AuditFilter(body, round, user, page ?? 1, pageSize ?? 50, kind, action, from, to), ct));
}
