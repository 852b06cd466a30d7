namespace Campaigns.Web.Domain.Aid;

/// <summary>One line of the partner's needs list for a drive: what they asked for, in their words.</summary>
public sealed class NeedItem
{
    public Guid Id { get; set; }

    public Guid AidDriveId { get; set; }

    public required string Item { get; set; }

    public int Quantity { get; set; }

    public required string Unit { get; set; }

    public NeedPriority Priority { get; set; }

    public string Notes { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}

public enum NeedPriority
{
    Low = 0,
    Normal = 1,
    High = 2,
    Urgent = 3,
}

/// <summary>A donor's promise of goods against one need; a coordinator records when it reaches the collection point.</summary>
public sealed class GoodsPledge
{
    public Guid Id { get; set; }

    public Guid NeedItemId { get; set; }

    public int Quantity { get; set; }

    public string? DonorName { get; set; }

    public required string DonorEmail { get; set; }

    public DateTimeOffset PledgedAt { get; set; }

    public DateTimeOffset? ReceivedAt { get; set; }

    public string? CollectionPoint { get; set; }

    /// <summary>The donor's language when they pledged, for the emails about their goods.</summary>
    public string Culture { get; set; } = "en";

    public Guid? ShipmentId { get; set; }
}

/// <summary>Received goods sent together to the partner; each step is timestamped.</summary>
public sealed class Shipment
{
    public Guid Id { get; set; }

    public Guid AidDriveId { get; set; }

    public required string Carrier { get; set; }

    public string TrackingReference { get; set; } = "";

    /// <summary>Declared customs value, minor units.</summary>
    public long CustomsValueMinor { get; set; }

    public required string Currency { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ShippedAt { get; set; }

    public DateTimeOffset? ArrivedAt { get; set; }

    public string? ArrivalNotes { get; set; }

    public Guid? ArrivalConfirmedByUserId { get; set; }
}
