namespace Campaigns.Web.Domain.Aid;

/// <summary>
/// A Stripe event as received, stored once by its id before any processing. The raw payload is kept so a job
/// can process it later, again, or after a fix, and so nothing Stripe told us is ever lost.
/// </summary>
public sealed class StripeWebhookEvent
{
    public required string Id { get; set; }

    public required string Type { get; set; }

    public required string Payload { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>"webhook" or "reconciliation".</summary>
    public required string ReceivedVia { get; set; }

    public DateTimeOffset? ProcessedAt { get; set; }

    /// <summary>Set when the event could not be matched (an unknown session) or was odd; coordinators see these.</summary>
    public string? Flag { get; set; }
}
