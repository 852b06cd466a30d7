using Campaigns.Web.Domain.Alerts;
using Campaigns.Web.Domain.Programmes;
using Campaigns.Web.Domain.Targets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Campaigns.Web.Data.Configurations;

internal sealed class AlertTopicConfiguration : IEntityTypeConfiguration<AlertTopic>
{
    public void Configure(EntityTypeBuilder<AlertTopic> builder)
    {
        builder.ToTable("alert_topics");
        builder.Property(t => t.Code).HasMaxLength(50);
        builder.HasIndex(t => t.Code).IsUnique();
        builder.Property(t => t.Name).HasMaxLength(200);
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(20);
    }
}
