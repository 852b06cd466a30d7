using Campaigns.Web.Domain.Aid;
using Campaigns.Web.Domain.Coalitions;
using Campaigns.Web.Domain.Programmes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Campaigns.Web.Data.Configurations;

internal sealed class DonationConfiguration : IEntityTypeConfiguration<Donation>
{
    public void Configure(EntityTypeBuilder<Donation> builder)
    {
        builder.ToTable("aid_donations");
        builder.Property(d => d.Source).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Frequency).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Currency).HasMaxLength(3).IsFixedLength();
        builder.Property(d => d.DonorName).HasMaxLength(200);
        builder.Property(d => d.DonorEmail).HasMaxLength(320);
        builder.Property(d => d.Culture).HasMaxLength(10);
        builder.Property(d => d.AccessKey).HasMaxLength(64);
        builder.HasIndex(d => d.AccessKey).IsUnique();
        builder.Property(d => d.Channel).HasMaxLength(40);
        builder.Property(d => d.StripeCheckoutSessionId).HasMaxLength(255);
        builder.HasIndex(d => d.StripeCheckoutSessionId).IsUnique();
        builder.Property(d => d.StripePaymentIntentId).HasMaxLength(255);
        builder.HasIndex(d => d.StripePaymentIntentId);
        builder.Property(d => d.StripeSubscriptionId).HasMaxLength(255);
        builder.HasIndex(d => d.StripeSubscriptionId);
        builder.Property(d => d.StripeCustomerId).HasMaxLength(255);
        builder.Property(d => d.Note).HasMaxLength(1000);
        builder.HasIndex(d => d.DonorEmail);
        builder.HasIndex(d => new { d.AidDriveId, d.Status });
        builder.HasOne<AidDrive>().WithMany().HasForeignKey(d => d.AidDriveId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => d.ViaMemberId);
        builder.HasOne<CoalitionMember>().WithMany().HasForeignKey(d => d.ViaMemberId).OnDelete(DeleteBehavior.SetNull);
    }
}
