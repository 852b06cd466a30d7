namespace Campaigns.Web.Domain.Assistance;

/// <summary>A group in the shared skills taxonomy, such as "Health" or "Digital security".</summary>
public sealed class SkillCategory
{
    public Guid Id { get; set; }

    public required string Slug { get; set; }

    public required string Name { get; set; }

    public List<Skill> Skills { get; set; } = [];
}

public sealed class Skill
{
    public Guid Id { get; set; }

    public Guid CategoryId { get; set; }

    public required string Slug { get; set; }

    public required string Name { get; set; }
}
