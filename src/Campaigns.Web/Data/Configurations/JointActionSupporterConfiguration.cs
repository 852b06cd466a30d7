using Campaigns.Web.Domain.Coalitions;
using Campaigns.Web.Domain.Lobbying;
using Campaigns.Web.Domain.Partners;
using Campaigns.Web.Domain.Targets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Campaigns.Web.Data.Configurations;

internal sealed class JointActionSupporterConfiguration : IEntityTypeConfiguration<JointActionSupporter>
{
    public void Configure(EntityTypeBuilder<JointActionSupporter> builder)
    {
        builder.ToTable("coalition_joint_action_supporters");
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.Email).HasMaxLength(320);
        builder.Property(s => s.ConsentText).HasMaxLength(1000);
        builder.HasIndex(s => new { s.JointActionId, s.Email }).IsUnique();
        builder.HasOne<JointAction>().WithMany().HasForeignKey(s => s.JointActionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<CoalitionMember>().WithMany().HasForeignKey(s => s.ViaMemberId).OnDelete(DeleteBehavior.SetNull);
    }
}
