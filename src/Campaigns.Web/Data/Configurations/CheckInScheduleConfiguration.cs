using Campaigns.Web.Domain.Assistance;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Campaigns.Web.Data.Configurations;

internal sealed class CheckInScheduleConfiguration : IEntityTypeConfiguration<CheckInSchedule>
{
    public void Configure(EntityTypeBuilder<CheckInSchedule> builder)
    {
        builder.ToTable("check_in_schedules");
        builder.HasKey(s => s.DeploymentId);
        builder.HasOne<Deployment>().WithOne().HasForeignKey<CheckInSchedule>(s => s.DeploymentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.Active, s.NextDueAt });
    }
}
