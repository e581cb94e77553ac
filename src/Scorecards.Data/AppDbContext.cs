using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Scorecards.Data.Accounts;
using Scorecards.Data.Auditing;
using Scorecards.Data.Notices;
using Scorecards.Data.Uploads;
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

namespace Scorecards.Data;

public sealed class AppDbContext(DbContextOptions<AppDbContext> options, IAuditActor actor, TimeProvider clock, IAccountsWatcher? accounts = null,
    IEnumerable<ISaveFollower>? followers = null)
    : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    private bool _accountsChangedInTransaction;

    public DbSet<Strategy> Strategies => Set<Strategy>();
    public DbSet<FocusArea> FocusAreas => Set<FocusArea>();
    public DbSet<Objective> Objectives => Set<Objective>();
    public DbSet<Indicator> Indicators => Set<Indicator>();
    public DbSet<Assignment> Assignments => Set<Assignment>();
    public DbSet<Member> Members => Set<Member>();
    public DbSet<Body> Bodies => Set<Body>();
    public DbSet<Round> Rounds => Set<Round>();
    public DbSet<Assessment> Assessments => Set<Assessment>();
    public DbSet<StatementDraft> StatementDrafts => Set<StatementDraft>();
    public DbSet<Scorecard> Scorecards => Set<Scorecard>();
    public DbSet<Entry> Entries => Set<Entry>();
    public DbSet<ReviewEvent> ReviewEvents => Set<ReviewEvent>();
    public DbSet<Activity> Activities => Set<Activity>();
    public DbSet<WorkPlan> WorkPlans => Set<WorkPlan>();
    public DbSet<WorkPlanItem> WorkPlanItems => Set<WorkPlanItem>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<Decision> Decisions => Set<Decision>();
    public DbSet<Secondment> Secondments => Set<Secondment>();
    public DbSet<MembershipProposal> MembershipProposals => Set<MembershipProposal>();
    public DbSet<UserBody> UserBodies => Set<UserBody>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<SignInFailure> SignInFailures => Set<SignInFailure>();
    public DbSet<AppSetting> Settings => Set<AppSetting>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<Upload> Uploads => Set<Upload>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Notice> Notices => Set<Notice>();
    public DbSet<NoticePreference> NoticePreferences => Set<NoticePreference>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<JobLease> JobLeases => Set<JobLease>();

    /// <summary>
    /// Set while seeding demo data, whose thousands of rows are one event, not thousands; a seeded history is not news,
    /// so nothing follows its saves either.
    /// </summary>
    public bool AuditingSuspended { get; set; }

    internal IAuditActor Actor => actor;

    internal DateTime NowUtc => clock.GetUtcNow().UtcDateTime;

    /// <summary>Today by the application's clock, for queries whose answer depends on the date (what is overdue).</summary>
    public DateOnly Today => DateOnly.FromDateTime(NowUtc);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // Enums are stored by name so the data reads well and survives reordering of the enum.
        builder.Properties<Completion>().HaveConversion<string>().HaveMaxLength(20);
        builder.Properties<Trajectory>().HaveConversion<string>().HaveMaxLength(20);
        builder.Properties<Effect>().HaveConversion<string>().HaveMaxLength(20);
        builder.Properties<ScorecardStatus>().HaveConversion<string>().HaveMaxLength(20);
        builder.Properties<ReviewAction>().HaveConversion<string>().HaveMaxLength(20);
        builder.Properties<RoundStatus>().HaveConversion<string>().HaveMaxLength(20);
        builder.Properties<MemberKind>().HaveConversion<string>().HaveMaxLength(40);
        builder.Properties<MemberStatus>().HaveConversion<string>().HaveMaxLength(20);
        builder.Properties<IndicatorKind>().HaveConversion<string>().HaveMaxLength(20);
        builder.Properties<ActivityKind>().HaveConversion<string>().HaveMaxLength(30);
        builder.Properties<ActivityStatus>().HaveConversion<string>().HaveMaxLength(20);
        builder.Properties<DatePrecision>().HaveConversion<string>().HaveMaxLength(20);
        builder.Properties<WorkPlanItemStatus>().HaveConversion<string>().HaveMaxLength(20);
        builder.Properties<MeetingKind>().HaveConversion<string>().HaveMaxLength(30);
        builder.Properties<DecisionStatus>().HaveConversion<string>().HaveMaxLength(20);
        builder.Properties<SecondmentStatus>().HaveConversion<string>().HaveMaxLength(20);
        builder.Properties<ProposalKind>().HaveConversion<string>().HaveMaxLength(20);
        builder.Properties<ProposalStatus>().HaveConversion<string>().HaveMaxLength(20);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <summary>
    /// Saves and writes an audit event for every changed field, in one transaction: new rows get their
    /// keys from the first save, so their events are written by a second save before the commit.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // One look at the pending changes decides what follows them and which signals between servers they renew.
        var pending = ChangeTracker.Entries().ToList();
        if (!AuditingSuspended && followers is not null)
        {
            foreach (var follower in followers)
            {
                await follower.FollowAsync(this, pending, cancellationToken);
            }
        }

        var touchesAccounts = pending.Exists(AccountsVersion.Touches);
        if (touchesAccounts)
        {
            await ContentVersion.RenewAsync(this, AccountsVersion.Key, NowUtc, cancellationToken);
        }

        if (pending.Exists(ContentVersion.Touches))
        {
            await ContentVersion.RenewAsync(this, ContentVersion.Key, NowUtc, cancellationToken);
        }

        var saved = await SaveAuditedAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (touchesAccounts)
        {
            accounts?.Changed();
            // Inside a transaction of the caller's, the change is visible to others only at its commit: tell again then.
            _accountsChangedInTransaction = Database.CurrentTransaction is not null;
        }

        return saved;
    }

    internal void AccountsCommitted()
    {
        if (_accountsChangedInTransaction)
        {
            _accountsChangedInTransaction = false;
            accounts?.Changed();
        }
    }

    private async Task<int> SaveAuditedAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        if (AuditingSuspended)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var pending = AuditTrail.Capture(this, actor, clock.GetUtcNow().UtcDateTime);
        if (pending.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var ownTransaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

            // Completing an event looks up names among the tracked rows (DbSet.Local), which would otherwise scan every
            // tracked row for changes on each look-up: a save of thousands of rows would take quadratic time. Nothing
            // changes between the save and the events.
            var detect = ChangeTracker.AutoDetectChangesEnabled;
            ChangeTracker.AutoDetectChangesEnabled = false;
            try
            {
                AuditEvents.AddRange(pending.Select(p => p.Complete()));
            }
            finally
            {
                ChangeTracker.AutoDetectChangesEnabled = detect;
            }

            await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }

            return count;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }
}
