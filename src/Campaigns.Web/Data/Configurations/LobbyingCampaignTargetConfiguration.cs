using Campaigns.Web.Domain.Coalitions;
using Campaigns.Web.Domain.Lobbying;
using Campaigns.Web.Domain.Partners;
using Campaigns.Web.Domain.Targets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Campaigns.Web.Data.Configurations;

internal sealed class LobbyingCampaignTargetConfiguration : IEntityTypeConfiguration<LobbyingCampaignTarget>
{
    public void Configure(EntityTypeBuilder<LobbyingCampaignTarget> builder)
    {
        builder.ToTable("lobbying_campaign_targets");
        builder.HasKey(t => new { t.CampaignId, t.TargetId });
        builder.HasOne<LobbyingCampaign>().WithMany().HasForeignKey(t => t.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Target>().WithMany().HasForeignKey(t => t.TargetId).OnDelete(DeleteBehavior.Restrict);
    }
}
