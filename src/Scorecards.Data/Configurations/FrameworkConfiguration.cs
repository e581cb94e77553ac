using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Scorecards.Domain.Bodies;
using Scorecards.Domain.Framework;

namespace Scorecards.Data.Configurations;

internal sealed class StrategyConfiguration : IEntityTypeConfiguration<Strategy>
{
    public void Configure(EntityTypeBuilder<Strategy> builder)
    {
        builder.Property(s => s.Code).HasMaxLength(40);
        builder.Property(s => s.Name).HasMaxLength(300);
        builder.Property(s => s.Description).HasMaxLength(4000);
        builder.HasIndex(s => s.Code).IsUnique();
    }
}

internal sealed class FocusAreaConfiguration : IEntityTypeConfiguration<FocusArea>
{
    public void Configure(EntityTypeBuilder<FocusArea> builder)
    {
        builder.Property(f => f.Code).HasMaxLength(12);
        builder.Property(f => f.Name).HasMaxLength(300);
        builder.Property(f => f.Description).HasMaxLength(4000);
        builder.HasIndex(f => new { f.StrategyId, f.Code }).IsUnique();
        builder.HasOne<Strategy>().WithMany().HasForeignKey(f => f.StrategyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ObjectiveConfiguration : IEntityTypeConfiguration<Objective>
{
    public void Configure(EntityTypeBuilder<Objective> builder)
    {
        builder.Property(o => o.Code).HasMaxLength(40);
        builder.Property(o => o.Title).HasMaxLength(300);
        builder.Property(o => o.Description).HasMaxLength(4000);
        builder.HasIndex(o => o.Code).IsUnique();
        builder.HasOne<FocusArea>().WithMany().HasForeignKey(o => o.FocusAreaId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> builder)
    {
        builder.Property(i => i.Code).HasMaxLength(40);
        builder.Property(i => i.Name).HasMaxLength(300);
        builder.Property(i => i.Unit).HasMaxLength(100);
        builder.Property(i => i.Baseline).HasPrecision(18, 4);
        builder.Property(i => i.Target).HasPrecision(18, 4);
        builder.HasIndex(i => i.Code).IsUnique();
        builder.HasOne<Objective>().WithMany().HasForeignKey(i => i.ObjectiveId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AssignmentConfiguration : IEntityTypeConfiguration<Assignment>
{
    public void Configure(EntityTypeBuilder<Assignment> builder)
    {
        builder.HasKey(a => new { a.ObjectiveId, a.BodyId });
        builder.HasOne<Objective>().WithMany().HasForeignKey(a => a.ObjectiveId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Body>().WithMany().HasForeignKey(a => a.BodyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => a.BodyId);
    }
}
