using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Data.Accounts;

namespace Scorecards.Web.Features.Notices;

/// <summary>Who a notice goes to, by what they do: a body's reporters, a Co-Chair government's reviewers, the secretariat.</summary>
public static class Recipients
{
    public static Task<List<string>> ReportersAsync(AppDbContext db, int bodyId, CancellationToken ct) =>
        db.UserBodies.AsNoTracking().Where(ub => ub.BodyId == bodyId).Select(ub => ub.UserId).ToListAsync(ct);

    public static Task<List<string>> ReviewersAsync(AppDbContext db, int government, CancellationToken ct) => ActingForAsync(db, Roles.CoChair, government, ct);

    /// <summary>A member's focal points: the member viewers who act for it.</summary>
    public static Task<List<string>> FocalPointsAsync(AppDbContext db, int memberId, CancellationToken ct) => ActingForAsync(db, Roles.MemberViewer, memberId, ct);

    private static Task<List<string>> ActingForAsync(AppDbContext db, string role, int memberId, CancellationToken ct) =>
        (from u in db.Users.AsNoTracking()
         join ur in db.UserRoles on u.Id equals ur.UserId
         join r in db.Roles on ur.RoleId equals r.Id
         where r.Name == role && u.MemberId == memberId
         select u.Id).ToListAsync(ct);

    /// <summary>The secretariat: every administrator.</summary>
    public static Task<List<string>> AdministratorsAsync(AppDbContext db, CancellationToken ct) =>
        (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where r.Name == Roles.Administrator select ur.UserId).ToListAsync(ct);
}
