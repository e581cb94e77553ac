using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Scorecards.Domain.Bodies;
using Scorecards.Domain.Framework;
using Scorecards.Domain.Members;
using Scorecards.Domain.Rounds;
using Scorecards.Domain.Scorecards;
using Scorecards.Domain.Statements;

namespace Scorecards.Data.Configurations;

internal sealed class RoundConfiguration : IEntityTypeConfiguration<Round>
{
    public void Configure(EntityTypeBuilder<Round> builder)
    {
        builder.Property(r => r.Name).HasMaxLength(200);
        builder.Property(r => r.Meeting).HasMaxLength(300);
        builder.Property(r => r.TimeZone).HasMaxLength(64);
        builder.HasIndex(r => r.Name).IsUnique();
        builder.HasOne<Domain.Meetings.Meeting>().WithMany().HasForeignKey(r => r.MeetingId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AssessmentConfiguration : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> builder)
    {
        builder.Property(a => a.Text).HasMaxLength(Assessment.MaxLength);
        builder.Property(a => a.UpdatedBy).HasMaxLength(256);
        builder.HasOne<Round>().WithMany().HasForeignKey(a => a.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<FocusArea>().WithMany().HasForeignKey(a => a.FocusAreaId).OnDelete(DeleteBehavior.Restrict);

        // One per focus area and one overall per round; the same SQL filter reads on SQLite and PostgreSQL.
        builder.HasIndex(a => new { a.RoundId, a.FocusAreaId }).IsUnique().HasFilter("\"FocusAreaId\" IS NOT NULL");
        builder.HasIndex(a => a.RoundId).IsUnique().HasFilter("\"FocusAreaId\" IS NULL").HasDatabaseName("IX_Assessments_RoundId_Overall");
    }
}

internal sealed class StatementDraftConfiguration : IEntityTypeConfiguration<StatementDraft>
{
    public void Configure(EntityTypeBuilder<StatementDraft> builder)
    {
        builder.HasKey(d => d.RoundId);
        builder.Property(d => d.RoundId).ValueGeneratedNever();
        builder.Property(d => d.Markdown).HasMaxLength(StatementDraft.MaxLength + 1);
        builder.Property(d => d.UpdatedBy).HasMaxLength(256);
        builder.HasOne<Round>().WithMany().HasForeignKey(d => d.RoundId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ScorecardConfiguration : IEntityTypeConfiguration<Scorecard>
{
    public void Configure(EntityTypeBuilder<Scorecard> builder)
    {
        builder.Property(s => s.ReopenReason).HasMaxLength(Scorecard.MaxReasonLength);
        builder.Property(s => s.CarriedOverFrom).HasMaxLength(200);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasIndex(s => new { s.RoundId, s.BodyId }).IsUnique();
        builder.HasOne<Round>().WithMany().HasForeignKey(s => s.RoundId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Body>().WithMany().HasForeignKey(s => s.BodyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Entries).WithOne(e => e.Scorecard).HasForeignKey(e => e.ScorecardId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Approvals).WithOne().HasForeignKey(a => a.ScorecardId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.ReviewEvents).WithOne().HasForeignKey(e => e.ScorecardId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Entries).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(s => s.Approvals).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(s => s.ReviewEvents).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class EntryConfiguration : IEntityTypeConfiguration<Entry>
{
    public void Configure(EntityTypeBuilder<Entry> builder)
    {
        builder.Property(e => e.NotApplicableReason).HasMaxLength(EntryValues.MaxReasonLength);
        builder.Property(e => e.Progress).HasMaxLength(EntryValues.MaxNarrativeLength);
        builder.Property(e => e.Challenges).HasMaxLength(EntryValues.MaxNarrativeLength);
        builder.Property(e => e.SupportNeeded).HasMaxLength(EntryValues.MaxNarrativeLength);
        builder.Property(e => e.NextSteps).HasMaxLength(EntryValues.MaxNarrativeLength);
        builder.Property(e => e.Links).HasMaxLength(EntryValues.MaxLinks * 2100);
        builder.Property(e => e.UpdatedBy).HasMaxLength(256);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasIndex(e => new { e.ScorecardId, e.ObjectiveId }).IsUnique();
        builder.HasOne<Objective>().WithMany().HasForeignKey(e => e.ObjectiveId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(e => e.IndicatorValues).WithOne().HasForeignKey(v => v.EntryId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(e => e.IndicatorValues).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(e => e.Citations).WithOne().HasForeignKey(c => c.EntryId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(e => e.Citations).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(e => e.Values);
        builder.Ignore(e => e.LinkList);
        builder.Ignore(e => e.IsRatedThisRound);
    }
}

internal sealed class CitationConfiguration : IEntityTypeConfiguration<Citation>
{
    public void Configure(EntityTypeBuilder<Citation> builder)
    {
        builder.HasKey(c => new { c.EntryId, c.ActivityId });
        builder.HasOne<Scorecards.Domain.Activities.Activity>().WithMany().HasForeignKey(c => c.ActivityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.ActivityId);
    }
}

internal sealed class IndicatorValueConfiguration : IEntityTypeConfiguration<IndicatorValue>
{
    public void Configure(EntityTypeBuilder<IndicatorValue> builder)
    {
        builder.Property(v => v.Actual).HasPrecision(18, 4);
        builder.Property(v => v.Note).HasMaxLength(1000);
        builder.HasIndex(v => new { v.EntryId, v.IndicatorId }).IsUnique();
        builder.HasOne<Indicator>().WithMany().HasForeignKey(v => v.IndicatorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ApprovalConfiguration : IEntityTypeConfiguration<Approval>
{
    public void Configure(EntityTypeBuilder<Approval> builder)
    {
        builder.Property(a => a.UserId).HasMaxLength(450);
        builder.Property(a => a.UserName).HasMaxLength(256);
        builder.HasIndex(a => new { a.ScorecardId, a.MemberId }).IsUnique();
        builder.HasOne<Member>().WithMany().HasForeignKey(a => a.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReviewEventConfiguration : IEntityTypeConfiguration<ReviewEvent>
{
    public void Configure(EntityTypeBuilder<ReviewEvent> builder)
    {
        builder.Property(e => e.UserId).HasMaxLength(450);
        builder.Property(e => e.UserName).HasMaxLength(256);
        builder.Property(e => e.Reason).HasMaxLength(Scorecard.MaxReasonLength);
    }
}
