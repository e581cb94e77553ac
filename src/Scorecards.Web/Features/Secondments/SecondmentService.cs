using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Domain;
using Scorecards.Domain.Scorecards;
using Scorecards.Domain.Secondments;
using Scorecards.Web.Features.Shared;
using Scorecards.Web.Infrastructure.Authorization;

namespace Scorecards.Web.Features.Secondments;

/// <summary>An expression of interest as a form or client sends it: focus areas by code; the member only when the RSO records it.</summary>
public sealed record InterestRequest(
    int? MemberId,
    string? Agency,
    string? AreaOfWork,
    DateOnly? PreferredStart,
    DateOnly? PreferredEnd,
    IReadOnlyList<string>? FocusAreas,
    string? NomineeName,
    string? NomineePosition);

/// <summary>A step as a form or client sends it: the status by name, and what that step needs.</summary>
public sealed record StepRequest(
    string? Status,
    string? Note,
    string? HostUnit = null,
    DateOnly? StartDate = null,
    DateOnly? EndDate = null,
    string? Funder = null,
    string? Outcomes = null,
    IReadOnlyList<int>? ActivityIds = null);

/// <summary>Every change to the secondment programme, for the pages and the API: who may, the domain's rules, one save.</summary>
public sealed class SecondmentService(AppDbContext db, TimeProvider clock)
{
    public const int MaxFocusAreas = 20;
    public const int MaxActivities = 50;

    public async Task<Result<Secondment>> SubmitAsync(ClaimsPrincipal user, InterestRequest request, CancellationToken ct)
    {
        var access = await SecondmentAccess.ForAsync(user, db, ct);
        if (!access.MaySubmit)
        {
            return Result.Forbidden();
        }

        var memberId = request.MemberId ?? access.FocalPointOf;
        if (memberId is not { } member || !await db.Members.AnyAsync(m => m.Id == member, ct))
        {
            return Result.Invalid("secondment.invalid", [new FieldError(nameof(InterestRequest.MemberId), "Choose the member that expresses interest.")]);
        }

        if (!access.MaySubmitFor(member))
        {
            return Result.Forbidden();
        }

        var errors = new List<FieldError>();
        var focusAreas = await FocusAreaIdsAsync(request.FocusAreas, errors, ct);
        if (errors.Count > 0)
        {
            return Result.Invalid("secondment.invalid", errors);
        }

        var submitted = Secondment.Submit(member, new InterestValues(request.Agency, request.AreaOfWork, request.PreferredStart, request.PreferredEnd,
            focusAreas, request.NomineeName, request.NomineePosition), user.DisplayName(), clock.GetUtcNow().UtcDateTime);
        if (!submitted.Succeeded)
        {
            return submitted;
        }

        db.Secondments.Add(submitted.Value!);
        await db.SaveChangesAsync(ct);
        return submitted;
    }

    public async Task<Result<Secondment>> MoveAsync(ClaimsPrincipal user, int id, StepRequest request, CancellationToken ct)
    {
        var access = await SecondmentAccess.ForAsync(user, db, ct);
        var secondment = await db.Secondments.Include(s => s.Events).Include(s => s.Activities).SingleOrDefaultAsync(s => s.Id == id, ct);
        if (secondment is null || !access.MayRead(secondment.MemberId))
        {
            return Result.NotFound($"Expression of interest {id}");
        }

        var errors = new List<FieldError>();
        var status = EnumFields.Parse<SecondmentStatus>(request.Status, nameof(StepRequest.Status), errors);
        if (status is { } step && !access.MayTake(step, secondment.MemberId))
        {
            return Result.Forbidden();
        }

        if (status is null && errors.Count == 0 && !access.RunsProgramme)
        {
            return Result.Forbidden();
        }

        var activities = (request.ActivityIds ?? []).Distinct().ToList();
        if (activities.Count > MaxActivities)
        {
            errors.Add(new FieldError(nameof(StepRequest.ActivityIds), $"Link at most {MaxActivities} activities."));
        }
        else if (activities.Count > 0 && await db.Activities.CountAsync(a => activities.Contains(a.Id), ct) != activities.Count)
        {
            errors.Add(new FieldError(nameof(StepRequest.ActivityIds), "One of the linked activities does not exist."));
        }

        if (errors.Count > 0)
        {
            return Result.Invalid("secondment.invalid", errors);
        }

        var moved = secondment.Move(new SecondmentStep(status, request.Note, request.HostUnit, request.StartDate, request.EndDate, request.Funder, request.Outcomes, activities),
            user.DisplayName(), clock.GetUtcNow().UtcDateTime);
        if (!moved.Succeeded)
        {
            return moved;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Result.Fail("secondment.stale", "Someone else took a step on this expression of interest at the same time; nothing of yours was saved. Reload it to see where it stands.");
        }

        return secondment;
    }

    private async Task<List<int>> FocusAreaIdsAsync(IReadOnlyList<string>? codes, List<FieldError> errors, CancellationToken ct)
    {
        var wanted = (codes ?? []).OfType<string>().Select(c => c.Trim().ToUpperInvariant()).Where(c => c.Length > 0).Distinct().ToList();
        if (wanted.Count > MaxFocusAreas)
        {
            errors.Add(new FieldError(nameof(InterestRequest.FocusAreas), $"Choose at most {MaxFocusAreas} focus areas."));
            return [];
        }

        var known = await db.FocusAreas.Where(f => !f.IsRetired).ToDictionaryAsync(f => f.Code, f => f.Id, ct);
        var unknown = wanted.Where(c => !known.ContainsKey(c)).ToList();
        if (unknown.Count > 0)
        {
            errors.Add(new FieldError(nameof(InterestRequest.FocusAreas),
                unknown.Count == 1
                    ? $"{unknown[0]} is not a focus area of the Strategy; use one of {string.Join(", ", known.Keys.Order(StringComparer.Ordinal))}."
                    : $"{string.Join(", ", unknown)} are not focus areas of the Strategy; use one of {string.Join(", ", known.Keys.Order(StringComparer.Ordinal))}."));
        }

        return wanted.Where(known.ContainsKey).Select(c => known[c]).ToList();
    }
}
