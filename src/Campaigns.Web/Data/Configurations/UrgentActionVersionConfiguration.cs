using Campaigns.Web.Domain.Alerts;
using Campaigns.Web.Domain.Programmes;
using Campaigns.Web.Domain.Targets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Campaigns.Web.Data.Configurations;

internal sealed class UrgentActionVersionConfiguration : IEntityTypeConfiguration<UrgentActionVersion>
{
    public void Configure(EntityTypeBuilder<UrgentActionVersion> builder)
    {
        builder.ToTable("urgent_action_versions");
        builder.HasIndex(v => new { v.UrgentActionId, v.Language }).IsUnique();
        builder.Property(v => v.Language).HasMaxLength(5);
        builder.Property(v => v.Title).HasMaxLength(200);
        builder.Property(v => v.Summary).HasMaxLength(4000);
        builder.Property(v => v.PeopleAtRisk).HasMaxLength(2000);
        builder.Property(v => v.WhatToDo).HasMaxLength(4000);
        builder.Property(v => v.LetterSubject).HasMaxLength(300);
        builder.Property(v => v.LetterTemplate).HasMaxLength(8000);
        builder.HasOne<UrgentAction>().WithMany().HasForeignKey(v => v.UrgentActionId).OnDelete(DeleteBehavior.Cascade);
    }
}
