using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Domain;
using Scorecards.Domain.Meetings;
using Scorecards.Web.Infrastructure.Authorization;

namespace Scorecards.Web.Features.Meetings;

/// <summary>
/// Every change to meetings and decisions, for the pages and the API alike: each loads what it changes, asks
/// <see cref="WorkOperations"/> whether the person may, applies the domain's rules, saves, and says how it went.
/// </summary>
public sealed class MeetingService(AppDbContext db, IAuthorizationService authorization, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>Whether the person records and changes meetings and their decisions.</summary>
    public async Task<bool> CanManageAsync(ClaimsPrincipal user) => (await authorization.AuthorizeAsync(user, new Meeting(""), WorkOperations.Manage)).Succeeded;

    public async Task<bool> CanFollowUpAsync(ClaimsPrincipal user, Decision decision) =>
        (await authorization.AuthorizeAsync(user, decision, WorkOperations.FollowUp)).Succeeded;

    /// <summary>Records a meeting (no <paramref name="id"/>) or changes one.</summary>
    public async Task<Result<Meeting>> SaveAsync(ClaimsPrincipal user, int? id, MeetingRequest request, CancellationToken ct)
    {
        var meeting = id is { } existing ? await db.Meetings.Include(m => m.Attendees).SingleOrDefaultAsync(m => m.Id == existing, ct) : new Meeting("");
        if (meeting is null)
        {
            return Result.NotFound($"Meeting {id}");
        }

        if (!(await authorization.AuthorizeAsync(user, meeting, WorkOperations.Manage)).Succeeded)
        {
            return Result.Forbidden();
        }

        var values = await request.ToValuesAsync(db, ct);
        var applied = values.Succeeded ? meeting.Apply(values.Value!) : values.Outcome;
        if (!applied.Succeeded)
        {
            return applied;
        }

        if (id is null)
        {
            db.Meetings.Add(meeting);
        }
        else
        {
            await Rounds.RoundService.FollowMeetingAsync(db, meeting, ct);
        }

        await db.SaveChangesAsync(ct);
        return meeting;
    }

    /// <summary>Records a decision the meeting took, as its next numbered one.</summary>
    public async Task<Result<Decision>> AddDecisionAsync(ClaimsPrincipal user, int meetingId, DecisionRequest request, CancellationToken ct)
    {
        var meeting = await db.Meetings.SingleOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
        {
            return Result.NotFound($"Meeting {meetingId}");
        }

        if (!(await authorization.AuthorizeAsync(user, meeting, WorkOperations.Manage)).Succeeded)
        {
            return Result.Forbidden();
        }

        var number = (await db.Decisions.Where(d => d.MeetingId == meetingId).MaxAsync(d => (int?)d.Number, ct) ?? 0) + 1;
        return await ApplyAsync(new Decision(meetingId, number), request, ct);
    }

    /// <summary>Changes the whole of a decision.</summary>
    public async Task<Result<Decision>> UpdateDecisionAsync(ClaimsPrincipal user, int id, DecisionRequest request, CancellationToken ct)
    {
        var decision = await db.Decisions.SingleOrDefaultAsync(d => d.Id == id, ct);
        if (decision is null)
        {
            return Result.NotFound($"Decision {id}");
        }

        return (await authorization.AuthorizeAsync(user, decision, WorkOperations.Manage)).Succeeded
            ? await ApplyAsync(decision, request, ct)
            : Result.Forbidden();
    }

    /// <summary>The owner body's follow-up: a new status (open, in progress, done, dropped) and a note.</summary>
    public async Task<Result<Decision>> FollowUpAsync(ClaimsPrincipal user, int id, DecisionStatusRequest request, CancellationToken ct)
    {
        var decision = await db.Decisions.SingleOrDefaultAsync(d => d.Id == id, ct);
        if (decision is null)
        {
            return Result.NotFound($"Decision {id}");
        }

        if (!await CanFollowUpAsync(user, decision))
        {
            return Result.Forbidden();
        }

        DecisionStatus? status = null;
        if (!string.IsNullOrWhiteSpace(request.Status))
        {
            var errors = new List<Domain.Scorecards.FieldError>();
            status = DecisionRequest.ParseStatus(request.Status, errors);
            if (status is null)
            {
                return Result.Invalid(errors);
            }
        }

        var result = decision.SetStatus(status, request.Note, clock.GetUtcNow().UtcDateTime);
        if (!result.Succeeded)
        {
            return result;
        }

        await db.SaveChangesAsync(ct);
        return decision;
    }

    private async Task<Result<Decision>> ApplyAsync(Decision decision, DecisionRequest request, CancellationToken ct)
    {
        var values = await request.ToValuesAsync(db, ct);
        var applied = values.Succeeded ? decision.Apply(values.Value!, clock.GetUtcNow().UtcDateTime) : values.Outcome;
        if (!applied.Succeeded)
        {
            return applied;
        }

        if (decision.Id == 0)
        {
            db.Decisions.Add(decision);
        }

        await db.SaveChangesAsync(ct);
        return decision;
    }
}
