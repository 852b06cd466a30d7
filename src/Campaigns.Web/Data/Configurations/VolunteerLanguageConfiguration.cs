using Campaigns.Web.Domain.Assistance;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Campaigns.Web.Data.Configurations;

internal sealed class VolunteerLanguageConfiguration : IEntityTypeConfiguration<VolunteerLanguage>
{
    public void Configure(EntityTypeBuilder<VolunteerLanguage> builder)
    {
        builder.ToTable("volunteer_languages");
        builder.HasKey(l => new { l.VolunteerId, l.LanguageCode });
        builder.Property(l => l.LanguageCode).HasMaxLength(2);
        builder.HasIndex(l => new { l.LanguageCode, l.Level });
    }
}
