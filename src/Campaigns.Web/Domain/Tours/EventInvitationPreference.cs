namespace Campaigns.Web.Domain.Tours;

/// <summary>
/// A supporter's yes to "invite me to tour events near me": only a city, a country and a language, nothing more.
/// Saying no again deletes the row.
/// </summary>
public sealed class EventInvitationPreference
{
    public Guid UserId { get; set; }

    public required string City { get; set; }

    public required string CountryCode { get; set; }

    public string Culture { get; set; } = "en";

    public DateTimeOffset UpdatedAt { get; set; }
}
