namespace Campaigns.Web.Domain.Assistance;

/// <summary>A skill an assistance request asks for: required, or nice to have.</summary>
public sealed class RequestSkill
{
    public Guid RequestId { get; set; }

    public Guid SkillId { get; set; }

    public bool Required { get; set; }

    public SkillLevel MinimumLevel { get; set; } = SkillLevel.Working;
}

public sealed class RequestLanguage
{
    public Guid RequestId { get; set; }

    public required string LanguageCode { get; set; }

    public CefrLevel MinimumLevel { get; set; } = CefrLevel.B2;
}
