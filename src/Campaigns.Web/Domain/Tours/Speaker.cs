namespace Campaigns.Web.Domain.Tours;

/// <summary>
/// Someone from a partner movement who speaks on tours. Public pages show <see cref="DisplayName"/> (a name or a
/// pseudonym), languages, topics, bio and photo; contact details and travel documents are for coordinators only.
/// </summary>
public sealed class Speaker
{
    public Guid Id { get; set; }

    public required string Slug { get; set; }

    /// <summary>A name or a public pseudonym: the speaker chooses.</summary>
    public required string DisplayName { get; set; }

    public Guid? PartnerOrganisationId { get; set; }

    /// <summary>Comma-separated, e.g. "Spanish, English".</summary>
    public string Languages { get; set; } = "";

    public string Topics { get; set; } = "";

    public string Bio { get; set; } = "";

    public string? PhotoUrl { get; set; }

    // Coordinators only from here; stored encrypted (Features/Tours/Admin/SpeakerSecrets).
    public string? ContactEmail { get; set; }

    public string? ContactPhone { get; set; }

    /// <summary>Passport and visa notes for the invitation letter; never shown publicly.</summary>
    public string? TravelDocuments { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<Programmes.SpeakerTour> Tours { get; set; } = [];
}
