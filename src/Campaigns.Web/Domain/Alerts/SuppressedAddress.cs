namespace Campaigns.Web.Domain.Alerts;

/// <summary>An address never to be sent to again: it bounced hard, complained, or a coordinator blocked it.</summary>
public sealed class SuppressedAddress
{
    /// <summary>Lower-cased address; the key.</summary>
    public required string Email { get; set; }

    public SuppressionReason Reason { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

public enum SuppressionReason
{
    HardBounce = 0,
    Complaint = 1,
    Manual = 2,
}
