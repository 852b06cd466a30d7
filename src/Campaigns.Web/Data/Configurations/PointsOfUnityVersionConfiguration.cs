using Campaigns.Web.Domain.Coalitions;
using Campaigns.Web.Domain.Lobbying;
using Campaigns.Web.Domain.Partners;
using Campaigns.Web.Domain.Targets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Campaigns.Web.Data.Configurations;

internal sealed class PointsOfUnityVersionConfiguration : IEntityTypeConfiguration<PointsOfUnityVersion>
{
    public void Configure(EntityTypeBuilder<PointsOfUnityVersion> builder)
    {
        builder.ToTable("coalition_points_versions");
        builder.HasIndex(v => new { v.CoalitionId, v.Number }).IsUnique();
        builder.Property(v => v.Text).HasMaxLength(20000);
        builder.Property(v => v.ChangeNote).HasMaxLength(2000);
        builder.HasOne<Coalition>().WithMany().HasForeignKey(v => v.CoalitionId).OnDelete(DeleteBehavior.Cascade);
    }
}
