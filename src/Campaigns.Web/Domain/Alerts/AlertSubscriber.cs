namespace Campaigns.Web.Domain.Alerts;

/// <summary>
/// Someone who receives urgent actions by email. No account: they manage their subscription through signed links.
/// Nothing is sent to them until <see cref="ConfirmedAt"/> is set (double opt-in).
/// </summary>
public sealed class AlertSubscriber
{
    public Guid Id { get; set; }

    /// <summary>Lower-cased and trimmed, so one address is one subscriber.</summary>
    public required string Email { get; set; }

    public string? Name { get; set; }

    /// <summary>en, es or fr: the version of each alert they receive.</summary>
    public required string Language { get; set; }

    /// <summary>Topic codes as <see cref="TagList"/> (";land;latin-america;").</summary>
    public string Interests { get; set; } = "";

    public SubscriberStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ConfirmedAt { get; set; }

    /// <summary>The consent the person gave: the exact text shown, when, and from where.</summary>
    public required string ConsentText { get; set; }

    public DateTimeOffset ConsentAt { get; set; }

    public string? ConsentIp { get; set; }

    /// <summary>"form" or "import".</summary>
    public string Source { get; set; } = "form";

    public DateTimeOffset? UnsubscribedAt { get; set; }

    public bool CanReceive => Status == SubscriberStatus.Active;
}

public enum SubscriberStatus
{
    Pending = 0,
    Active = 1,
    Paused = 2,
    Unsubscribed = 3,
}
