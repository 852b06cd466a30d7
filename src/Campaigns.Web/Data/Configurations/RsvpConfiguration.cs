using Campaigns.Web.Domain.Coalitions;
using Campaigns.Web.Domain.Tours;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Campaigns.Web.Data.Configurations;

internal sealed class RsvpConfiguration : IEntityTypeConfiguration<Rsvp>
{
    public void Configure(EntityTypeBuilder<Rsvp> builder)
    {
        builder.ToTable("rsvps");
        builder.Property(r => r.Name).HasMaxLength(200);
        builder.Property(r => r.Email).HasMaxLength(320);
        builder.Property(r => r.EmailKey).HasMaxLength(320);
        builder.Property(r => r.Needs).HasMaxLength(1000);
        builder.Property(r => r.Culture).HasMaxLength(10);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);

        // One RSVP per address per event, even when two requests race.
        builder.HasIndex(r => new { r.StopId, r.EmailKey }).IsUnique();
        builder.HasIndex(r => new { r.StopId, r.Status, r.CreatedAt });
        builder.HasOne<TourStop>().WithMany().HasForeignKey(r => r.StopId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => r.ViaMemberId);
        builder.HasOne<CoalitionMember>().WithMany().HasForeignKey(r => r.ViaMemberId).OnDelete(DeleteBehavior.SetNull);
    }
}
