using Campaigns.Web.Domain.Coalitions;
using Campaigns.Web.Domain.Lobbying;
using Campaigns.Web.Domain.Partners;
using Campaigns.Web.Domain.Targets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Campaigns.Web.Data.Configurations;

internal sealed class LobbyingLetterConfiguration : IEntityTypeConfiguration<LobbyingLetter>
{
    public void Configure(EntityTypeBuilder<LobbyingLetter> builder)
    {
        builder.ToTable("lobbying_letters");
        builder.HasIndex(l => new { l.CampaignId, l.Language }).IsUnique();
        builder.Property(l => l.Language).HasMaxLength(5);
        builder.Property(l => l.Subject).HasMaxLength(300);
        builder.Property(l => l.Body).HasMaxLength(8000);
        builder.HasOne<LobbyingCampaign>().WithMany().HasForeignKey(l => l.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}
