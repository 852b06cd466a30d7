using Campaigns.Web.Infrastructure.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Campaigns.Web.Data.Configurations;

internal sealed class ReminderRuleConfiguration : IEntityTypeConfiguration<ReminderRule>
{
    public void Configure(EntityTypeBuilder<ReminderRule> builder)
    {
        builder.ToTable("reminder_rules");
        builder.Property(r => r.Kind).HasMaxLength(80);
        builder.Property(r => r.CustomText).HasMaxLength(2000);
        builder.Ignore(r => r.Offset);
        builder.HasIndex(r => new { r.Kind, r.ScopeId });
    }
}
