using Campaigns.Web.Domain.Alerts;
using Campaigns.Web.Domain.Programmes;
using Campaigns.Web.Domain.Targets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Campaigns.Web.Data.Configurations;

internal sealed class AlertOutcomeConfiguration : IEntityTypeConfiguration<AlertOutcome>
{
    public void Configure(EntityTypeBuilder<AlertOutcome> builder)
    {
        builder.ToTable("alert_outcomes");
        builder.Property(o => o.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.Text).HasMaxLength(8000);
        builder.HasOne<UrgentAction>().WithMany().HasForeignKey(o => o.UrgentActionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Target>().WithMany().HasForeignKey(o => o.TargetId).OnDelete(DeleteBehavior.SetNull);
    }
}
