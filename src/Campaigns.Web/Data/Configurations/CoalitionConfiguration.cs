using Campaigns.Web.Domain.Coalitions;
using Campaigns.Web.Domain.Lobbying;
using Campaigns.Web.Domain.Partners;
using Campaigns.Web.Domain.Targets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Campaigns.Web.Data.Configurations;

internal sealed class CoalitionConfiguration : IEntityTypeConfiguration<Coalition>
{
    public void Configure(EntityTypeBuilder<Coalition> builder)
    {
        builder.ToTable("coalitions");
        builder.Property(c => c.Slug).HasMaxLength(80);
        builder.HasIndex(c => c.Slug).IsUnique();
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.Sector).HasMaxLength(100);
        builder.Property(c => c.Purpose).HasMaxLength(4000);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
    }
}
