using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Scorecards.Domain.Bodies;
using Scorecards.Domain.Meetings;
using Scorecards.Domain.Members;

namespace Scorecards.Data.Configurations;

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.Property(m => m.Title).HasMaxLength(300);
        builder.Property(m => m.City).HasMaxLength(200);
        builder.Property(m => m.OtherAttendees).HasMaxLength(2000);
        builder.HasOne<Member>().WithMany().HasForeignKey(m => m.HostMemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Body>().WithMany().HasForeignKey(m => m.BodyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(m => m.Attendees).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.Attendees).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(m => m.StartDate);
    }
}

internal sealed class MeetingAttendeeConfiguration : IEntityTypeConfiguration<MeetingAttendee>
{
    public void Configure(EntityTypeBuilder<MeetingAttendee> builder)
    {
        builder.HasKey(a => new { a.MeetingId, a.MemberId });
        builder.HasOne<Member>().WithMany().HasForeignKey(a => a.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DecisionConfiguration : IEntityTypeConfiguration<Decision>
{
    public void Configure(EntityTypeBuilder<Decision> builder)
    {
        builder.Property(d => d.Text).HasMaxLength(DecisionValues.MaxTextLength);
        builder.Property(d => d.StatusNote).HasMaxLength(DecisionValues.MaxTextLength);
        builder.Ignore(d => d.IsOpen);
        builder.HasOne<Meeting>().WithMany().HasForeignKey(d => d.MeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Meeting>().WithMany().HasForeignKey(d => d.DueMeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Body>().WithMany().HasForeignKey(d => d.OwnerBodyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => new { d.MeetingId, d.Number }).IsUnique();
        builder.HasIndex(d => new { d.Status, d.OwnerBodyId });
    }
}
