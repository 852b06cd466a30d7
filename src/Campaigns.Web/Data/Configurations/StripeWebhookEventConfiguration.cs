using Campaigns.Web.Domain.Aid;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Campaigns.Web.Data.Configurations;

internal sealed class StripeWebhookEventConfiguration : IEntityTypeConfiguration<StripeWebhookEvent>
{
    public void Configure(EntityTypeBuilder<StripeWebhookEvent> builder)
    {
        builder.ToTable("stripe_webhook_events");

        // The event id is the key: a second delivery of the same event cannot be stored twice.
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).HasMaxLength(255);
        builder.Property(e => e.Type).HasMaxLength(100);
        builder.Property(e => e.ReceivedVia).HasMaxLength(20);
        builder.Property(e => e.Flag).HasMaxLength(200);
        builder.HasIndex(e => e.ProcessedAt);
    }
}
