namespace Campaigns.Web.Domain.Alerts;

/// <summary>What an activist did for an urgent action: a letter, an email, a call, a visit.</summary>
public sealed class ActionTaken
{
    public Guid Id { get; set; }

    public Guid UrgentActionId { get; set; }

    /// <summary>Null when someone acted from the public page without a personal link.</summary>
    public Guid? SubscriberId { get; set; }

    public ActionKind Kind { get; set; }

    public Guid? TargetId { get; set; }

    /// <summary>The coalition co-sponsor whose share link brought the activist; null without one.</summary>
    public Guid? ViaMemberId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

public enum ActionKind
{
    Letter = 0,
    Email = 1,
    Call = 2,
    Visit = 3,
}
