using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Scorecards.Domain.Bodies;
using Scorecards.Domain.Members;

namespace Scorecards.Data.Configurations;

internal sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> builder)
    {
        builder.Property(m => m.Name).HasMaxLength(200);
        builder.HasIndex(m => m.Name).IsUnique();
    }
}

internal sealed class BodyConfiguration : IEntityTypeConfiguration<Body>
{
    public void Configure(EntityTypeBuilder<Body> builder)
    {
        builder.Property(b => b.Code).HasMaxLength(20);
        builder.Property(b => b.Name).HasMaxLength(300);
        builder.HasIndex(b => b.Code).IsUnique();
        builder.HasMany(b => b.CoChairs).WithOne().HasForeignKey(c => c.BodyId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(b => b.CoChairs).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class BodyCoChairConfiguration : IEntityTypeConfiguration<BodyCoChair>
{
    public void Configure(EntityTypeBuilder<BodyCoChair> builder)
    {
        builder.Property(c => c.PersonName).HasMaxLength(200);
        builder.HasOne<Member>().WithMany().HasForeignKey(c => c.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}
