using Campaigns.Web.Domain.Alerts;
using Campaigns.Web.Domain.Programmes;
using Campaigns.Web.Domain.Targets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Campaigns.Web.Data.Configurations;

internal sealed class AlertSendConfiguration : IEntityTypeConfiguration<AlertSend>
{
    public void Configure(EntityTypeBuilder<AlertSend> builder)
    {
        builder.ToTable("alert_sends");
        builder.HasIndex(s => s.RequestId).IsUnique();
        builder.HasIndex(s => new { s.Status, s.ScheduledFor });
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Languages).HasMaxLength(50);
        builder.Property(s => s.Interests).HasMaxLength(1000);
        builder.Property(s => s.Message).HasMaxLength(8000);
        builder.Property(s => s.MessageEs).HasMaxLength(8000);
        builder.Property(s => s.MessageFr).HasMaxLength(8000);
        // Rows written before the column existed read as no problem.
        builder.Property(s => s.Problem).HasConversion<string>().HasMaxLength(30).HasDefaultValue(SendProblem.None);
        builder.Property(s => s.ProblemDetail).HasMaxLength(1000);
        builder.HasOne<UrgentAction>().WithMany().HasForeignKey(s => s.UrgentActionId).OnDelete(DeleteBehavior.Restrict);
    }
}
