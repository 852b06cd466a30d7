using Campaigns.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Campaigns.Web.Data.Configurations;

internal sealed class QueuedEmailConfiguration : IEntityTypeConfiguration<QueuedEmail>
{
    public void Configure(EntityTypeBuilder<QueuedEmail> builder)
    {
        builder.ToTable("queued_emails");
        builder.Property(e => e.ToAddress).HasMaxLength(320);
        builder.Property(e => e.ToName).HasMaxLength(200);
        builder.Property(e => e.Subject).HasMaxLength(300);
        builder.Property(e => e.Kind).HasMaxLength(100);
        builder.Property(e => e.LastError).HasMaxLength(1000);
        builder.Property(e => e.AttachmentName).HasMaxLength(200);
        builder.Property(e => e.AttachmentContentType).HasMaxLength(100);
        builder.Property(e => e.OneClickUnsubscribeUrl).HasMaxLength(1000);
        builder.Property(e => e.ReplyToAddress).HasMaxLength(320);
        builder.Property(e => e.ReplyToName).HasMaxLength(200);

        // The retry sweep looks for unsent mail by age.
        builder.HasIndex(e => new { e.SentAt, e.CreatedAt });
    }
}
