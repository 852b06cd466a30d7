using Campaigns.Web.Domain.Coalitions;
using Campaigns.Web.Domain.Lobbying;
using Campaigns.Web.Domain.Partners;
using Campaigns.Web.Domain.Targets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Campaigns.Web.Data.Configurations;

internal sealed class JointActionSponsorConfiguration : IEntityTypeConfiguration<JointActionSponsor>
{
    public void Configure(EntityTypeBuilder<JointActionSponsor> builder)
    {
        builder.ToTable("coalition_joint_action_sponsors");
        builder.HasKey(s => new { s.JointActionId, s.MemberId });
        builder.HasOne<CoalitionMember>().WithMany().HasForeignKey(s => s.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}
