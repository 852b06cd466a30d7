namespace Campaigns.Web.Domain.Alerts;

/// <summary>What happened after an urgent action: an outcome, or a reply from a target.</summary>
public sealed class AlertOutcome
{
    public Guid Id { get; set; }

    public Guid UrgentActionId { get; set; }

    public OutcomeKind Kind { get; set; }

    public Guid? TargetId { get; set; }

    public required string Text { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}

public enum OutcomeKind
{
    Outcome = 0,
    TargetReply = 1,
}
