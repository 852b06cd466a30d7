using Campaigns.Web.Domain.Aid;
using Campaigns.Web.Domain.Programmes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Campaigns.Web.Data.Configurations;

internal sealed class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntry>
{
    public void Configure(EntityTypeBuilder<LedgerEntry> builder)
    {
        builder.ToTable("aid_ledger_entries");
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.Channel).HasMaxLength(40);
        builder.Property(e => e.Currency).HasMaxLength(3).IsFixedLength();
        builder.Property(e => e.Description).HasMaxLength(1000);
        builder.Property(e => e.PublicDonorName).HasMaxLength(200);
        builder.Property(e => e.ExternalKey).HasMaxLength(300);

        // The idempotency of every money movement rests on this index: one entry per payment, refund or form.
        builder.HasIndex(e => e.ExternalKey).IsUnique();
        builder.Property(e => e.ReceiptNumber).HasMaxLength(40);
        builder.Property(e => e.Flag).HasMaxLength(100);
        builder.HasIndex(e => new { e.AidDriveId, e.OccurredAt });
        builder.HasIndex(e => e.DonationId);
        builder.HasOne<AidDrive>().WithMany().HasForeignKey(e => e.AidDriveId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Donation>().WithMany().HasForeignKey(e => e.DonationId).OnDelete(DeleteBehavior.Restrict);
    }
}
