using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Scorecards.Domain.Activities;
using Scorecards.Domain.Bodies;
using Scorecards.Domain.Framework;
using Scorecards.Domain.WorkPlans;

namespace Scorecards.Data.Configurations;

internal sealed class WorkPlanConfiguration : IEntityTypeConfiguration<WorkPlan>
{
    public void Configure(EntityTypeBuilder<WorkPlan> builder)
    {
        builder.Property(p => p.Title).HasMaxLength(300);
        builder.Property(p => p.Description).HasMaxLength(4000);
        builder.HasOne<Body>().WithMany().HasForeignKey(p => p.BodyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Items).WithOne().HasForeignKey(i => i.WorkPlanId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Items).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(p => p.BodyId);
    }
}

internal sealed class WorkPlanItemConfiguration : IEntityTypeConfiguration<WorkPlanItem>
{
    public void Configure(EntityTypeBuilder<WorkPlanItem> builder)
    {
        builder.Property(i => i.Title).HasMaxLength(300);
        builder.Property(i => i.Description).HasMaxLength(4000);
        builder.Property(i => i.OverrideReason).HasMaxLength(1000);
        builder.HasMany(i => i.Objectives).WithOne().HasForeignKey(o => o.WorkPlanItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.Activities).WithOne().HasForeignKey(a => a.WorkPlanItemId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(i => i.Objectives).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(i => i.Activities).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(i => new { i.WorkPlanId, i.Number }).IsUnique();
    }
}

internal sealed class WorkPlanItemObjectiveConfiguration : IEntityTypeConfiguration<WorkPlanItemObjective>
{
    public void Configure(EntityTypeBuilder<WorkPlanItemObjective> builder)
    {
        builder.HasKey(x => new { x.WorkPlanItemId, x.ObjectiveId });
        builder.HasOne<Objective>().WithMany().HasForeignKey(x => x.ObjectiveId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class WorkPlanItemActivityConfiguration : IEntityTypeConfiguration<WorkPlanItemActivity>
{
    public void Configure(EntityTypeBuilder<WorkPlanItemActivity> builder)
    {
        builder.HasKey(x => new { x.WorkPlanItemId, x.ActivityId });
        builder.HasOne<Activity>().WithMany().HasForeignKey(x => x.ActivityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => x.ActivityId);
    }
}
