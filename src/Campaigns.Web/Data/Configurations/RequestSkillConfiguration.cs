using Campaigns.Web.Domain.Assistance;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Campaigns.Web.Data.Configurations;

internal sealed class RequestSkillConfiguration : IEntityTypeConfiguration<RequestSkill>
{
    public void Configure(EntityTypeBuilder<RequestSkill> builder)
    {
        builder.ToTable("assistance_request_skills");
        builder.HasKey(s => new { s.RequestId, s.SkillId });
        builder.HasOne<Skill>().WithMany().HasForeignKey(s => s.SkillId).OnDelete(DeleteBehavior.Restrict);
    }
}
