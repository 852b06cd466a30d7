using Campaigns.Web.Domain.Assistance;
using Campaigns.Web.Domain.Programmes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Campaigns.Web.Data.Configurations;

internal sealed class DeploymentConfiguration : IEntityTypeConfiguration<Deployment>
{
    public void Configure(EntityTypeBuilder<Deployment> builder)
    {
        builder.ToTable("deployments");
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Origin).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.HandoverReport).HasMaxLength(8000);
        builder.Property(d => d.PartnerComment).HasMaxLength(4000);
        builder.HasOne<AssistanceRequest>().WithMany().HasForeignKey(d => d.RequestId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CampaignsUser>().WithMany().HasForeignKey(d => d.VolunteerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => new { d.VolunteerId, d.Status });
        builder.HasIndex(d => new { d.RequestId, d.VolunteerId });
    }
}
