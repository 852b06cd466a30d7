using Campaigns.Web.Domain.Alerts;
using Campaigns.Web.Domain.Programmes;
using Campaigns.Web.Domain.Targets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Campaigns.Web.Data.Configurations;

internal sealed class UrgentActionTargetConfiguration : IEntityTypeConfiguration<UrgentActionTarget>
{
    public void Configure(EntityTypeBuilder<UrgentActionTarget> builder)
    {
        builder.ToTable("urgent_action_targets");
        builder.HasKey(t => new { t.UrgentActionId, t.TargetId });
        builder.HasOne<UrgentAction>().WithMany().HasForeignKey(t => t.UrgentActionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Target>().WithMany().HasForeignKey(t => t.TargetId).OnDelete(DeleteBehavior.Restrict);
    }
}
