using Campaigns.Web.Domain.Partners;
using Campaigns.Web.Domain.Programmes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Campaigns.Web.Data.Configurations;

internal sealed class SpeakerTourConfiguration : IEntityTypeConfiguration<SpeakerTour>
{
    public void Configure(EntityTypeBuilder<SpeakerTour> builder)
    {
        builder.ToTable("tours");
        builder.Property(t => t.Title).HasMaxLength(200);
        builder.Property(t => t.Slug).HasMaxLength(80);
        builder.HasIndex(t => t.Slug).IsUnique();
        builder.Property(t => t.Summary).HasMaxLength(4000);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<PartnerOrganisation>().WithMany().HasForeignKey(t => t.PartnerOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(t => t.BudgetCurrency).HasMaxLength(3).HasDefaultValue("EUR");
        builder.HasMany(t => t.Speakers).WithMany(s => s.Tours).UsingEntity("tour_speakers");
        builder.HasMany(t => t.Stops).WithOne().HasForeignKey(s => s.TourId).OnDelete(DeleteBehavior.Cascade);
    }
}
