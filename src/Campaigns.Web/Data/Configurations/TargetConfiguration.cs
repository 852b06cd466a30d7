using Campaigns.Web.Domain.Alerts;
using Campaigns.Web.Domain.Programmes;
using Campaigns.Web.Domain.Targets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Campaigns.Web.Data.Configurations;

internal sealed class TargetConfiguration : IEntityTypeConfiguration<Target>
{
    public void Configure(EntityTypeBuilder<Target> builder)
    {
        builder.ToTable("targets");
        builder.Property(t => t.Name).HasMaxLength(200);
        builder.Property(t => t.Title).HasMaxLength(200);
        builder.Property(t => t.Institution).HasMaxLength(300);
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.CountryCode).HasMaxLength(2);
        builder.Property(t => t.PostalAddress).HasMaxLength(1000);
        builder.Property(t => t.Email).HasMaxLength(320);
        builder.Property(t => t.Phone).HasMaxLength(50);
        builder.Property(t => t.Salutation).HasMaxLength(200);
        builder.Property(t => t.Language).HasMaxLength(10);
        builder.HasIndex(t => new { t.Name, t.Institution }).IsUnique();
        builder.HasOne<District>().WithMany().HasForeignKey(t => t.DistrictId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Target>().WithMany().HasForeignKey(t => t.SucceededById).OnDelete(DeleteBehavior.Restrict);
    }
}
