namespace Campaigns.Web.Domain.Tours;

/// <summary>
/// A supporter's yes to "invite me to tour events near me": only a city, a region, a country and a language, nothing more.
/// Saying no again deletes the row.
/// </summary>
public sealed class EventInvitationPreference
{
    public Guid UserId { get; set; }

    public required string City { get; set; }

    public required string CountryCode { get; set; }

    /// <summary>Optional: events anywhere in this region (same country) are near too.</summary>
    public string Region { get; set; } = "";

    public string Culture { get; set; } = "en";

    public DateTimeOffset UpdatedAt { get; set; }
}
