using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Scorecards.Data;
using Scorecards.Data.Accounts;
using Scorecards.Domain.Rounds;
using Scorecards.Web.Features.Members;

namespace Scorecards.Web.Features.Setup;

/// <summary>
/// One step of setting up an installation: done or not, what is missing in words, the page where it is done, and the
/// starter data that can do it (<see cref="StarterPart"/>), if any.
/// </summary>
public sealed record SetupStep(string Name, bool Done, string State, string Link, string LinkText, StarterPart? Starter = null);

/// <summary>What a new installation still needs before its first round, read from the data each time it is shown.</summary>
public static class SetupChecklist
{
    /// <summary>The steps, in the language of <paramref name="t"/>.</summary>
    public static async Task<IReadOnlyList<SetupStep>> ReadAsync(AppDbContext db, IStringLocalizer t, CancellationToken ct)
    {
        var today = db.Today;
        var members = await db.Members.CountAsync(ct);
        var governments = await CoChairGovernments.ListAsync(db, ct);
        var bodies = await db.Bodies.AsNoTracking().Where(b => b.IsActive).Include(b => b.CoChairs).OrderBy(b => b.Id).ToListAsync(ct);
        var hasStrategy = await db.Strategies.AnyAsync(ct);
        var objectives = await db.Objectives.CountAsync(o => !o.IsRetired, ct);
        var unassigned = await db.Objectives.Where(o => !o.IsRetired && !db.Assignments.Any(a => a.ObjectiveId == o.Id)).Select(o => o.Code).OrderBy(c => c).ToListAsync(ct);
        var enabled = db.Users.Where(u => u.DisabledUtc == null);
        var role = (string name) => db.UserRoles.Where(ur => db.Roles.Any(r => r.Id == ur.RoleId && r.Name == name)).Select(ur => ur.UserId);
        var reporters = role(Roles.Reporter);
        var reported = await db.UserBodies.Where(ub => reporters.Contains(ub.UserId) && enabled.Any(u => u.Id == ub.UserId)).Select(ub => ub.BodyId).Distinct().ToListAsync(ct);
        var reviewers = role(Roles.CoChair);
        var reviewing = await enabled.Where(u => reviewers.Contains(u.Id) && u.MemberId != null).Select(u => u.MemberId!.Value).Distinct().ToListAsync(ct);
        var rounds = await db.Rounds.AsNoTracking().Select(r => r.Status).ToListAsync(ct);

        var noCoChair = bodies.Where(b => !b.CoChairs.Any(c => c.HeldOn(today))).Select(b => b.Code).ToList();
        var noReporter = bodies.Where(b => !reported.Contains(b.Id)).Select(b => b.Code).ToList();
        var noReviewer = governments.Where(g => !reviewing.Contains(g.MemberId)).Select(g => g.Name).ToList();
        return
        [
            new(t["Members"], members > 0,
                members > 0 ? t["{0} members and observers on the register.", members] : t["The register is empty: import the member list, or load the published one."],
                "/admin/members", t["Members"], members == 0 ? StarterPart.Members : null),
            new(t["Co-Chair governments"], governments.Count > 0,
                governments.Count > 0 ? $"{string.Join(t[" and "], governments.Select(g => g.Name))}." : t["None designated: their reviewers approve every scorecard."],
                "/admin/co-chairs", t["Co-Chair governments"]),
            // A body's co-chairs lead it; nothing in a round waits for them (the Co-Chair governments approve), so they are told, not required.
            new(t["Bodies and their co-chairs"], bodies.Count > 0,
                bodies.Count == 0 ? t["No reporting bodies yet: add them, or load the six."]
                    : noCoChair.Count > 0 ? t["{0} bodies; without a co-chair now: {1}.", bodies.Count, string.Join(", ", noCoChair)] : t["{0} bodies, each with its co-chairs.", bodies.Count],
                "/bodies", t["Bodies"], bodies.Count == 0 ? StarterPart.Bodies : null),
            // An objective no body reports on is shown as a gap in every round; the secretariat may mean it, so it is told, not required.
            new(t["Framework"], objectives > 0,
                !hasStrategy ? t["No framework yet: load the eight areas of cooperation, or import a framework file."]
                    : objectives == 0 ? t["No objectives yet: add the agreed objectives to the framework file (start from its template) and import it."]
                    : unassigned.Count > 0 ? t["{0} objectives; no body reports on {1}.", objectives, string.Join(", ", unassigned.Take(10)) + (unassigned.Count > 10 ? t[" and {0} more", unassigned.Count - 10] : "")]
                    : t["{0} objectives, each with the bodies that report on it.", objectives],
                "/admin/framework", t["Framework"], hasStrategy ? null : StarterPart.Areas),
            new(t["Accounts"], bodies.Count > 0 && noReporter.Count == 0 && governments.Count > 0 && noReviewer.Count == 0,
                bodies.Count == 0 ? t["Bodies come first: each needs a reporter."]
                    : noReporter.Count > 0 || noReviewer.Count > 0
                        ? string.Join(" ", new[]
                        {
                            noReporter.Count > 0 ? t["No reporter for {0}.", string.Join(", ", noReporter)].Value : null,
                            noReviewer.Count > 0 ? t["No Co-Chair reviewer for {0}.", string.Join(t[" or "], noReviewer)].Value : null,
                        }.OfType<string>())
                        : t["Every body has a reporter and every Co-Chair government a reviewer."],
                "/admin/users", t["Accounts"]),
            new(t["First round"], rounds.Any(s => s != RoundStatus.Planned),
                rounds.Count == 0 ? t["No round yet: plan the first and open it."] : rounds.Any(s => s != RoundStatus.Planned) ? t["A round has been opened."] : t["Planned but not yet opened."],
                "/admin/rounds", t["Rounds"]),
        ];
    }
}
