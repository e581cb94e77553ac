using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Scorecards.Data.Accounts;
using Scorecards.Data.Notices;

namespace Scorecards.Data.Configurations;

internal sealed class NoticeConfiguration : IEntityTypeConfiguration<Notice>
{
    public void Configure(EntityTypeBuilder<Notice> builder)
    {
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(n => n.Delivery).HasConversion<string>().HasMaxLength(20);
        builder.Property(n => n.Subject).HasMaxLength(Notice.MaxSubjectLength);
        builder.Property(n => n.Text).HasMaxLength(Notice.MaxTextLength);
        builder.Property(n => n.Link).HasMaxLength(Notice.MaxLinkLength);
        builder.Property(n => n.Key).HasMaxLength(Notice.MaxKeyLength);
        builder.HasIndex(n => n.Key).IsUnique();
        builder.HasIndex(n => new { n.UserId, n.ReadUtc });
        builder.HasIndex(n => new { n.Delivery, n.DigestedUtc });
        builder.HasOne<AppUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NoticePreferenceConfiguration : IEntityTypeConfiguration<NoticePreference>
{
    public void Configure(EntityTypeBuilder<NoticePreference> builder)
    {
        builder.HasKey(p => new { p.UserId, p.Kind });
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(p => p.Delivery).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.Property(m => m.MessageId).HasMaxLength(200);
        builder.HasIndex(m => m.MessageId).IsUnique();
        builder.Property(m => m.To).HasMaxLength(320);
        builder.Property(m => m.ToName).HasMaxLength(200);
        builder.Property(m => m.Subject).HasMaxLength(Notice.MaxSubjectLength + 50);
        builder.Property(m => m.UnsubscribeUrl).HasMaxLength(1000);
        builder.Property(m => m.Purpose).HasMaxLength(40);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.LeaseOwner).HasMaxLength(100);
        builder.Property(m => m.LastError).HasMaxLength(2000);
        builder.HasIndex(m => new { m.Status, m.NextAttemptUtc });
        builder.HasOne<AppUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class JobLeaseConfiguration : IEntityTypeConfiguration<JobLease>
{
    public void Configure(EntityTypeBuilder<JobLease> builder)
    {
        builder.HasKey(l => l.Name);
        builder.Property(l => l.Name).HasMaxLength(100);
        builder.Property(l => l.Owner).HasMaxLength(100);
    }
}
