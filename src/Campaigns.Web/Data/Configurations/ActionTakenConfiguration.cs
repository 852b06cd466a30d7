using Campaigns.Web.Domain.Alerts;
using Campaigns.Web.Domain.Coalitions;
using Campaigns.Web.Domain.Programmes;
using Campaigns.Web.Domain.Targets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Campaigns.Web.Data.Configurations;

internal sealed class ActionTakenConfiguration : IEntityTypeConfiguration<ActionTaken>
{
    public void Configure(EntityTypeBuilder<ActionTaken> builder)
    {
        builder.ToTable("alert_actions_taken");
        builder.HasIndex(a => new { a.UrgentActionId, a.SubscriberId });
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<UrgentAction>().WithMany().HasForeignKey(a => a.UrgentActionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AlertSubscriber>().WithMany().HasForeignKey(a => a.SubscriberId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Target>().WithMany().HasForeignKey(a => a.TargetId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(a => a.ViaMemberId);
        builder.Property(a => a.OnceKey).HasMaxLength(120);
        builder.HasIndex(a => new { a.UrgentActionId, a.Kind, a.OnceKey }).IsUnique();
        builder.HasOne<CoalitionMember>().WithMany().HasForeignKey(a => a.ViaMemberId).OnDelete(DeleteBehavior.SetNull);
    }
}
