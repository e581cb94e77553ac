using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Domain;
using Scorecards.Domain.Members;
using Scorecards.Domain.Rounds;
using Scorecards.Domain.Scorecards;

namespace Scorecards.Web.Features.Members;

public sealed record CoChairGovernmentDto(int MemberId, string Name);

/// <summary>
/// The Process's Co-Chair governments: data that administrators change, read wherever an approval is
/// counted. Changing them is audited through the member's <see cref="Member.IsCoChairGovernment"/> field.
/// </summary>
public sealed class CoChairGovernments(AppDbContext db, TimeProvider clock)
{
    public static Task<List<int>> IdsAsync(AppDbContext db, CancellationToken ct) =>
        db.Members.AsNoTracking().Where(m => m.IsCoChairGovernment).OrderBy(m => m.Id).Select(m => m.Id).ToListAsync(ct);

    public static Task<List<CoChairGovernmentDto>> ListAsync(AppDbContext db, CancellationToken ct) =>
        db.Members.AsNoTracking().Where(m => m.IsCoChairGovernment).OrderBy(m => m.Name)
            .Select(m => new CoChairGovernmentDto(m.Id, m.Name)).ToListAsync(ct);

    /// <summary>Why a member cannot stand behind a Co-Chair reviewer's account, or null when it can.</summary>
    public static async Task<string?> RefuseReviewerAsync(AppDbContext db, int memberId, CancellationToken ct)
    {
        var governments = await ListAsync(db, ct);
        if (governments.Exists(g => g.MemberId == memberId))
        {
            return null;
        }

        var name = await db.Members.Where(m => m.Id == memberId).Select(m => m.Name).SingleOrDefaultAsync(ct);
        return governments.Count == 0
            ? $"{name} is not a Co-Chair government of the Process (none is set yet); a Co-Chair reviewer acts for one of them. "
                + "Choose another role, or make the member a Co-Chair government first."
            : $"{name} is not a Co-Chair government of the Process (they are {string.Join(", ", governments.Select(g => g.Name))}); "
                + "a Co-Chair reviewer acts for one of them. Choose another role, or make the member a Co-Chair government first.";
    }

    public async Task<Result> AddAsync(int memberId, CancellationToken ct)
    {
        if (await db.Members.FindAsync([memberId], ct) is not { } member)
        {
            return Result.Fail("not-found", "The chosen member does not exist.");
        }

        var result = member.BecomeCoChairGovernment();
        if (result.Succeeded)
        {
            await db.SaveChangesAsync(ct);
        }

        return result;
    }

    /// <summary>
    /// A government stops co-chairing. The Process keeps at least one; a partly approved scorecard that no
    /// longer awaits any current Co-Chair government becomes approved, with the reason in its history.
    /// </summary>
    public async Task<Result> RemoveAsync(int memberId, CancellationToken ct)
    {
        if (await db.Members.FindAsync([memberId], ct) is not { } member)
        {
            return Result.Fail("not-found", "The chosen member does not exist.");
        }

        if (member.IsCoChairGovernment && !await db.Members.AnyAsync(m => m.IsCoChairGovernment && m.Id != memberId, ct))
        {
            return Result.Fail("co-chair.last", $"{member.Name} is the only Co-Chair government; add the new one before removing it, so that approvals still count.");
        }

        var result = member.StepDownAsCoChairGovernment();
        if (!result.Succeeded)
        {
            return result;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        var remaining = await IdsAsync(db, ct);
        var partly = await db.Scorecards.Include(s => s.Approvals).Include(s => s.ReviewEvents)
            .Where(s => s.Status == ScorecardStatus.ApprovedByOne
                && db.Rounds.Any(r => r.Id == s.RoundId && (r.Status == RoundStatus.Open || r.Status == RoundStatus.InReview)))
            .ToListAsync(ct);
        foreach (var scorecard in partly)
        {
            scorecard.CompleteApproval(remaining, "Secretariat (Co-Chair governments changed)", clock.GetUtcNow().UtcDateTime);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return result;
    }

    /// <summary>Finds a member by the name the member list gives it, for the command line.</summary>
    public async Task<(int? Id, string? Error)> FindAsync(string? name, CancellationToken ct)
    {
        var trimmed = name?.Trim() ?? "";
        var id = await db.Members.Where(m => m.Name == trimmed).Select(m => (int?)m.Id).SingleOrDefaultAsync(ct);
        return id is null ? (null, $"'{trimmed}' is not a member; use the name as the member list spells it, such as Indonesia.") : (id, null);
    }
}
