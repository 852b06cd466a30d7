using Campaigns.Web.Domain.Library;
using Campaigns.Web.Domain.Partners;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Campaigns.Web.Data.Configurations;

internal sealed class LibraryItemConfiguration : IEntityTypeConfiguration<LibraryItem>
{
    public void Configure(EntityTypeBuilder<LibraryItem> builder)
    {
        builder.ToTable("library_items");
        builder.Property(i => i.Slug).HasMaxLength(80);
        builder.HasIndex(i => i.Slug).IsUnique();
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Title).HasMaxLength(300);
        builder.Property(i => i.Description).HasMaxLength(4000);
        builder.Property(i => i.Url).HasMaxLength(1000);
        builder.Property(i => i.StoredFile).HasMaxLength(100);
        builder.Property(i => i.Language).HasMaxLength(100);
        builder.Property(i => i.Subtitles).HasMaxLength(200);
        builder.Property(i => i.CountryCode).HasMaxLength(2);
        builder.Property(i => i.Topics).HasMaxLength(500);
        builder.HasOne<PartnerOrganisation>().WithMany().HasForeignKey(i => i.PartnerOrganisationId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(i => i.Tours).WithMany().UsingEntity("library_item_tours");
    }
}
