namespace Campaigns.Web.Domain.Programmes;

/// <summary>A tour of speakers from a partner movement: an ordered route of stops (see Domain/Tours).</summary>
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

    /// <summary>ISO 4217; every budget line of the tour's stops is in it, in minor units.</summary>
    public string BudgetCurrency { get; set; } = "EUR";

    public List<Tours.Speaker> Speakers { get; set; } = [];

    public List<Tours.TourStop> Stops { get; set; } = [];
}
