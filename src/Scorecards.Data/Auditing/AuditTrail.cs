using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Scorecards.Data.Accounts;
using Scorecards.Domain.Activities;
using Scorecards.Domain.Bodies;
using Scorecards.Domain.Framework;
using Scorecards.Domain.Meetings;
using Scorecards.Domain.Members;
using Scorecards.Domain.Rounds;
using Scorecards.Domain.Scorecards;
using Scorecards.Domain.WorkPlans;

namespace Scorecards.Data.Auditing;

/// <summary>Turns the change tracker's view of a save into audit events, field by field.</summary>
internal static class AuditTrail
{
    // Counters, secrets and timestamps that change on every save say nothing a reader needs.
    private static readonly HashSet<string> IgnoredProperties =
    [
        nameof(Entry.Version), nameof(Entry.UpdatedUtc), nameof(Entry.UpdatedBy),
        nameof(IdentityUser.ConcurrencyStamp), nameof(IdentityUser.SecurityStamp), nameof(IdentityUser.PasswordHash),
        nameof(IdentityUser.NormalizedEmail), nameof(IdentityUser.NormalizedUserName), nameof(IdentityUser.AccessFailedCount),
        nameof(ApiToken.Hash), nameof(ApiToken.LastUsedUtc),
    ];

    private static readonly HashSet<Type> AuditedTypes =
    [
        typeof(Strategy), typeof(FocusArea), typeof(Objective), typeof(Indicator), typeof(Assignment),
        typeof(Member), typeof(Body), typeof(BodyCoChair), typeof(Round), typeof(Scorecard), typeof(Entry), typeof(IndicatorValue),
        typeof(AppUser), typeof(UserBody), typeof(IdentityUserRole<string>), typeof(ApiToken),
        typeof(Citation), typeof(Activity), typeof(ActivityMember), typeof(ActivityFocusArea), typeof(ActivityObjective),
        typeof(WorkPlan), typeof(WorkPlanItem), typeof(WorkPlanItemObjective), typeof(WorkPlanItemActivity),
        typeof(Meeting), typeof(MeetingAttendee), typeof(Decision),
    ];

    public static List<PendingAuditEvent> Capture(AppDbContext db, IAuditActor actor, DateTime nowUtc)
    {
        db.ChangeTracker.DetectChanges();
        var pending = new List<PendingAuditEvent>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (!AuditedTypes.Contains(entry.Metadata.ClrType))
            {
                continue;
            }

            switch (entry.State)
            {
                case EntityState.Added:
                    pending.Add(new PendingAuditEvent(db, entry, actor, nowUtc, "Created", null, null, Summary(entry, current: true)));
                    break;
                case EntityState.Deleted:
                    pending.Add(new PendingAuditEvent(db, entry, actor, nowUtc, "Deleted", null, Summary(entry, current: false), null));
                    break;
                case EntityState.Modified:
                    foreach (var property in entry.Properties)
                    {
                        if (!property.IsModified || IgnoredProperties.Contains(property.Metadata.Name))
                        {
                            continue;
                        }

                        var before = Format(property.OriginalValue);
                        var after = Format(property.CurrentValue);
                        if (before != after)
                        {
                            pending.Add(new PendingAuditEvent(db, entry, actor, nowUtc, "Updated", property.Metadata.Name, before, after));
                        }
                    }

                    break;
                default:
                    break;
            }
        }

        return pending;
    }

    internal static string? Format(object? value) => value switch
    {
        null => null,
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static string Summary(EntityEntry entry, bool current)
    {
        var text = new StringBuilder();
        foreach (var property in entry.Properties)
        {
            if (property.Metadata.IsPrimaryKey() || IgnoredProperties.Contains(property.Metadata.Name))
            {
                continue;
            }

            var value = Format(current ? property.CurrentValue : property.OriginalValue);
            if (string.IsNullOrEmpty(value) || (value == "False" && property.Metadata.ClrType == typeof(bool)))
            {
                continue;
            }

            if (text.Length > 0)
            {
                text.Append("; ");
            }

            text.Append(property.Metadata.Name).Append(": ").Append(value.Length > 200 ? value[..200] + "…" : value);
        }

        return text.ToString();
    }
}

/// <summary>An audit event waiting for the save that gives new rows their keys.</summary>
internal sealed class PendingAuditEvent(AppDbContext db, EntityEntry entry, IAuditActor actor, DateTime nowUtc,
    string action, string? field, string? before, string? after)
{
    public AuditEvent Complete()
    {
        var (bodyId, roundId, subject) = Scope(entry.Entity);
        return new AuditEvent
        {
            Utc = nowUtc,
            UserId = actor.UserId,
            UserName = actor.UserName,
            Action = action,
            EntityType = entry.Metadata.ClrType == typeof(IdentityUserRole<string>) ? "UserRole" : entry.Metadata.ClrType.Name,
            EntityId = string.Join("/", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => AuditTrail.Format(entry.Property(p.Name).CurrentValue))),
            Subject = subject,
            BodyId = bodyId,
            RoundId = roundId,
            Field = field,
            Before = before,
            After = after,
        };
    }

    private (int? BodyId, int? RoundId, string? Subject) Scope(object entity) => entity switch
    {
        Scorecard s => (s.BodyId, s.RoundId, $"{BodyCode(s.BodyId)} scorecard"),
        Entry e => EntryScope(e.Scorecard ?? db.Scorecards.Local.FirstOrDefault(s => s.Id == e.ScorecardId), e.ObjectiveId),
        IndicatorValue v => db.Entries.Local.FirstOrDefault(e => e.Id == v.EntryId) is { } parent
            ? EntryScope(parent.Scorecard ?? db.Scorecards.Local.FirstOrDefault(s => s.Id == parent.ScorecardId), parent.ObjectiveId)
            : (null, null, null),
        Citation c => db.Entries.Local.FirstOrDefault(e => e.Id == c.EntryId) is { } cited
            ? EntryScope(cited.Scorecard ?? db.Scorecards.Local.FirstOrDefault(s => s.Id == cited.ScorecardId), cited.ObjectiveId)
            : (null, null, null),
        Round r => (null, r.Id, r.Name),
        Body b => (b.Id, null, b.Code),
        BodyCoChair c => (c.BodyId, null, BodyCode(c.BodyId)),
        Objective o => (null, null, o.Code),
        FocusArea f => (null, null, f.Code),
        Indicator i => (null, null, i.Code),
        Strategy s => (null, null, s.Code),
        Assignment a => (a.BodyId, null, $"{BodyCode(a.BodyId)} – {ObjectiveCode(a.ObjectiveId)}"),
        Member m => (null, null, m.Name),
        AppUser u => (null, null, u.Email),
        UserBody ub => (ub.BodyId, null, $"{UserEmail(ub.UserId)} – {BodyCode(ub.BodyId)}"),
        IdentityUserRole<string> ur => (null, null, UserEmail(ur.UserId)),
        ApiToken t => (null, null, $"{UserEmail(t.UserId)} – {t.Name}"),
        Activity a => (a.LeadBodyId, null, a.Title),
        ActivityMember or ActivityFocusArea or ActivityObjective => (null, null, $"activity #{ActivityIdOf(entity)}"),
        WorkPlan p => (p.BodyId, null, $"{BodyCode(p.BodyId)} {p.Title}"),
        WorkPlanItem i => (null, null, $"work plan #{i.WorkPlanId}, item {i.Number}: {i.Title}"),
        WorkPlanItemObjective o => (null, null, $"work plan item #{o.WorkPlanItemId}"),
        WorkPlanItemActivity a => (null, null, $"work plan item #{a.WorkPlanItemId}"),
        Meeting m => (m.BodyId, null, m.Title),
        MeetingAttendee a => (null, null, $"meeting #{a.MeetingId}"),
        Decision d => (d.OwnerBodyId, null, $"meeting #{d.MeetingId}, decision {d.Number}"),
        _ => (null, null, null),
    };

    private (int? BodyId, int? RoundId, string? Subject) EntryScope(Scorecard? scorecard, int objectiveId) =>
        (scorecard?.BodyId, scorecard?.RoundId, scorecard is null ? ObjectiveCode(objectiveId) : $"{BodyCode(scorecard.BodyId)} – {ObjectiveCode(objectiveId)}");

    private static int ActivityIdOf(object link) => link switch
    {
        ActivityMember m => m.ActivityId,
        ActivityFocusArea f => f.ActivityId,
        ActivityObjective o => o.ActivityId,
        _ => 0,
    };

    private string BodyCode(int id) => db.Bodies.Local.FirstOrDefault(b => b.Id == id)?.Code ?? $"body #{id}";

    private string ObjectiveCode(int id) => db.Objectives.Local.FirstOrDefault(o => o.Id == id)?.Code ?? $"objective #{id}";

    private string UserEmail(string id) => db.Users.Local.FirstOrDefault(u => u.Id == id)?.Email ?? $"user {id}";
}
