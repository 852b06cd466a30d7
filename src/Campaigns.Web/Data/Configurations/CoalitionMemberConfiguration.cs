using Campaigns.Web.Domain.Coalitions;
using Campaigns.Web.Domain.Lobbying;
using Campaigns.Web.Domain.Partners;
using Campaigns.Web.Domain.Targets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Campaigns.Web.Data.Configurations;

internal sealed class CoalitionMemberConfiguration : IEntityTypeConfiguration<CoalitionMember>
{
    public void Configure(EntityTypeBuilder<CoalitionMember> builder)
    {
        builder.ToTable("coalition_members");
        builder.Property(m => m.OrganisationName).HasMaxLength(200);
        builder.Property(m => m.Slug).HasMaxLength(80);
        builder.Property(m => m.CountryCode).HasMaxLength(2);
        builder.Property(m => m.Language).HasMaxLength(5);
        builder.HasIndex(m => new { m.CoalitionId, m.Slug }).IsUnique();
        builder.HasOne<Coalition>().WithMany().HasForeignKey(m => m.CoalitionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PartnerOrganisation>().WithMany().HasForeignKey(m => m.PartnerOrganisationId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(m => m.Endorsements).WithOne().HasForeignKey(e => e.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
