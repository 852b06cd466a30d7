namespace Campaigns.Web.Domain.Programmes;

/// <summary>An urgent action of the alert network. The alert-network issue adds targets, sends and actions.</summary>
public sealed class UrgentAction
{
    public Guid Id { get; set; }

    public required string CaseReference { get; set; }

    public required string Title { get; set; }

    public required string Slug { get; set; }

    public string Summary { get; set; } = "";

    public Guid? PartnerOrganisationId { get; set; }

    public DateOnly IssuedOn { get; set; }

    public DateOnly? Deadline { get; set; }

    public ProgrammeStatus Status { get; set; }
}
