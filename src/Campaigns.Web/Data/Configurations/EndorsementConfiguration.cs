using Campaigns.Web.Domain.Coalitions;
using Campaigns.Web.Domain.Lobbying;
using Campaigns.Web.Domain.Partners;
using Campaigns.Web.Domain.Targets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Campaigns.Web.Data.Configurations;

internal sealed class EndorsementConfiguration : IEntityTypeConfiguration<Endorsement>
{
    public void Configure(EntityTypeBuilder<Endorsement> builder)
    {
        builder.ToTable("coalition_endorsements");

        // One signature per organisation and version, whatever two racing requests do.
        builder.HasIndex(e => new { e.MemberId, e.VersionId }).IsUnique();
        builder.Property(e => e.SignerName).HasMaxLength(200);
        builder.Property(e => e.SignerEmail).HasMaxLength(320);
        builder.HasOne<PointsOfUnityVersion>().WithMany().HasForeignKey(e => e.VersionId).OnDelete(DeleteBehavior.Restrict);
    }
}
