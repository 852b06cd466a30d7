namespace Campaigns.Web.Domain.Aid;

/// <summary>
/// One donor's gift or promise to a drive. What counts in the totals is the ledger, not this row: a donation
/// gets ledger entries when money arrives (and reversing ones when it goes back).
/// </summary>
public sealed class Donation
{
    public Guid Id { get; set; }

    public Guid AidDriveId { get; set; }

    public DonationSource Source { get; set; }

    public DonationFrequency Frequency { get; set; }

    public DonationStatus Status { get; set; }

    public long AmountMinor { get; set; }

    public required string Currency { get; set; }

    /// <summary>Null when the donor gave anonymously.</summary>
    public string? DonorName { get; set; }

    public string? DonorEmail { get; set; }

    /// <summary>Off unless the donor ticked it; the public ledger names only these donors.</summary>
    public bool ShowNamePublicly { get; set; }

    /// <summary>The donor's language, for the emails we send them.</summary>
    public string Culture { get; set; } = "en";

    /// <summary>Unguessable key in the thank-you page's address; the donor's only handle before they have an account.</summary>
    public required string AccessKey { get; set; }

    /// <summary>Card, bank transfer, cash, cheque…</summary>
    public string Channel { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public string? StripeCheckoutSessionId { get; set; }

    public string? StripePaymentIntentId { get; set; }

    public string? StripeSubscriptionId { get; set; }

    public string? StripeCustomerId { get; set; }

    public string? Note { get; set; }

    /// <summary>
    /// The coalition co-sponsor whose share link brought the donor; null without one. Kept on this row, so every
    /// later payment of a monthly gift counts for the same member.
    /// </summary>
    public Guid? ViaMemberId { get; set; }
}

public enum DonationSource
{
    Checkout = 0,
    Pledge = 1,
    Offline = 2,
}

public enum DonationFrequency
{
    OneTime = 0,
    Monthly = 1,
}

public enum DonationStatus
{
    /// <summary>Sent to Checkout; nothing counts until Stripe confirms.</summary>
    AwaitingPayment = 0,

    /// <summary>Promised by transfer or cash; a coordinator marks it received.</summary>
    Pledged = 1,

    Paid = 2,

    Failed = 3,

    /// <summary>A monthly gift that stopped; what was paid before still counts.</summary>
    Ended = 4,

    Refunded = 5,
}
