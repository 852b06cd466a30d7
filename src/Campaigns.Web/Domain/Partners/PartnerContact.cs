namespace Campaigns.Web.Domain.Partners;

/// <summary>A contact person in a partner movement. Never shown on public pages.</summary>
public sealed class PartnerContact
{
    public Guid Id { get; set; }

    public Guid PartnerOrganisationId { get; set; }

    /// <summary>A pseudonym is enough; coordinators need a way to address the person, not their legal name.</summary>
    public required string Name { get; set; }

    public string? Role { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }
}
