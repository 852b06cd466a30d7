using Campaigns.Web.Domain.Coalitions;
using Campaigns.Web.Domain.Lobbying;
using Campaigns.Web.Domain.Partners;
using Campaigns.Web.Domain.Targets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Campaigns.Web.Data.Configurations;

internal sealed class JointActionConfiguration : IEntityTypeConfiguration<JointAction>
{
    public void Configure(EntityTypeBuilder<JointAction> builder)
    {
        builder.ToTable("coalition_joint_actions");
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.ProgrammeSlug).HasMaxLength(80);
        builder.Property(a => a.Title).HasMaxLength(200);
        builder.HasIndex(a => new { a.CoalitionId, a.Kind, a.ProgrammeSlug }).IsUnique();
        builder.HasOne<Coalition>().WithMany().HasForeignKey(a => a.CoalitionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Sponsors).WithOne().HasForeignKey(s => s.JointActionId).OnDelete(DeleteBehavior.Cascade);
    }
}
