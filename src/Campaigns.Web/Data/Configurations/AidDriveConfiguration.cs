using Campaigns.Web.Domain.Partners;
using Campaigns.Web.Domain.Programmes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Campaigns.Web.Data.Configurations;

internal sealed class AidDriveConfiguration : IEntityTypeConfiguration<AidDrive>
{
    public void Configure(EntityTypeBuilder<AidDrive> builder)
    {
        builder.ToTable("aid_drives");
        builder.Property(d => d.Title).HasMaxLength(200);
        builder.Property(d => d.Slug).HasMaxLength(80);
        builder.HasIndex(d => d.Slug).IsUnique();
        builder.Property(d => d.Story).HasMaxLength(8000);
        builder.Property(d => d.Currency).HasMaxLength(3).IsFixedLength();
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.PaymentInstructions).HasMaxLength(4000);
        builder.HasOne<PartnerOrganisation>().WithMany().HasForeignKey(d => d.PartnerOrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
