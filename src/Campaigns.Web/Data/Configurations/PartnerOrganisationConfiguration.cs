using Campaigns.Web.Domain.Partners;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Campaigns.Web.Data.Configurations;

internal sealed class PartnerOrganisationConfiguration : IEntityTypeConfiguration<PartnerOrganisation>
{
    public void Configure(EntityTypeBuilder<PartnerOrganisation> builder)
    {
        builder.ToTable("partners");
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.PublicName).HasMaxLength(200);
        builder.Property(p => p.Slug).HasMaxLength(80);
        builder.HasIndex(p => p.Slug).IsUnique();
        builder.Property(p => p.CountryCode).HasMaxLength(2).IsFixedLength();
        builder.Property(p => p.Sector).HasMaxLength(100);
        builder.Property(p => p.Description).HasMaxLength(4000);
        builder.Property(p => p.Visibility).HasConversion<string>().HasMaxLength(20);
        builder.Ignore(p => p.DisplayName);
        builder.HasMany(p => p.Contacts).WithOne().HasForeignKey(c => c.PartnerOrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}
