using Campaigns.Web.Domain.Tours;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Campaigns.Web.Data.Configurations;

internal sealed class StopShiftConfiguration : IEntityTypeConfiguration<StopShift>
{
    public void Configure(EntityTypeBuilder<StopShift> builder)
    {
        builder.ToTable("stop_shifts");
        builder.Property(s => s.Role).HasMaxLength(100);
        builder.HasOne<TourStop>().WithMany().HasForeignKey(s => s.StopId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ShiftSignupConfiguration : IEntityTypeConfiguration<ShiftSignup>
{
    public void Configure(EntityTypeBuilder<ShiftSignup> builder)
    {
        builder.ToTable("shift_signups");

        // One sign-up per person per shift.
        builder.HasIndex(s => new { s.ShiftId, s.UserId }).IsUnique();
        builder.HasOne<StopShift>().WithMany().HasForeignKey(s => s.ShiftId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<CampaignsUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
