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
using Scorecards.Domain.Secondments;
using Scorecards.Domain.Statements;
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
        typeof(Member), typeof(MemberStatusChange), typeof(Body), typeof(BodyCoChair), typeof(BodySeat), typeof(Round), typeof(Assessment), typeof(StatementDraft), typeof(Scorecard), typeof(Entry), typeof(IndicatorValue),
        typeof(AppUser), typeof(UserBody), typeof(IdentityUserRole<string>), typeof(ApiToken), typeof(AppSetting),
        typeof(Citation), typeof(Activity), typeof(ActivityMember), typeof(ActivityFocusArea), typeof(ActivityObjective),
        typeof(WorkPlan), typeof(WorkPlanItem), typeof(WorkPlanItemObjective), typeof(WorkPlanItemActivity),
        typeof(Meeting), typeof(MeetingAttendee), typeof(Decision),
        typeof(Secondment), typeof(SecondmentFocusArea), typeof(SecondmentActivity), typeof(MembershipProposal),
    ];

    public static List<PendingAuditEvent> Capture(AppDbContext db, IAuditActor actor, DateTime nowUtc)
    {
        db.ChangeTracker.DetectChanges();
        // The accounts and content versions are signals between servers, not settings anyone chose.
        var entries = db.ChangeTracker.Entries()
            .Where(e => AuditedTypes.Contains(e.Metadata.ClrType) && !(e.Entity is AppSetting setting && ContentVersion.IsSignal(setting))).ToList();
        var parts = PartsOfNewRows(entries);
        var pending = new List<PendingAuditEvent>();
        foreach (var entry in entries)
        {
            switch (entry.State)
            {
                case EntityState.Added when parts.IsPart(entry):
                    break;
                case EntityState.Added:
                    pending.Add(new PendingAuditEvent(db, entry, actor, nowUtc, "Created", null, null, parts.Describe(entry, Summary(entry, current: true))));
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

    /// <summary>
    /// Association rows created together with their parent in one save, such as an activity's objectives:
    /// they are part of the parent's "Created" event, listed in it, rather than events of their own, so an
    /// import of thousands of activities writes one event per activity.
    /// </summary>
    private static NewRowParts PartsOfNewRows(List<EntityEntry> entries)
    {
        var parents = new Dictionary<(Type, object), List<string>>();
        foreach (var entry in entries.Where(e => e.State == EntityState.Added))
        {
            var key = entry.Metadata.FindPrimaryKey()!.Properties;
            if (key.Count == 1 && entry.Property(key[0].Name) is { IsTemporary: true, CurrentValue: { } value })
            {
                parents[(entry.Metadata.ClrType, value)] = [];
            }
        }

        var parts = new HashSet<EntityEntry>();
        foreach (var entry in entries.Where(e => e.State == EntityState.Added))
        {
            // Only association rows, whose key includes the parent's: an entry of a new scorecard keeps its own event.
            foreach (var foreignKey in entry.Metadata.GetForeignKeys().Where(f => f.Properties.Count == 1 && f.Properties[0].IsPrimaryKey()))
            {
                var property = entry.Property(foreignKey.Properties[0].Name);
                if (property.IsTemporary && property.CurrentValue is { } value
                    && parents.TryGetValue((foreignKey.PrincipalEntityType.ClrType, value), out var list))
                {
                    list.Add(PartText(entry, property.Metadata.Name));
                    parts.Add(entry);
                    break;
                }
            }
        }

        return new NewRowParts(parents, parts);
    }

    /// <summary>A part as its parent's event lists it: "ActivityObjective 12".</summary>
    internal static string PartText(EntityEntry part, string foreignKey)
    {
        var rest = part.Properties.Where(p => p.Metadata.Name != foreignKey && !IgnoredProperties.Contains(p.Metadata.Name))
            .Select(p => Format(p.CurrentValue)).Where(v => !string.IsNullOrEmpty(v) && v != "False");
        return $"{part.Metadata.ClrType.Name} {string.Join(" ", rest)}";
    }

    /// <summary>The "Created" event of a row written without the change tracker, listing its parts.</summary>
    internal static AuditEvent Created(AppDbContext db, object row, IEnumerable<string> parts)
    {
        var entry = db.Entry(row);
        var list = parts.ToList();
        var summary = Summary(entry, current: true) + (list.Count > 0 ? "; with " + string.Join(", ", list) : "");
        return new PendingAuditEvent(db, entry, db.Actor, db.NowUtc, "Created", null, null, summary).Complete();
    }

    private sealed class NewRowParts(Dictionary<(Type, object), List<string>> parents, HashSet<EntityEntry> parts)
    {
        public bool IsPart(EntityEntry entry) => parts.Contains(entry);

        public string Describe(EntityEntry entry, string summary)
        {
            var key = entry.Metadata.FindPrimaryKey()!.Properties;
            return key.Count == 1 && entry.Property(key[0].Name).CurrentValue is { } value
                && parents.TryGetValue((entry.Metadata.ClrType, value), out var list) && list.Count > 0
                ? summary + "; with " + string.Join(", ", list)
                : summary;
        }
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
            Subject = subject is { Length: > 300 } ? subject[..299] + "…" : subject,
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
        StatementDraft d => (null, d.RoundId, "Statement draft"),
        Assessment a => (null, a.RoundId, a.FocusAreaId is { } area ? $"Co-Chairs' assessment, {FocusAreaCode(area)}" : "Co-Chairs' overall assessment"),
        Body b => (b.Id, null, b.Code),
        BodyCoChair c => (c.BodyId, null, BodyCode(c.BodyId)),
        BodySeat s => (s.BodyId, null, $"{BodyCode(s.BodyId)} – {MemberName(s.MemberId)}"),
        MemberStatusChange c => (null, null, MemberName(c.MemberId)),
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
        Secondment s => (null, null, $"secondment #{s.Id}, {MemberName(s.MemberId)}"),
        MembershipProposal p => (p.BodyId, null, $"membership proposal #{p.Id}, {MemberName(p.MemberId)}"),
        SecondmentFocusArea f => (null, null, $"secondment #{f.SecondmentId}"),
        SecondmentActivity a => (null, null, $"secondment #{a.SecondmentId}"),
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

    // Names come from rows the save already tracks, else from the database: an event names what people see, never a bare key.
    private string BodyCode(int id) => db.Bodies.Local.FirstOrDefault(b => b.Id == id)?.Code
        ?? db.Bodies.AsNoTracking().Where(b => b.Id == id).Select(b => b.Code).FirstOrDefault() ?? $"body #{id}";

    private string MemberName(int id) => db.Members.Local.FirstOrDefault(m => m.Id == id)?.Name
        ?? db.Members.AsNoTracking().Where(m => m.Id == id).Select(m => m.Name).FirstOrDefault() ?? $"member #{id}";

    private string FocusAreaCode(int id) => db.FocusAreas.Local.FirstOrDefault(f => f.Id == id)?.Code
        ?? db.FocusAreas.AsNoTracking().Where(f => f.Id == id).Select(f => f.Code).FirstOrDefault() ?? $"focus area #{id}";

    private string ObjectiveCode(int id) => db.Objectives.Local.FirstOrDefault(o => o.Id == id)?.Code
        ?? db.Objectives.AsNoTracking().Where(o => o.Id == id).Select(o => o.Code).FirstOrDefault() ?? $"objective #{id}";

    private string UserEmail(string id) => db.Users.Local.FirstOrDefault(u => u.Id == id)?.Email
        ?? db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.Email).FirstOrDefault() ?? $"user {id}";
}
