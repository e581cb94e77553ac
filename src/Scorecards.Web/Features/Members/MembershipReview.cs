using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Domain;
using Scorecards.Domain.Members;
using Scorecards.Domain.Scorecards;
using Scorecards.Web.Features.Shared;
using Scorecards.Web.Infrastructure.Authorization;

namespace Scorecards.Web.Features.Members;

/// <summary>A proposal as a form or client sends it: the kind and status by name, the body by code.</summary>
public sealed record ProposalRequest(string? Kind, int? MemberId, string? Body, string? NewStatus, string? Rationale);

/// <summary>A step as a form or client sends it.</summary>
public sealed record ProposalStepRequest(string? Status, int? MeetingId, int? DecisionId, DateOnly? EffectiveDate, string? Note);

public sealed record ProposalStepDto(ProposalStatus Status, DateTime Utc, string By, string? Note);

public sealed record ProposalDto(
    int Id,
    ProposalKind Kind,
    string KindLabel,
    int MemberId,
    string Member,
    string? Body,
    MemberStatus? NewStatus,
    string Rationale,
    ProposalStatus Status,
    int? MeetingId,
    string? Meeting,
    DecisionRefDto? Decision,
    DateOnly? EffectiveDate,
    IReadOnlyList<ProposalStepDto> Timeline)
{
    /// <summary>What it would do, in a line: "Fiji to join WG-TIP", "Canada to become an observer".</summary>
    public string Summary => Kind switch
    {
        ProposalKind.JoinBody => $"{Member} to join {Body}",
        ProposalKind.LeaveBody => $"{Member} to leave {Body}",
        _ => $"{Member} to become {(NewStatus is { } s ? Domain.Members.Member.Describe(s) : "")}",
    };
}

/// <summary>
/// The membership review: administrators and Co-Chairs propose changes to who belongs and who sits where, table them at a
/// meeting, record the decision, and apply what was agreed to the register in the same save; every signed-in person reads them.
/// </summary>
public sealed class MembershipReview(AppDbContext db, RegisterService register, TimeProvider clock)
{
    public static bool MayAct(ClaimsPrincipal user) => user.SeesAllWork();

    public async Task<Result<MembershipProposal>> ProposeAsync(ClaimsPrincipal user, ProposalRequest request, CancellationToken ct)
    {
        if (!MayAct(user))
        {
            return Result.Forbidden();
        }

        var errors = new List<FieldError>();
        ProposalKind? kind = EnumFields.Parse<ProposalKind>(request.Kind, nameof(ProposalRequest.Kind), errors);
        MemberStatus? status = EnumFields.Parse<MemberStatus>(request.NewStatus, nameof(ProposalRequest.NewStatus), errors);
        if (request.MemberId is not { } memberId || !await db.Members.AnyAsync(m => m.Id == memberId, ct))
        {
            errors.Add(new FieldError(nameof(ProposalRequest.MemberId), "Choose the member the proposal concerns."));
        }

        int? bodyId = null;
        if (!string.IsNullOrWhiteSpace(request.Body))
        {
            var code = request.Body.Trim().ToUpperInvariant();
            bodyId = await db.Bodies.Where(b => b.Code == code).Select(b => (int?)b.Id).SingleOrDefaultAsync(ct);
            if (bodyId is null)
            {
                errors.Add(new FieldError(nameof(ProposalRequest.Body), $"'{request.Body}' is not a body; use one of {string.Join(", ", await db.Bodies.OrderBy(b => b.Code).Select(b => b.Code).ToListAsync(ct))}."));
            }
        }

        if (errors.Count > 0)
        {
            return Result.Invalid("proposal.invalid", errors);
        }

        var proposed = MembershipProposal.Propose(kind, request.MemberId!.Value, bodyId, status, request.Rationale, user.DisplayName(), Now);
        if (!proposed.Succeeded)
        {
            return proposed;
        }

        db.MembershipProposals.Add(proposed.Value!);
        await db.SaveChangesAsync(ct);
        return proposed;
    }

    /// <summary>Takes a step; applying makes the register's change in the same save, or refuses both with the register's reason.</summary>
    public async Task<Result<MembershipProposal>> MoveAsync(ClaimsPrincipal user, int id, ProposalStepRequest request, CancellationToken ct)
    {
        if (await db.MembershipProposals.Include(p => p.Events).SingleOrDefaultAsync(p => p.Id == id, ct) is not { } proposal)
        {
            return Result.NotFound($"Proposal {id}");
        }

        if (!MayAct(user))
        {
            return Result.Forbidden();
        }

        var errors = new List<FieldError>();
        var status = EnumFields.Parse<ProposalStatus>(request.Status, nameof(ProposalStepRequest.Status), errors);
        if (request.MeetingId is { } meeting && !await db.Meetings.AnyAsync(m => m.Id == meeting, ct))
        {
            errors.Add(new FieldError(nameof(ProposalStepRequest.MeetingId), $"There is no meeting {meeting}."));
        }

        if (request.DecisionId is { } decision && !await db.Decisions.AnyAsync(d => d.Id == decision, ct))
        {
            errors.Add(new FieldError(nameof(ProposalStepRequest.DecisionId), $"There is no decision {decision}; choose one recorded under its meeting."));
        }

        if (errors.Count > 0)
        {
            return Result.Invalid("proposal.invalid", errors);
        }

        var moved = proposal.Move(new ProposalStep(status, request.MeetingId, request.DecisionId, request.EffectiveDate, request.Note), user.DisplayName(), Now);
        if (!moved.Succeeded)
        {
            return moved;
        }

        if (status == ProposalStatus.Applied)
        {
            var staged = await register.StageProposalAsync(proposal, request.EffectiveDate!.Value, ct);
            if (!staged.Succeeded)
            {
                return staged.Errors.Count > 0
                    ? Result.Invalid(staged.Code ?? "proposal.invalid", [new FieldError(nameof(ProposalStepRequest.EffectiveDate), staged.Message ?? "")])
                    : staged;
            }
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another step was taken in between, perhaps the same one: neither this step nor its change of the register is kept.
            db.ChangeTracker.Clear();
            return Result.Fail("proposal.stale", "Someone else took a step on this proposal at the same time; nothing of yours was saved. Reload it to see where it stands.");
        }

        return proposal;
    }

    public static async Task<List<ProposalDto>> ListAsync(AppDbContext db, ProposalStatus? status, CancellationToken ct)
    {
        var query = db.MembershipProposals.AsNoTracking().Include(p => p.Events).AsQueryable();
        if (status is { } wanted)
        {
            query = query.Where(p => p.Status == wanted);
        }

        return await ToDtosAsync(db, await query.OrderByDescending(p => p.ProposedUtc).ThenByDescending(p => p.Id).ToListAsync(ct), ct);
    }

    public static async Task<ProposalDto?> GetAsync(AppDbContext db, int id, CancellationToken ct) =>
        await db.MembershipProposals.AsNoTracking().Include(p => p.Events).SingleOrDefaultAsync(p => p.Id == id, ct) is { } proposal
            ? (await ToDtosAsync(db, [proposal], ct))[0]
            : null;

    private static async Task<List<ProposalDto>> ToDtosAsync(AppDbContext db, IReadOnlyList<MembershipProposal> proposals, CancellationToken ct)
    {
        var members = await db.Members.AsNoTracking().ToDictionaryAsync(m => m.Id, m => m.Name, ct);
        var bodies = await db.Bodies.AsNoTracking().ToDictionaryAsync(b => b.Id, b => b.Code, ct);
        var meetingIds = proposals.Select(p => p.MeetingId).OfType<int>().Distinct().ToList();
        var meetings = await db.Meetings.AsNoTracking().Where(m => meetingIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Title, ct);
        var decisionIds = proposals.Select(p => p.DecisionId).OfType<int>().Distinct().ToList();
        var decisions = await db.Decisions.AsNoTracking().Where(d => decisionIds.Contains(d.Id))
            .Join(db.Meetings, d => d.MeetingId, m => m.Id, (d, m) => new DecisionRefDto(d.Id, m.Id, m.Title, d.Number)).ToDictionaryAsync(d => d.Id, ct);
        return proposals.Select(p => new ProposalDto(p.Id, p.Kind, MembershipProposal.Label(p.Kind), p.MemberId, members.GetValueOrDefault(p.MemberId, ""),
            p.BodyId is { } b ? bodies.GetValueOrDefault(b) : null, p.NewStatus, p.Rationale, p.Status, p.MeetingId,
            p.MeetingId is { } m ? meetings.GetValueOrDefault(m) : null, p.DecisionId is { } d ? decisions.GetValueOrDefault(d) : null, p.EffectiveDate,
            p.Events.Select(e => new ProposalStepDto(e.Status, e.Utc, e.By, e.Note)).ToList())).ToList();
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
