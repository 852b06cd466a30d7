using Campaigns.Web.Infrastructure.Protection;
using Campaigns.Web.Domain.Partners;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Campaigns.Web.Data.Configurations;

internal sealed class PartnerContactConfiguration : IEntityTypeConfiguration<PartnerContact>
{
    public void Configure(EntityTypeBuilder<PartnerContact> builder)
    {
        builder.ToTable("partner_contacts");
        // Who the partner's people are and how to reach them: protected (docs/adr/0008-protected-fields.md).
        builder.Property(c => c.Name).IsProtected();
        builder.Property(c => c.Role).HasMaxLength(200);
        builder.Property(c => c.Email).IsProtected();
        builder.Property(c => c.Phone).IsProtected();
    }
}
