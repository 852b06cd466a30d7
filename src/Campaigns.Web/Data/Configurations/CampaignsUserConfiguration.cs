using Campaigns.Web.Domain.Partners;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Campaigns.Web.Data.Configurations;

internal sealed class CampaignsUserConfiguration : IEntityTypeConfiguration<CampaignsUser>
{
    public void Configure(EntityTypeBuilder<CampaignsUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(200);
        builder.Property(u => u.Culture).HasMaxLength(10).HasDefaultValue("en");
        builder.Property(u => u.TimeZone).HasMaxLength(64);
        builder.HasOne<PartnerOrganisation>().WithMany().HasForeignKey(u => u.PartnerOrganisationId).OnDelete(DeleteBehavior.SetNull);
    }
}
