using Campaigns.Web.Infrastructure.Protection;
using Campaigns.Web.Domain.Partners;
using Campaigns.Web.Domain.Tours;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Campaigns.Web.Data.Configurations;

internal sealed class SpeakerConfiguration : IEntityTypeConfiguration<Speaker>
{
    public void Configure(EntityTypeBuilder<Speaker> builder)
    {
        builder.ToTable("speakers");
        builder.Property(s => s.Slug).HasMaxLength(80);
        builder.HasIndex(s => s.Slug).IsUnique();
        builder.Property(s => s.DisplayName).HasMaxLength(200);
        builder.Property(s => s.Languages).HasMaxLength(200);
        builder.Property(s => s.Topics).HasMaxLength(500);
        builder.Property(s => s.Bio).HasMaxLength(4000);
        builder.Property(s => s.PhotoUrl).HasMaxLength(500);

        builder.Property(s => s.ContactEmail).IsProtected();
        builder.Property(s => s.ContactPhone).IsProtected();
        builder.Property(s => s.TravelDocuments).IsProtected();
        builder.HasOne<PartnerOrganisation>().WithMany().HasForeignKey(s => s.PartnerOrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
