using Microsoft.EntityFrameworkCore;
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
    public static async Task<IReadOnlyList<SetupStep>> ReadAsync(AppDbContext db, CancellationToken ct)
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
            new("Members", members > 0,
                members > 0 ? $"{members} members and observers on the register." : "The register is empty: import the member list, or load the published one.",
                "/admin/members", "Members", members == 0 ? StarterPart.Members : null),
            new("Co-Chair governments", governments.Count > 0,
                governments.Count > 0 ? $"{string.Join(" and ", governments.Select(g => g.Name))}." : "None designated: their reviewers approve every scorecard.",
                "/admin/co-chairs", "Co-Chair governments"),
            // A body's co-chairs lead it; nothing in a round waits for them (the Co-Chair governments approve), so they are told, not required.
            new("Bodies and their co-chairs", bodies.Count > 0,
                bodies.Count == 0 ? "No reporting bodies yet: add them, or load the six."
                    : noCoChair.Count > 0 ? $"{bodies.Count} bodies; without a co-chair now: {string.Join(", ", noCoChair)}." : $"{bodies.Count} bodies, each with its co-chairs.",
                "/bodies", "Bodies", bodies.Count == 0 ? StarterPart.Bodies : null),
            // An objective no body reports on is shown as a gap in every round; the secretariat may mean it, so it is told, not required.
            new("Framework", objectives > 0,
                !hasStrategy ? "No framework yet: load the eight areas of cooperation, or import a framework file."
                    : objectives == 0 ? "No objectives yet: add the agreed objectives to the framework file (start from its template) and import it."
                    : unassigned.Count > 0 ? $"{objectives} objectives; no body reports on {string.Join(", ", unassigned.Take(10))}{(unassigned.Count > 10 ? $" and {unassigned.Count - 10} more" : "")}."
                    : $"{objectives} objectives, each with the bodies that report on it.",
                "/admin/framework", "Framework", hasStrategy ? null : StarterPart.Areas),
            new("Accounts", bodies.Count > 0 && noReporter.Count == 0 && governments.Count > 0 && noReviewer.Count == 0,
                bodies.Count == 0 ? "Bodies come first: each needs a reporter."
                    : noReporter.Count > 0 || noReviewer.Count > 0
                        ? string.Join(" ", new[]
                        {
                            noReporter.Count > 0 ? $"No reporter for {string.Join(", ", noReporter)}." : null,
                            noReviewer.Count > 0 ? $"No Co-Chair reviewer for {string.Join(" or ", noReviewer)}." : null,
                        }.OfType<string>())
                        : "Every body has a reporter and every Co-Chair government a reviewer.",
                "/admin/users", "Accounts"),
            new("First round", rounds.Any(s => s != RoundStatus.Planned),
                rounds.Count == 0 ? "No round yet: plan the first and open it." : rounds.Any(s => s != RoundStatus.Planned) ? "A round has been opened." : "Planned but not yet opened.",
                "/admin/rounds", "Rounds"),
        ];
    }
}
