namespace Campaigns.Web.Domain.Programmes;

/// <summary>Expertise a partner asked for, in its own words. The technical-assistance issue adds skills and matching.</summary>
public sealed class AssistanceRequest
{
    public Guid Id { get; set; }

    public required string Title { get; set; }

    public required string Slug { get; set; }

    public string Summary { get; set; } = "";

    public Guid PartnerOrganisationId { get; set; }

    public DateOnly? StartsOn { get; set; }

    public DateOnly? EndsOn { get; set; }

    public ProgrammeStatus Status { get; set; }
}
