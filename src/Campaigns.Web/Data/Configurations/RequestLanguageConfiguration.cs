using Campaigns.Web.Domain.Assistance;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Campaigns.Web.Data.Configurations;

internal sealed class RequestLanguageConfiguration : IEntityTypeConfiguration<RequestLanguage>
{
    public void Configure(EntityTypeBuilder<RequestLanguage> builder)
    {
        builder.ToTable("assistance_request_languages");
        builder.HasKey(l => new { l.RequestId, l.LanguageCode });
        builder.Property(l => l.LanguageCode).HasMaxLength(2);
    }
}
