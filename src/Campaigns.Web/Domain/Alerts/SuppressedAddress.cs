namespace Campaigns.Web.Domain.Alerts;

/// <summary>An address never to be sent to again: it bounced hard or softly again and again, complained, or a coordinator blocked it.</summary>
public sealed class SuppressedAddress
{
    /// <summary>Lower-cased address; the key. For <see cref="SuppressionReason.Erased"/>, a hash of it instead.</summary>
    public required string Email { get; set; }

    public SuppressionReason Reason { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

public enum SuppressionReason
{
    HardBounce = 0,
    Complaint = 1,
    Manual = 2,

    /// <summary>The person asked to be forgotten: the row holds a hash of the address (see ErasureRecord.HashOf), not the address.</summary>
    Erased = 3,

    /// <summary>Soft bounces (4.x.x) reached <see cref="SoftBounce.Threshold"/> within <see cref="SoftBounce.Window"/>.</summary>
    SoftBounces = 4,
}
