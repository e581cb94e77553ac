using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Scorecards.Domain.Activities;
using Scorecards.Domain.Bodies;
using Scorecards.Domain.Framework;
using Scorecards.Domain.Members;

namespace Scorecards.Data.Configurations;

internal sealed class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> builder)
    {
        builder.Property(a => a.Title).HasMaxLength(ActivityValues.MaxTitleLength);
        builder.Property(a => a.City).HasMaxLength(200);
        builder.Property(a => a.PartnerOrganisations).HasMaxLength(ActivityValues.MaxTextLength);
        builder.Property(a => a.Outputs).HasMaxLength(ActivityValues.MaxTextLength);
        builder.Property(a => a.Links).HasMaxLength(20 * 2100);
        builder.HasOne<Body>().WithMany().HasForeignKey(a => a.LeadBodyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(a => a.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.PartnerMembers).WithOne().HasForeignKey(x => x.ActivityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.FocusAreas).WithOne().HasForeignKey(x => x.ActivityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Objectives).WithOne().HasForeignKey(x => x.ActivityId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.PartnerMembers).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(a => a.FocusAreas).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(a => a.Objectives).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(a => a.LinkList);
        builder.Ignore(a => a.Dates);
        builder.HasIndex(a => new { a.LeadBodyId, a.StartDate });
        builder.HasIndex(a => a.StartDate);
    }
}

internal sealed class ActivityMemberConfiguration : IEntityTypeConfiguration<ActivityMember>
{
    public void Configure(EntityTypeBuilder<ActivityMember> builder)
    {
        builder.HasKey(x => new { x.ActivityId, x.MemberId });
        builder.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ActivityFocusAreaConfiguration : IEntityTypeConfiguration<ActivityFocusArea>
{
    public void Configure(EntityTypeBuilder<ActivityFocusArea> builder)
    {
        builder.HasKey(x => new { x.ActivityId, x.FocusAreaId });
        builder.HasOne<FocusArea>().WithMany().HasForeignKey(x => x.FocusAreaId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ActivityObjectiveConfiguration : IEntityTypeConfiguration<ActivityObjective>
{
    public void Configure(EntityTypeBuilder<ActivityObjective> builder)
    {
        builder.HasKey(x => new { x.ActivityId, x.ObjectiveId });
        builder.HasOne<Objective>().WithMany().HasForeignKey(x => x.ObjectiveId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => x.ObjectiveId);
    }
}
