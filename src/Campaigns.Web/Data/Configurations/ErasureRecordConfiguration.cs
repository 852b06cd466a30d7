using Campaigns.Web.Domain.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Campaigns.Web.Data.Configurations;

internal sealed class ErasureRecordConfiguration : IEntityTypeConfiguration<ErasureRecord>
{
    public void Configure(EntityTypeBuilder<ErasureRecord> builder)
    {
        builder.ToTable("erasure_records");
        builder.Property(e => e.EmailHash).HasMaxLength(80);
        builder.Property(e => e.ProtectedEmail).HasMaxLength(2000);
        builder.Property(e => e.Culture).HasMaxLength(10);
        builder.HasIndex(e => e.EmailHash);
    }
}
