using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Domain;
using Scorecards.Domain.Activities;
using Scorecards.Domain.Rounds;
using Scorecards.Domain.Scorecards;
using Scorecards.Web.Features.Framework;
using Scorecards.Web.Features.Members;
using Scorecards.Web.Infrastructure;
using Scorecards.Web.Infrastructure.Authorization;

namespace Scorecards.Web.Features.Scorecards;

/// <summary>A scorecard loaded for change, with the round it belongs to.</summary>
public sealed record LoadedScorecard(Scorecard Scorecard, Round Round)
{
    public RoundRef RoundRef => new(Round.Id, Round.Name, Round.Status, Round.DueOn);
}

/// <summary>Entry saves and the review workflow, shared by pages and API so both follow the same rules.</summary>
public sealed class ScorecardService(AppDbContext db, TimeProvider clock)
{
    /// <summary>The code of a save refused because someone saved the entry after the edit began; nothing was overwritten.</summary>
    public const string StaleVersion = "entry.conflict";

    /// <summary>The code of a change that lost a race with another one.</summary>
    public const string Changed = "scorecard.changed";

    public async Task<LoadedScorecard?> LoadAsync(int id, CancellationToken ct)
    {
        var scorecard = await db.Scorecards
            .Include(s => s.Entries).ThenInclude(e => e.IndicatorValues)
            .Include(s => s.Entries).ThenInclude(e => e.Citations)
            .Include(s => s.Approvals)
            .Include(s => s.ReviewEvents)
            .AsSplitQuery()
            .SingleOrDefaultAsync(s => s.Id == id, ct);
        if (scorecard is null)
        {
            return null;
        }

        var round = await db.Rounds.SingleAsync(r => r.Id == scorecard.RoundId, ct);
        return new LoadedScorecard(scorecard, round);
    }

    /// <summary>While a round is open, a body assigned an objective mid-round gets an entry for it.</summary>
    public async Task SyncEntriesAsync(LoadedScorecard loaded, CancellationToken ct)
    {
        if (loaded.Round.Status != RoundStatus.Open || !loaded.Scorecard.CanEdit(loaded.Round.Status).Succeeded)
        {
            return;
        }

        var assignments = await FrameworkQueries.AssignmentsAsync(db, ct);
        if (assignments.TryGetValue(loaded.Scorecard.BodyId, out var objectiveIds) && loaded.Scorecard.EnsureEntries(objectiveIds).Count > 0)
        {
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>
    /// Saves one entry from the version the edit began with: not found, refused by the scorecard's state, invalid, or
    /// <see cref="StaleVersion"/> when someone saved in between (the caller reloads to show theirs).
    /// </summary>
    public async Task<Result<Entry>> SaveEntryAsync(LoadedScorecard loaded, string objectiveCode, EntryValues values, int expectedVersion,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var (scorecard, round) = loaded;
        var objectiveId = await db.Objectives.Where(o => o.Code == objectiveCode && !o.IsRetired).Select(o => (int?)o.Id).SingleOrDefaultAsync(ct);
        var entry = objectiveId is null ? null : scorecard.Entries.FirstOrDefault(e => e.ObjectiveId == objectiveId);
        if (entry is null)
        {
            return Result.NotFound($"Objective '{objectiveCode}' on scorecard {scorecard.Id}");
        }

        var editable = scorecard.CanEdit(round.Status);
        if (!editable.Succeeded)
        {
            return editable;
        }

        if (entry.Version != expectedVersion)
        {
            return Stale();
        }

        var errors = values.Validate(Markdown.Check).ToList();
        errors.AddRange(await CheckCitationsAsync(values.ActivityIds, scorecard.BodyId, round, ct));
        if (errors.Count > 0)
        {
            return Result.Invalid(errors);
        }

        entry.Apply(values, user.Identity?.Name ?? user.DisplayName(), clock.GetUtcNow().UtcDateTime);
        scorecard.Touch();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved between our read and our write: nothing of ours is kept; the caller shows theirs.
            db.ChangeTracker.Clear();
            return Stale();
        }

        return entry;

        static Result Stale() => Result.Fail(StaleVersion, "Someone else saved this entry after your edit began; nothing was overwritten.");
    }

    /// <summary>
    /// Evidence must be on the register, led by the scorecard's own body (as a work-plan item links only its own body's
    /// activities), not archived, and take place at least partly in the round's period.
    /// </summary>
    private async Task<IReadOnlyList<FieldError>> CheckCitationsAsync(IReadOnlyList<int>? activityIds, int bodyId, Round round, CancellationToken ct)
    {
        if (activityIds is null || activityIds.Count == 0)
        {
            return [];
        }

        var ids = activityIds.Distinct().ToList();
        var found = await db.Activities.AsNoTracking().Where(a => ids.Contains(a.Id)).ToListAsync(ct);
        var during = Activity.During(round.PeriodStart, round.PeriodEnd).Compile();
        var errors = new List<FieldError>();
        errors.AddRange(ids.Where(id => found.TrueForAll(a => a.Id != id)).Select(id => new FieldError(nameof(EntryValues.ActivityIds), $"Activity {id} is not on the register.")));
        errors.AddRange(found.Where(a => a.LeadBodyId != bodyId).Select(a => new FieldError(nameof(EntryValues.ActivityIds),
            $"'{a.Title}' is led by another body; a scorecard cites its own body's activities. Joint work is on the register of the body that led it.")));
        errors.AddRange(found.Where(a => a.IsArchived).Select(a => new FieldError(nameof(EntryValues.ActivityIds), $"'{a.Title}' is archived and cannot be cited.")));
        errors.AddRange(found.Where(a => !during(a)).Select(a => new FieldError(nameof(EntryValues.ActivityIds),
            $"'{a.Title}' ({Domain.Activities.ActivityDates.Describe(a.DatePrecision, a.StartDate, a.EndDate)}) is outside the round's period ({round.PeriodStart:d MMMM yyyy} to {round.PeriodEnd:d MMMM yyyy}).")));
        return errors;
    }

    public async Task<Result> SubmitAsync(LoadedScorecard loaded, string? reply, ClaimsPrincipal user, CancellationToken ct)
    {
        var current = await CurrentObjectiveCodesAsync(loaded.Scorecard, ct);
        return await SaveAsync(loaded, loaded.Scorecard.Submit(loaded.Round.Status, current, reply, user.UserId(), Name(user), Now), ct);
    }

    /// <summary>Confirms one carried-over entry as still accurate, or, with no objective code, every one still carried over.</summary>
    public async Task<Result> ConfirmCarriedOverAsync(LoadedScorecard loaded, string? objectiveCode, ClaimsPrincipal user, CancellationToken ct)
    {
        var current = await CurrentObjectiveCodesAsync(loaded.Scorecard, ct);
        var ids = objectiveCode is null
            ? current.Keys.ToList()
            : current.Where(c => string.Equals(c.Value, objectiveCode, StringComparison.OrdinalIgnoreCase)).Select(c => c.Key).ToList();
        if (objectiveCode is not null && ids.Count == 0)
        {
            return Result.Fail("not-found", $"Objective '{objectiveCode}' is not on this scorecard.");
        }

        return await SaveAsync(loaded, loaded.Scorecard.ConfirmCarriedOver(loaded.Round.Status, ids, user.Identity?.Name ?? Name(user), Now), ct);
    }

    public Task<Result> ReturnAsync(LoadedScorecard loaded, string? reason, ClaimsPrincipal user, CancellationToken ct) =>
        SaveAsync(loaded, loaded.Scorecard.Return(loaded.Round.Status, reason, user.UserId(), Name(user), Now), ct);

    public async Task<Result> ApproveAsync(LoadedScorecard loaded, ClaimsPrincipal user, CancellationToken ct) =>
        await SaveAsync(loaded, loaded.Scorecard.Approve(loaded.Round.Status, user.MemberId(), await CoChairGovernments.IdsAsync(db, ct),
            user.UserId(), Name(user), Now), ct);

    public Task<Result> UnapproveAsync(LoadedScorecard loaded, string? reason, ClaimsPrincipal user, CancellationToken ct) =>
        SaveAsync(loaded, loaded.Scorecard.Unapprove(loaded.Round.Status, reason, user.UserId(), Name(user), Now), ct);

    public async Task<Dictionary<int, string>> CurrentObjectiveCodesAsync(Scorecard scorecard, CancellationToken ct)
    {
        var ids = scorecard.Entries.Select(e => e.ObjectiveId).ToList();
        var assigned = db.Assignments.Where(a => a.BodyId == scorecard.BodyId).Select(a => a.ObjectiveId);
        return await db.Objectives.AsNoTracking()
            .Where(o => ids.Contains(o.Id) && !o.IsRetired && assigned.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Code, ct);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static string Name(ClaimsPrincipal user) => user.DisplayName();

    private async Task<Result> SaveAsync(LoadedScorecard loaded, Result result, CancellationToken ct)
    {
        if (!result.Succeeded)
        {
            return result;
        }

        var loadedVersion = db.Entry(loaded.Scorecard).Property(s => s.Version).OriginalValue;
        try
        {
            await db.SaveChangesAsync(ct);
            return result;
        }
        catch (DbUpdateException ex)
        {
            // Another review or save landed first: its version check, or the one-approval-per-government key, stopped
            // this one. Any other failure with the scorecard unchanged underneath is not a race, and is not hidden as one.
            db.ChangeTracker.Clear();
            var race = ex is DbUpdateConcurrencyException
                || await db.Scorecards.AsNoTracking().Where(s => s.Id == loaded.Scorecard.Id).Select(s => s.Version).SingleOrDefaultAsync(ct) != loadedVersion;
            if (!race)
            {
                throw;
            }

            return Result.Fail(Changed, "Someone else changed this scorecard at the same moment, so nothing was saved; it now shows their change. Check it and try again if still needed.");
        }
    }
}
