using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Scorecards.Domain.Activities;
using Scorecards.Domain.Framework;
using Scorecards.Domain.Members;
using Scorecards.Domain.Secondments;

namespace Scorecards.Data.Configurations;

internal sealed class SecondmentConfiguration : IEntityTypeConfiguration<Secondment>
{
    public void Configure(EntityTypeBuilder<Secondment> builder)
    {
        builder.Property(s => s.Agency).HasMaxLength(InterestValues.MaxName);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Property(s => s.AreaOfWork).HasMaxLength(InterestValues.MaxText);
        builder.Property(s => s.NomineeName).HasMaxLength(InterestValues.MaxName);
        builder.Property(s => s.NomineePosition).HasMaxLength(InterestValues.MaxName);
        builder.Property(s => s.HostUnit).HasMaxLength(InterestValues.MaxName);
        builder.Property(s => s.Funder).HasMaxLength(InterestValues.MaxName);
        builder.Property(s => s.Outcomes).HasMaxLength(InterestValues.MaxText);
        builder.Property(s => s.Reason).HasMaxLength(InterestValues.MaxText);
        builder.HasIndex(s => new { s.MemberId, s.Status });
        builder.HasOne<Member>().WithMany().HasForeignKey(s => s.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.FocusAreas).WithOne().HasForeignKey(f => f.SecondmentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.FocusAreas).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(s => s.Activities).WithOne().HasForeignKey(a => a.SecondmentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Activities).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(s => s.Events).WithOne().HasForeignKey(e => e.SecondmentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Events).UsePropertyAccessMode(PropertyAccessMode.Field).HasField("_events");
        builder.Ignore(s => s.IsClosed);
    }
}

internal sealed class SecondmentFocusAreaConfiguration : IEntityTypeConfiguration<SecondmentFocusArea>
{
    public void Configure(EntityTypeBuilder<SecondmentFocusArea> builder)
    {
        builder.HasKey(f => new { f.SecondmentId, f.FocusAreaId });
        builder.HasOne<FocusArea>().WithMany().HasForeignKey(f => f.FocusAreaId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SecondmentActivityConfiguration : IEntityTypeConfiguration<SecondmentActivity>
{
    public void Configure(EntityTypeBuilder<SecondmentActivity> builder)
    {
        builder.HasKey(a => new { a.SecondmentId, a.ActivityId });
        builder.HasOne<Activity>().WithMany().HasForeignKey(a => a.ActivityId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SecondmentEventConfiguration : IEntityTypeConfiguration<SecondmentEvent>
{
    public void Configure(EntityTypeBuilder<SecondmentEvent> builder)
    {
        builder.Property(e => e.By).HasMaxLength(200);
        builder.Property(e => e.Note).HasMaxLength(InterestValues.MaxText);
    }
}
