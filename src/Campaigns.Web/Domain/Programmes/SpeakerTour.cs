namespace Campaigns.Web.Domain.Programmes;

/// <summary>A tour of speakers from a partner movement. The speaker-tours issue adds speakers and stops.</summary>
public sealed class SpeakerTour
{
    public Guid Id { get; set; }

    public required string Title { get; set; }

    public required string Slug { get; set; }

    public string Summary { get; set; } = "";

    public Guid PartnerOrganisationId { get; set; }

    public DateOnly StartsOn { get; set; }

    public DateOnly EndsOn { get; set; }

    public ProgrammeStatus Status { get; set; }
}
