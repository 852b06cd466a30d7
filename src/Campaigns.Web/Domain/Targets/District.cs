namespace Campaigns.Web.Domain.Targets;

/// <summary>
/// An electoral district or constituency of one country. Supporters pick theirs from this list to find their
/// representatives; it is kept by hand, so no outside look-up service learns where a supporter lives.
/// </summary>
public sealed class District
{
    public Guid Id { get; set; }

    /// <summary>ISO 3166 two-letter code, upper case.</summary>
    public required string CountryCode { get; set; }

    public required string Name { get; set; }
}
