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

/// <summary>A new member as a form or client sends it: the day it joined and the decision behind it, when known.</summary>
public sealed record MemberRequest(string? Name, MemberKind Kind, MemberStatus Status, DateOnly? Since = null, int? DecisionId = null);

/// <summary>A member's name and kind as a form or client sends them; its status changes by <see cref="StatusRequest"/>.</summary>
public sealed record MemberChange(string? Name, MemberKind Kind);

/// <summary>A change of a member's status: what it became, the day it took effect, the decision behind it.</summary>
public sealed record StatusRequest(MemberStatus Status, DateOnly? On, int? DecisionId, string? Note);

/// <summary>A body's name, and whether it reports in new rounds.</summary>
public sealed record BodyRequest(string? Name, bool IsActive);

/// <summary>A seat for a member on a body, from a day (none: since before the register began), by a decision.</summary>
public sealed record SeatRequest(int? MemberId, DateOnly? From, int? DecisionId);

/// <summary>A co-chair's term: a member by id, or a person who is not a member by name.</summary>
public sealed record CoChairRequest(int? MemberId, string? PersonName, DateOnly? From, DateOnly? Until, int? DecisionId);

/// <summary>The last day a seat or a co-chair's term is held, and the decision that ended it.</summary>
public sealed record TermEnd(DateOnly? Until, int? DecisionId);

/// <summary>
/// Every change to the register of members and reporting bodies, for the pages and any client alike: each loads what it
/// changes, asks <see cref="WorkOperations.Manage"/> whether the person may, applies the domain's rules and the register's
/// own (no name or code twice, co-chairs that are members), saves, and says how it went.
/// </summary>
public sealed class RegisterService(AppDbContext db, IAuthorizationService authorization, TimeProvider clock)
{
    public async Task<Result<Member>> AddMemberAsync(ClaimsPrincipal user, MemberRequest request, CancellationToken ct)
    {
        if (!await MayAsync(user, new Member("", MemberKind.State, MemberStatus.Member)))
        {
            return Result.Forbidden();
        }

        if (await UnknownDecisionAsync(request.DecisionId, ct) is { } unknown)
        {
            return unknown;
        }

        var created = Member.Create(request.Name, request.Kind, request.Status, request.Since, request.DecisionId, Today);
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

    public async Task<Result<Member>> ChangeMemberAsync(ClaimsPrincipal user, int id, MemberChange request, CancellationToken ct)
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

        var changed = member.Change(request.Name, request.Kind);
        if (!changed.Succeeded)
        {
            return changed;
        }

        await db.SaveChangesAsync(ct);
        return member;
    }

    /// <summary>
    /// Records that a member joined, became an observer or withdrew, on a day and by a decision. A member that withdraws gives
    /// up its seats and co-chair terms first, so that no body lists a participant that has left.
    /// </summary>
    public async Task<Result<Member>> RecordStatusAsync(ClaimsPrincipal user, int id, StatusRequest request, CancellationToken ct)
    {
        if (await db.Members.Include(m => m.History).SingleOrDefaultAsync(m => m.Id == id, ct) is not { } member)
        {
            return Result.NotFound($"Member {id}");
        }

        if (!await MayAsync(user, member))
        {
            return Result.Forbidden();
        }

        if (await UnknownDecisionAsync(request.DecisionId, ct) is { } unknown)
        {
            return unknown;
        }

        var recorded = await StageStatusAsync(member, request, ct);
        if (!recorded.Succeeded)
        {
            return recorded;
        }

        await db.SaveChangesAsync(ct);
        return member;
    }

    /// <summary>
    /// Makes the register's change an agreed proposal of the membership review calls for, on the day it takes effect, without
    /// saving: the caller saves it with the proposal's own step, so both happen or neither. Whoever may apply the proposal may
    /// make its change.
    /// </summary>
    public async Task<Result> StageProposalAsync(MembershipProposal proposal, DateOnly on, CancellationToken ct)
    {
        if (proposal.Kind == ProposalKind.ChangeStatus)
        {
            var member = await db.Members.Include(m => m.History).SingleAsync(m => m.Id == proposal.MemberId, ct);
            return await StageStatusAsync(member, new StatusRequest(proposal.NewStatus!.Value, on, proposal.DecisionId, $"Membership review proposal {proposal.Id}."), ct);
        }

        var body = await db.Bodies.Include(b => b.CoChairs).Include(b => b.Seats).SingleAsync(b => b.Id == proposal.BodyId, ct);
        if (proposal.Kind == ProposalKind.JoinBody)
        {
            return await StageSeatAsync(body, new SeatRequest(proposal.MemberId, on, proposal.DecisionId), ct);
        }

        var name = await db.Members.Where(m => m.Id == proposal.MemberId).Select(m => m.Name).SingleAsync(ct);
        return body.Seats.FirstOrDefault(s => s.MemberId == proposal.MemberId && (s.Until is null || s.Until >= on)) is { } seat
            ? body.EndSeat(seat.Id, on.AddDays(-1), proposal.DecisionId)
            : Result.Fail("seat.none", $"{name} holds no seat on {body.Code} on {on:yyyy-MM-dd} to leave.");
    }

    /// <summary>Records a change of status on a loaded member without saving; a member that withdraws gives up its seats first.</summary>
    public async Task<Result> StageStatusAsync(Member member, StatusRequest request, CancellationToken ct)
    {
        if (request.Status == MemberStatus.Withdrawn && request.On is { } on && await HeldAfterAsync(member.Id, on, ct) is { Count: > 0 } held)
        {
            return Result.Invalid("member.holds-seats", [new FieldError(nameof(StatusRequest.Status),
                $"{member.Name} still holds {string.Join(", ", held)} on {on:yyyy-MM-dd} or later; end each by the day before it withdraws first.")]);
        }

        return member.RecordStatus(request.Status, request.On, request.DecisionId, request.Note, Today);
    }

    private async Task<Result> StageSeatAsync(Body body, SeatRequest request, CancellationToken ct)
    {
        var (member, refusal) = await TakingPartAsync(request.MemberId, request.From, nameof(SeatRequest.MemberId), ct);
        return refusal ?? body.AddSeat(member!.Id, member.Name, request.From, request.DecisionId);
    }

    /// <summary>Takes back a member's latest change of status, recorded in error.</summary>
    public async Task<Result<Member>> UndoStatusAsync(ClaimsPrincipal user, int id, CancellationToken ct)
    {
        if (await db.Members.Include(m => m.History).SingleOrDefaultAsync(m => m.Id == id, ct) is not { } member)
        {
            return Result.NotFound($"Member {id}");
        }

        if (!await MayAsync(user, member))
        {
            return Result.Forbidden();
        }

        var undone = member.UndoLatestChange();
        if (!undone.Succeeded)
        {
            return undone;
        }

        await db.SaveChangesAsync(ct);
        return member;
    }

    /// <summary>The seats and co-chair terms a member holds on or after a day: "a seat on WG-TIP", "the co-chair of D-WG".</summary>
    private async Task<List<string>> HeldAfterAsync(int memberId, DateOnly day, CancellationToken ct)
    {
        var seats = await db.Set<BodySeat>().Where(s => s.MemberId == memberId && (s.Until == null || s.Until >= day))
            .Join(db.Bodies, s => s.BodyId, b => b.Id, (s, b) => b.Code).OrderBy(c => c).ToListAsync(ct);
        var chairs = await db.Set<BodyCoChair>().Where(c => c.MemberId == memberId && (c.Until == null || c.Until >= day))
            .Join(db.Bodies, c => c.BodyId, b => b.Id, (c, b) => b.Code).OrderBy(c => c).ToListAsync(ct);
        return [.. seats.Select(code => "a seat on " + code), .. chairs.Select(code => "a co-chair's term on " + code)];
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
        if (await FindBodyAsync(code, ct) is not { } body)
        {
            return Result.NotFound($"Body {code}");
        }

        if (!await MayAsync(user, body))
        {
            return Result.Forbidden();
        }

        var changed = body.Change(request.Name, request.IsActive);
        if (!changed.Succeeded)
        {
            return changed;
        }

        await db.SaveChangesAsync(ct);
        return body;
    }

    /// <summary>Gives a member a seat on a body; the member must take part in the Process on the day the seat begins.</summary>
    public Task<Result<Body>> AddSeatAsync(ClaimsPrincipal user, string code, SeatRequest request, CancellationToken ct) =>
        ChangeTermsAsync(user, code, request.DecisionId, body => StageSeatAsync(body, request, ct), ct);

    public Task<Result<Body>> EndSeatAsync(ClaimsPrincipal user, string code, int seatId, TermEnd request, CancellationToken ct) =>
        ChangeTermsAsync(user, code, request.DecisionId, body => Task.FromResult(body.EndSeat(seatId, request.Until, request.DecisionId)), ct);

    /// <summary>Adds a co-chair's term: a member that takes part in the Process when it begins, or a person named.</summary>
    public Task<Result<Body>> AddCoChairAsync(ClaimsPrincipal user, string code, CoChairRequest request, CancellationToken ct) =>
        ChangeTermsAsync(user, code, request.DecisionId, async body =>
        {
            if (request.MemberId is null || !string.IsNullOrWhiteSpace(request.PersonName))
            {
                return body.AddCoChair(request.MemberId, null, request.PersonName, request.From, request.Until, request.DecisionId);
            }

            var (member, refusal) = await TakingPartAsync(request.MemberId, request.From, nameof(CoChairRequest.MemberId), ct);
            return refusal ?? body.AddCoChair(member!.Id, member.Name, null, request.From, request.Until, request.DecisionId);
        }, ct);

    public Task<Result<Body>> EndCoChairAsync(ClaimsPrincipal user, string code, int termId, TermEnd request, CancellationToken ct) =>
        ChangeTermsAsync(user, code, null, body => Task.FromResult(body.EndCoChair(termId, request.Until)), ct);

    private async Task<Result<Body>> ChangeTermsAsync(ClaimsPrincipal user, string code, int? decisionId, Func<Body, Task<Result>> change, CancellationToken ct)
    {
        if (await FindBodyAsync(code, ct) is not { } body)
        {
            return Result.NotFound($"Body {code}");
        }

        if (!await MayAsync(user, body))
        {
            return Result.Forbidden();
        }

        if (await UnknownDecisionAsync(decisionId, ct) is { } unknown)
        {
            return unknown;
        }

        var changed = await change(body);
        if (!changed.Succeeded)
        {
            return changed;
        }

        await db.SaveChangesAsync(ct);
        return body;
    }

    /// <summary>The member, when it takes part in the Process on the day (today when none is given); otherwise why not.</summary>
    private async Task<(Member? Member, Result? Refusal)> TakingPartAsync(int? memberId, DateOnly? from, string field, CancellationToken ct)
    {
        var member = memberId is { } id ? await db.Members.AsNoTracking().Include(m => m.History).SingleOrDefaultAsync(m => m.Id == id, ct) : null;
        if (member is null)
        {
            return (null, Result.Invalid("member.unknown", [new FieldError(field, "Choose a member of the Process.")]));
        }

        var day = from ?? Today;
        return member.TookPartOn(day)
            ? (member, null)
            : (null, Result.Invalid("member.not-taking-part", [new FieldError(field,
                $"{member.Name} is not a member or observer of the Process on {day:yyyy-MM-dd}; only a participant can hold a seat or co-chair.")]));
    }

    private Task<Body?> FindBodyAsync(string code, CancellationToken ct)
    {
        var normalised = code.Trim().ToUpperInvariant();
        return db.Bodies.Include(b => b.CoChairs).Include(b => b.Seats).SingleOrDefaultAsync(b => b.Code == normalised, ct);
    }

    private async Task<Result?> UnknownDecisionAsync(int? decisionId, CancellationToken ct) =>
        decisionId is { } id && !await db.Decisions.AnyAsync(d => d.Id == id, ct)
            ? Result.Invalid("decision.unknown", [new FieldError("DecisionId", $"There is no decision {id}; choose one recorded under its meeting.")])
            : null;

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private async Task<bool> MayAsync(ClaimsPrincipal user, object entry) => (await authorization.AuthorizeAsync(user, entry, WorkOperations.Manage)).Succeeded;

    private async Task<Result?> MemberNameTakenAsync(string name, int? except, CancellationToken ct) =>
        await db.Members.AnyAsync(m => m.Name == name && m.Id != except, ct)
            ? Result.Invalid("member.name-taken", [new FieldError(nameof(Member.Name), $"A member named '{name}' already exists.")])
            : null;
}
