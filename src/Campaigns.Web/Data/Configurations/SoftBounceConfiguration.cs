using Campaigns.Web.Domain.Alerts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Campaigns.Web.Data.Configurations;

internal sealed class SoftBounceConfiguration : IEntityTypeConfiguration<SoftBounce>
{
    public void Configure(EntityTypeBuilder<SoftBounce> builder)
    {
        builder.ToTable("alert_soft_bounces");

        // The report's fingerprint is the key: a report read again (a move that failed after counting) cannot count twice.
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).HasMaxLength(64);
        builder.Property(b => b.AddressKey).HasMaxLength(64);
        builder.HasIndex(b => new { b.AddressKey, b.ReceivedAt });
        builder.HasIndex(b => b.ReceivedAt);
    }
}
