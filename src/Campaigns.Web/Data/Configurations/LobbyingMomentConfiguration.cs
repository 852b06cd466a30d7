using Campaigns.Web.Domain.Coalitions;
using Campaigns.Web.Domain.Lobbying;
using Campaigns.Web.Domain.Partners;
using Campaigns.Web.Domain.Targets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Campaigns.Web.Data.Configurations;

internal sealed class LobbyingMomentConfiguration : IEntityTypeConfiguration<LobbyingMoment>
{
    public void Configure(EntityTypeBuilder<LobbyingMoment> builder)
    {
        builder.ToTable("lobbying_moments");
        builder.Property(m => m.Title).HasMaxLength(200);
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Notes).HasMaxLength(2000);
        builder.HasIndex(m => new { m.CampaignId, m.On });
        builder.HasOne<LobbyingCampaign>().WithMany().HasForeignKey(m => m.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}
