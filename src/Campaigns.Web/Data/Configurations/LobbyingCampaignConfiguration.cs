using Campaigns.Web.Domain.Coalitions;
using Campaigns.Web.Domain.Lobbying;
using Campaigns.Web.Domain.Partners;
using Campaigns.Web.Domain.Targets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Campaigns.Web.Data.Configurations;

internal sealed class LobbyingCampaignConfiguration : IEntityTypeConfiguration<LobbyingCampaign>
{
    public void Configure(EntityTypeBuilder<LobbyingCampaign> builder)
    {
        builder.ToTable("lobbying_campaigns");
        builder.Property(c => c.Slug).HasMaxLength(80);
        builder.HasIndex(c => c.Slug).IsUnique();
        builder.Property(c => c.Title).HasMaxLength(200);
        builder.Property(c => c.Goal).HasMaxLength(2000);
        builder.Property(c => c.TalkingPoints).HasMaxLength(8000);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Coalition>().WithMany().HasForeignKey(c => c.CoalitionId).OnDelete(DeleteBehavior.SetNull);
    }
}
