namespace Campaigns.Web.Domain.Partners;

/// <summary>
/// A partner movement abroad. It defines its own needs; every programme answers to one.
/// </summary>
public sealed class PartnerOrganisation
{
    public Guid Id { get; set; }

    /// <summary>The organisation's own name; shown publicly only when <see cref="Visibility"/> is public.</summary>
    public required string Name { get; set; }

    /// <summary>The name the public sees when the profile is protected.</summary>
    public required string PublicName { get; set; }

    public required string Slug { get; set; }

    /// <summary>ISO 3166-1 alpha-2 country code.</summary>
    public required string CountryCode { get; set; }

    public required string Sector { get; set; }

    public string Description { get; set; } = "";

    public ProfileVisibility Visibility { get; set; } = ProfileVisibility.Protected;

    public List<PartnerContact> Contacts { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>What a page anyone can read may say about this partner.</summary>
    public string DisplayName => Visibility == ProfileVisibility.Public ? Name : PublicName;
}
