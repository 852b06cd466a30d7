namespace Campaigns.Web.Domain.Coalitions;

/// <summary>
/// An organisation that signed a coalition's points of unity. Public pages show it only when it agreed to be
/// listed and a coordinator approved the sign-on (a public form cannot vouch for who filled it in).
/// </summary>
public sealed class CoalitionMember
{
    public Guid Id { get; set; }

    public Guid CoalitionId { get; set; }

    public required string OrganisationName { get; set; }

    /// <summary>Readable key within the coalition, used in "?via=" links that attribute supporters to the member.</summary>
    public required string Slug { get; set; }

    public string CountryCode { get; set; } = "";

    /// <summary>The partner organisation this member is, when it is one: its Partner-role users may then see its supporters.</summary>
    public Guid? PartnerOrganisationId { get; set; }

    /// <summary>The language its signatory used ("en", "es", "fr"): re-affirmation requests are written in it.</summary>
    public string Language { get; set; } = "en";

    public bool ListPublicly { get; set; }

    public bool Approved { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<Endorsement> Endorsements { get; set; } = [];
}
