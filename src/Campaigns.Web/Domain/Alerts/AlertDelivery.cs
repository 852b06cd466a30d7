namespace Campaigns.Web.Domain.Alerts;

/// <summary>
/// One recipient of one send. Marked sent right after the SMTP server accepts the message; its id is the
/// message's Message-ID, so a copy sent again after a crash (the one in flight) is recognisable as the same message.
/// </summary>
public sealed class AlertDelivery
{
    public Guid Id { get; set; }

    public Guid AlertSendId { get; set; }

    public Guid SubscriberId { get; set; }

    public int Chunk { get; set; }

    /// <summary>How many runs took this row; above one with no <see cref="SentAt"/> means a run stopped mid-way.</summary>
    public int Attempts { get; set; }

    public DateTimeOffset? ClaimedAt { get; set; }

    /// <summary>The run sending this row now; cleared when that run ends, kept (with a stale ClaimedAt) when it died.</summary>
    public Guid? ClaimId { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>Set when retries ran out, or when the address was suppressed or unsubscribed by send time.</summary>
    public DateTimeOffset? FailedAt { get; set; }

    public string? LastError { get; set; }
}
