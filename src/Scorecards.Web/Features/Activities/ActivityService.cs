using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data;
using Scorecards.Domain;
using Scorecards.Domain.Activities;
using Scorecards.Web.Features.Shared;
using Scorecards.Web.Infrastructure.Authorization;

namespace Scorecards.Web.Features.Activities;

/// <summary>
/// Every change to the activities register, for the pages, the API and the import alike: each loads what it changes, asks
/// <see cref="WorkOperations.Manage"/> of the activity, applies the domain's rules, saves, and says how it went.
/// </summary>
public sealed class ActivityService(AppDbContext db, IAuthorizationService authorization, TimeProvider clock, Infrastructure.AppMetrics metrics)
{
    /// <summary>The bodies whose activities the person may add, change or import.</summary>
    public async Task<IReadOnlySet<int>> ManagedBodiesAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var managed = new HashSet<int>();
        foreach (var id in await db.Bodies.AsNoTracking().OrderBy(b => b.Id).Select(b => b.Id).ToListAsync(ct))
        {
            if (await AllowedAsync(user, Activity.NewFor(id)))
            {
                managed.Add(id);
            }
        }

        return managed;
    }

    /// <summary>Adds an activity (no <paramref name="id"/>) or changes one; moving it to another body needs rights over both.</summary>
    public async Task<Result<Activity>> SaveAsync(ClaimsPrincipal user, int? id, ActivityRequest request, CancellationToken ct)
    {
        var activity = id is { } existing ? await ActivityQueries.LoadForChangeAsync(db, existing, ct) : null;
        if (id is not null && activity is null)
        {
            return Result.NotFound($"Activity {id}");
        }

        if (activity is not null && !await AllowedAsync(user, activity))
        {
            return Result.Forbidden();
        }

        var values = await request.ToValuesAsync(db, ct);
        if (!values.Succeeded)
        {
            return values.Outcome;
        }

        if (!await AllowedAsync(user, Activity.NewFor(values.Value!.LeadBodyId!.Value)))
        {
            return Result.Forbidden();
        }

        activity ??= db.Activities.Add(new Activity(values.Value.Title!)).Entity;
        var applied = activity.Apply(values.Value, clock.GetUtcNow().UtcDateTime);
        if (!applied.Succeeded)
        {
            return applied;
        }

        await db.SaveChangesAsync(ct);
        return activity;
    }

    /// <summary>Takes an activity out of the register (never deleting it), or brings it back.</summary>
    public async Task<Result<Activity>> ArchiveAsync(ClaimsPrincipal user, int id, bool archive, CancellationToken ct)
    {
        var activity = await db.Activities.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (activity is null)
        {
            return Result.NotFound($"Activity {id}");
        }

        if (!await AllowedAsync(user, activity))
        {
            return Result.Forbidden();
        }

        if (archive)
        {
            activity.Archive();
        }
        else
        {
            activity.Restore();
        }

        await db.SaveChangesAsync(ct);
        return activity;
    }

    /// <summary>Previews an import file against the register, as the person may change it.</summary>
    public async Task<ImportPreview> PreviewImportAsync(ClaimsPrincipal user, string fileName, byte[] content, CancellationToken ct)
    {
        var managed = await ManagedBodiesAsync(user, ct);
        return metrics.Counted("activities", await ActivityImporter.PreviewAsync(db, fileName, content, managed.Contains, ct));
    }

    /// <summary>Applies an import file in full, or, if any row is rejected, not at all.</summary>
    public async Task<ImportPreview> ApplyImportAsync(ClaimsPrincipal user, string fileName, byte[] content, CancellationToken ct)
    {
        var managed = await ManagedBodiesAsync(user, ct);
        return metrics.Counted("activities", await ActivityImporter.ApplyAsync(db, fileName, content, managed.Contains, clock.GetUtcNow().UtcDateTime, ct));
    }

    private async Task<bool> AllowedAsync(ClaimsPrincipal user, Activity activity) =>
        (await authorization.AuthorizeAsync(user, activity, WorkOperations.Manage)).Succeeded;
}
