using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Scorecards.Domain.Bodies;
using Scorecards.Domain.Meetings;
using Scorecards.Domain.Members;

namespace Scorecards.Data.Configurations;

internal sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> builder)
    {
        builder.Property(m => m.Name).HasMaxLength(200);
        builder.HasIndex(m => m.Name).IsUnique();
        builder.HasMany(m => m.History).WithOne().HasForeignKey(c => c.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.History).UsePropertyAccessMode(PropertyAccessMode.Field).HasField("_history");
        builder.Ignore(m => m.IsCurrent);
    }
}

internal sealed class MemberStatusChangeConfiguration : IEntityTypeConfiguration<MemberStatusChange>
{
    public void Configure(EntityTypeBuilder<MemberStatusChange> builder)
    {
        builder.Property(c => c.Note).HasMaxLength(Member.MaxNote);
        builder.HasOne<Decision>().WithMany().HasForeignKey(c => c.DecisionId).OnDelete(DeleteBehavior.Restrict);
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
        builder.HasMany(b => b.Seats).WithOne().HasForeignKey(s => s.BodyId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(b => b.Seats).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class BodyCoChairConfiguration : IEntityTypeConfiguration<BodyCoChair>
{
    public void Configure(EntityTypeBuilder<BodyCoChair> builder)
    {
        builder.Property(c => c.PersonName).HasMaxLength(200);
        builder.HasOne<Member>().WithMany().HasForeignKey(c => c.MemberId).OnDelete(DeleteBehavior.Restrict);

        // The decisions behind a term are checked by the register, not by a foreign key: adding one to this older table would
        // make SQLite rebuild it outside a transaction. Decisions are never deleted.
        builder.HasIndex(c => c.FromDecisionId);
        builder.HasIndex(c => c.UntilDecisionId);
    }
}

internal sealed class BodySeatConfiguration : IEntityTypeConfiguration<BodySeat>
{
    public void Configure(EntityTypeBuilder<BodySeat> builder)
    {
        builder.HasOne<Member>().WithMany().HasForeignKey(s => s.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Decision>().WithMany().HasForeignKey(s => s.FromDecisionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Decision>().WithMany().HasForeignKey(s => s.UntilDecisionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MembershipProposalConfiguration : IEntityTypeConfiguration<MembershipProposal>
{
    public void Configure(EntityTypeBuilder<MembershipProposal> builder)
    {
        builder.ToTable("MembershipProposals");
        builder.Property(p => p.Rationale).HasMaxLength(MembershipProposal.MaxRationale);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasIndex(p => p.Status);
        builder.HasOne<Member>().WithMany().HasForeignKey(p => p.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Body>().WithMany().HasForeignKey(p => p.BodyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Meeting>().WithMany().HasForeignKey(p => p.MeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Decision>().WithMany().HasForeignKey(p => p.DecisionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Events).WithOne().HasForeignKey(e => e.ProposalId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Events).UsePropertyAccessMode(PropertyAccessMode.Field).HasField("_events");
        builder.Ignore(p => p.IsOpen);
    }
}

internal sealed class ProposalEventConfiguration : IEntityTypeConfiguration<ProposalEvent>
{
    public void Configure(EntityTypeBuilder<ProposalEvent> builder)
    {
        builder.ToTable("MembershipProposalEvents");
        builder.Property(e => e.By).HasMaxLength(200);
        builder.Property(e => e.Note).HasMaxLength(MembershipProposal.MaxRationale);
    }
}
