using Campaigns.Web.Domain.Delegations;
using Campaigns.Web.Domain.Partners;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Campaigns.Web.Data.Configurations;

internal sealed class RosterConfiguration : IEntityTypeConfiguration<Roster>
{
    public void Configure(EntityTypeBuilder<Roster> builder)
    {
        builder.ToTable("rosters");
        builder.Property(r => r.Slug).HasMaxLength(80);
        builder.HasIndex(r => r.Slug).IsUnique();
        builder.Property(r => r.Title).HasMaxLength(200);
        builder.Property(r => r.Purpose).HasMaxLength(4000);
        builder.Property(r => r.City).HasMaxLength(100);
        builder.Property(r => r.CountryCode).HasMaxLength(2).IsFixedLength();
        builder.Property(r => r.BriefingText).HasMaxLength(20000);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<PartnerOrganisation>().WithMany().HasForeignKey(r => r.PartnerOrganisationId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(r => r.Roles).WithOne().HasForeignKey(r => r.RosterId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RosterRoleConfiguration : IEntityTypeConfiguration<RosterRole>
{
    public void Configure(EntityTypeBuilder<RosterRole> builder)
    {
        builder.ToTable("roster_roles");
        builder.Property(r => r.Name).HasMaxLength(100);
    }
}

internal sealed class RosterApplicationConfiguration : IEntityTypeConfiguration<RosterApplication>
{
    public void Configure(EntityTypeBuilder<RosterApplication> builder)
    {
        builder.ToTable("roster_applications");
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);

        // One application per person per roster.
        builder.HasIndex(a => new { a.RosterId, a.UserId }).IsUnique();
        builder.HasOne<Roster>().WithMany().HasForeignKey(a => a.RosterId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<RosterRole>().WithMany().HasForeignKey(a => a.RoleId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CampaignsUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RosterDayConfiguration : IEntityTypeConfiguration<RosterDay>
{
    public void Configure(EntityTypeBuilder<RosterDay> builder)
    {
        builder.ToTable("roster_days");
        builder.HasIndex(d => new { d.RosterId, d.AnchorAt }).IsUnique();
        builder.HasOne<Roster>().WithMany().HasForeignKey(d => d.RosterId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RosterCheckInConfiguration : IEntityTypeConfiguration<RosterCheckIn>
{
    public void Configure(EntityTypeBuilder<RosterCheckIn> builder)
    {
        builder.ToTable("roster_check_ins");

        // One confirmation per person per day; a second tap changes nothing.
        builder.HasIndex(c => new { c.RosterDayId, c.UserId }).IsUnique();
        builder.HasOne<RosterDay>().WithMany().HasForeignKey(c => c.RosterDayId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<CampaignsUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
