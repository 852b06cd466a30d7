namespace Campaigns.Web.Domain.Tours;

/// <summary>One event of a tour: a city, a venue, a time in the venue's time zone, a host, a budget.</summary>
public sealed class TourStop
{
    public Guid Id { get; set; }

    public Guid TourId { get; set; }

    /// <summary>Unique within the tour: the event page is /tours/{tour}/events/{slug}.</summary>
    public required string Slug { get; set; }

    public required string City { get; set; }

    public required string CountryCode { get; set; }

    /// <summary>The region or province, so outreach reaches supporters in nearby towns, not only the city itself.</summary>
    public string Region { get; set; } = "";

    /// <summary>Where the venue is, in degrees; optional. With both ends known, the travel-day rule uses distance.</summary>
    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public required string VenueName { get; set; }

    public string VenueAddress { get; set; } = "";

    /// <summary>Stored in UTC; shown in <see cref="TimeZoneId"/>.</summary>
    public DateTimeOffset StartsAt { get; set; }

    public DateTimeOffset EndsAt { get; set; }

    /// <summary>An IANA zone, e.g. "Europe/Madrid".</summary>
    public required string TimeZoneId { get; set; }

    public string HostOrganisation { get; set; } = "";

    public string HostContactName { get; set; } = "";

    public string? HostContactEmail { get; set; }

    /// <summary>The volunteer who proposed the stop and may edit it.</summary>
    public Guid? HostUserId { get; set; }

    public int Capacity { get; set; }

    /// <summary>Confirmed RSVPs; kept on the row so a conditional update can enforce capacity atomically.</summary>
    public int ConfirmedCount { get; set; }

    public string Language { get; set; } = "";

    /// <summary>e.g. "Spanish to English, whispered"; empty when none is needed.</summary>
    public string Interpretation { get; set; } = "";

    public long TravelCostMinor { get; set; }

    public long VenueCostMinor { get; set; }

    public long HonorariumMinor { get; set; }

    public StopStatus Status { get; set; }

    /// <summary>When a coordinator confirmed it: the anchor of the outreach invitations.</summary>
    public DateTimeOffset? ConfirmedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public long BudgetTotalMinor => TravelCostMinor + VenueCostMinor + HonorariumMinor;
}
