using Campaigns.Web.Infrastructure.Protection;
using Campaigns.Web.Domain.Partners;
using Campaigns.Web.Domain.Programmes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Campaigns.Web.Data.Configurations;

internal sealed class UrgentActionConfiguration : IEntityTypeConfiguration<UrgentAction>
{
    public void Configure(EntityTypeBuilder<UrgentAction> builder)
    {
        builder.ToTable("urgent_actions");
        builder.Property(a => a.CaseReference).HasMaxLength(50);
        builder.HasIndex(a => a.CaseReference).IsUnique();
        builder.Property(a => a.Title).HasMaxLength(200);
        builder.Property(a => a.Slug).HasMaxLength(80);
        builder.HasIndex(a => a.Slug).IsUnique();
        builder.Property(a => a.Summary).HasMaxLength(4000);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.PeopleAtRisk).HasMaxLength(2000);
        builder.Property(a => a.ProtectedDetails).IsProtected();
        builder.Property(a => a.WhatToDo).HasMaxLength(4000);
        builder.Property(a => a.LetterSubject).HasMaxLength(300);
        builder.Property(a => a.LetterTemplate).HasMaxLength(8000);
        builder.Property(a => a.Tags).HasMaxLength(1000);
        builder.HasOne<PartnerOrganisation>().WithMany().HasForeignKey(a => a.PartnerOrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
