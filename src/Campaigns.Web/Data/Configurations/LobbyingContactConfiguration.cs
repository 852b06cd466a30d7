using Campaigns.Web.Domain.Coalitions;
using Campaigns.Web.Domain.Lobbying;
using Campaigns.Web.Domain.Partners;
using Campaigns.Web.Domain.Targets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Campaigns.Web.Data.Configurations;

internal sealed class LobbyingContactConfiguration : IEntityTypeConfiguration<LobbyingContact>
{
    public void Configure(EntityTypeBuilder<LobbyingContact> builder)
    {
        builder.ToTable("lobbying_contacts");
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Outcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.SupporterName).HasMaxLength(200);
        builder.Property(c => c.SupporterEmail).HasMaxLength(320);
        builder.HasIndex(c => new { c.CampaignId, c.TargetId, c.CreatedAt });

        // One letter per supporter address per representative, even when the form is sent twice at once; calls and
        // visits keep no address (null), so the index leaves them alone.
        builder.HasIndex(c => new { c.CampaignId, c.TargetId, c.Kind, c.SupporterEmail }).IsUnique();
        builder.HasOne<LobbyingCampaign>().WithMany().HasForeignKey(c => c.CampaignId).OnDelete(DeleteBehavior.Cascade);

        // The record of what an official said outlives their term, even after a successor takes the seat.
        builder.HasOne<Target>().WithMany().HasForeignKey(c => c.TargetId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<District>().WithMany().HasForeignKey(c => c.DistrictId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<CoalitionMember>().WithMany().HasForeignKey(c => c.ViaMemberId).OnDelete(DeleteBehavior.SetNull);
    }
}
