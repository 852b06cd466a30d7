using Campaigns.Web.Domain.Assistance;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Campaigns.Web.Data.Configurations;

internal sealed class VolunteerProfileConfiguration : IEntityTypeConfiguration<VolunteerProfile>
{
    public void Configure(EntityTypeBuilder<VolunteerProfile> builder)
    {
        builder.ToTable("volunteer_profiles");
        builder.HasKey(p => p.UserId);
        builder.HasOne<CampaignsUser>().WithOne().HasForeignKey<VolunteerProfile>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(p => p.CountryCode).HasMaxLength(2);
        builder.Property(p => p.City).HasMaxLength(200);
        builder.Property(p => p.References).HasMaxLength(4000);
        builder.Property(p => p.BackgroundCheck).HasConversion<string>().HasMaxLength(20);
        builder.HasMany(p => p.Skills).WithOne().HasForeignKey(s => s.VolunteerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Languages).WithOne().HasForeignKey(l => l.VolunteerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Availability).WithOne().HasForeignKey(a => a.VolunteerId).OnDelete(DeleteBehavior.Cascade);
    }
}
