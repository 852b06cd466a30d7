using Campaigns.Web.Infrastructure.Protection;
using Campaigns.Web.Domain.Partners;
using Campaigns.Web.Domain.Programmes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Campaigns.Web.Data.Configurations;

internal sealed class AssistanceRequestConfiguration : IEntityTypeConfiguration<AssistanceRequest>
{
    public void Configure(EntityTypeBuilder<AssistanceRequest> builder)
    {
        builder.ToTable("assistance_requests");
        builder.Property(r => r.Title).HasMaxLength(200);
        builder.Property(r => r.Slug).HasMaxLength(80);
        builder.HasIndex(r => r.Slug).IsUnique();
        builder.Property(r => r.Summary).HasMaxLength(4000);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Location).HasMaxLength(200);
        builder.Property(r => r.SafetyNotes).IsProtected();
        builder.HasOne<PartnerOrganisation>().WithMany().HasForeignKey(r => r.PartnerOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Skills).WithOne().HasForeignKey(s => s.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Languages).WithOne().HasForeignKey(l => l.RequestId).OnDelete(DeleteBehavior.Cascade);
    }
}
