using Campaigns.Web.Domain.Alerts;
using Campaigns.Web.Domain.Programmes;
using Campaigns.Web.Domain.Targets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Campaigns.Web.Data.Configurations;

internal sealed class AlertDeliveryConfiguration : IEntityTypeConfiguration<AlertDelivery>
{
    public void Configure(EntityTypeBuilder<AlertDelivery> builder)
    {
        builder.ToTable("alert_deliveries");

        // One row per (send, subscriber): the database itself refuses a second delivery.
        builder.HasIndex(d => new { d.AlertSendId, d.SubscriberId }).IsUnique();
        builder.HasIndex(d => new { d.AlertSendId, d.Chunk });
        builder.Property(d => d.LastError).HasMaxLength(1000);
        builder.HasOne<AlertSend>().WithMany().HasForeignKey(d => d.AlertSendId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AlertSubscriber>().WithMany().HasForeignKey(d => d.SubscriberId).OnDelete(DeleteBehavior.Cascade);
    }
}
