using Campaigns.Web.Domain.Aid;
using Campaigns.Web.Domain.Programmes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Campaigns.Web.Data.Configurations;

internal sealed class NeedItemConfiguration : IEntityTypeConfiguration<NeedItem>
{
    public void Configure(EntityTypeBuilder<NeedItem> builder)
    {
        builder.ToTable("aid_need_items");
        builder.Property(n => n.Item).HasMaxLength(200);
        builder.Property(n => n.Unit).HasMaxLength(50);
        builder.Property(n => n.Notes).HasMaxLength(1000);
        builder.Property(n => n.Priority).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(n => n.AidDriveId);
        builder.HasOne<AidDrive>().WithMany().HasForeignKey(n => n.AidDriveId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class GoodsPledgeConfiguration : IEntityTypeConfiguration<GoodsPledge>
{
    public void Configure(EntityTypeBuilder<GoodsPledge> builder)
    {
        builder.ToTable("aid_goods_pledges");
        builder.Property(p => p.DonorName).HasMaxLength(200);
        builder.Property(p => p.DonorEmail).HasMaxLength(320);
        builder.Property(p => p.CollectionPoint).HasMaxLength(200);
        builder.Property(p => p.Culture).HasMaxLength(10);
        builder.HasIndex(p => p.NeedItemId);
        builder.HasOne<NeedItem>().WithMany().HasForeignKey(p => p.NeedItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Shipment>().WithMany().HasForeignKey(p => p.ShipmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ShipmentConfiguration : IEntityTypeConfiguration<Shipment>
{
    public void Configure(EntityTypeBuilder<Shipment> builder)
    {
        builder.ToTable("aid_shipments");
        builder.Property(s => s.Carrier).HasMaxLength(200);
        builder.Property(s => s.TrackingReference).HasMaxLength(200);
        builder.Property(s => s.Currency).HasMaxLength(3).IsFixedLength();
        builder.Property(s => s.ArrivalNotes).HasMaxLength(2000);
        builder.HasIndex(s => s.AidDriveId);
        builder.HasOne<AidDrive>().WithMany().HasForeignKey(s => s.AidDriveId).OnDelete(DeleteBehavior.Restrict);
    }
}
