using Campaigns.Web.Domain.Tours;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Campaigns.Web.Data.Configurations;

internal sealed class EventInvitationPreferenceConfiguration : IEntityTypeConfiguration<EventInvitationPreference>
{
    public void Configure(EntityTypeBuilder<EventInvitationPreference> builder)
    {
        builder.ToTable("event_invitation_preferences");
        builder.HasKey(p => p.UserId);
        builder.Property(p => p.City).HasMaxLength(100);
        builder.Property(p => p.CountryCode).HasMaxLength(2);
        builder.Property(p => p.Culture).HasMaxLength(10);
        builder.HasIndex(p => new { p.CountryCode, p.City });
        builder.HasOne<CampaignsUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
