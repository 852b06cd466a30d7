using Campaigns.Web.Infrastructure.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Campaigns.Web.Data.Configurations;

internal sealed class ReminderDeliveryConfiguration : IEntityTypeConfiguration<ReminderDelivery>
{
    public void Configure(EntityTypeBuilder<ReminderDelivery> builder)
    {
        builder.ToTable("reminder_deliveries");
        builder.Property(d => d.PersonKey).HasMaxLength(100);

        // At most once per person per rule per occurrence, whatever runs twice: the engine relies on this index.
        builder.HasIndex(d => new { d.RuleId, d.OccurrenceId, d.PersonKey }).IsUnique();
        builder.HasOne<ReminderRule>().WithMany().HasForeignKey(d => d.RuleId).OnDelete(DeleteBehavior.Cascade);
    }
}
