using Campaigns.Web.Domain.Tours;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Campaigns.Web.Data.Configurations;

internal sealed class TourStopConfiguration : IEntityTypeConfiguration<TourStop>
{
    public void Configure(EntityTypeBuilder<TourStop> builder)
    {
        builder.ToTable("tour_stops");
        builder.Property(s => s.Slug).HasMaxLength(80);
        builder.HasIndex(s => new { s.TourId, s.Slug }).IsUnique();
        builder.Property(s => s.City).HasMaxLength(100);
        builder.Property(s => s.CountryCode).HasMaxLength(2);
        builder.Property(s => s.VenueName).HasMaxLength(200);
        builder.Property(s => s.VenueAddress).HasMaxLength(500);
        builder.Property(s => s.TimeZoneId).HasMaxLength(64);
        builder.Property(s => s.HostOrganisation).HasMaxLength(200);
        builder.Property(s => s.HostContactName).HasMaxLength(200);
        builder.Property(s => s.HostContactEmail).HasMaxLength(320);
        builder.Property(s => s.Language).HasMaxLength(100);
        builder.Property(s => s.Interpretation).HasMaxLength(200);
        builder.Property(s => s.Region).HasMaxLength(100);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Ignore(s => s.BudgetTotalMinor);
        builder.HasIndex(s => s.StartsAt);
        builder.HasIndex(s => s.HostUserId);
    }
}
