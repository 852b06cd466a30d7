using Campaigns.Web.Domain.Alerts;
using Campaigns.Web.Domain.Programmes;
using Campaigns.Web.Domain.Targets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Campaigns.Web.Data.Configurations;

internal sealed class AlertSubscriberConfiguration : IEntityTypeConfiguration<AlertSubscriber>
{
    public void Configure(EntityTypeBuilder<AlertSubscriber> builder)
    {
        builder.ToTable("alert_subscribers");
        builder.Property(s => s.Email).HasMaxLength(320);
        builder.HasIndex(s => s.Email).IsUnique();
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.Language).HasMaxLength(5);
        builder.Property(s => s.Interests).HasMaxLength(1000);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.ConsentText).HasMaxLength(2000);
        builder.Property(s => s.ConsentIp).HasMaxLength(64);
        builder.Property(s => s.Source).HasMaxLength(20);
    }
}
