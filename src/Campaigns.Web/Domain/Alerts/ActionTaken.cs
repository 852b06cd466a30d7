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

    /// <summary>
    /// Who acted, so one person counts once per action and kind: "subscriber:{id}" (the signed link of an alert),
    /// "user:{id}" (a signed-in account) or "browser:{id}" (a signed cookie); for an email the platform sent, the
    /// target too, since each official gets one. A unique index makes a repeat, even a concurrent one, a no-op.
    /// Null on rows from before it existed.
    /// </summary>
    public string? OnceKey { get; set; }

    public static string KeyFor(string participant, ActionKind kind, Guid? targetId) =>
        kind == ActionKind.Email ? $"{participant}>{targetId:N}" : participant;
}

public enum ActionKind
{
    Letter = 0,
    Email = 1,
    Call = 2,
    Visit = 3,
}
