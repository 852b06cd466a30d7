namespace Campaigns.Web.Domain.Alerts;

/// <summary>An issue or a region subscribers can follow; the coordinators keep the list.</summary>
public sealed class AlertTopic
{
    public Guid Id { get; set; }

    public required string Code { get; set; }

    public TopicKind Kind { get; set; }

    public required string Name { get; set; }
}

public enum TopicKind
{
    Issue = 0,
    Region = 1,
}
