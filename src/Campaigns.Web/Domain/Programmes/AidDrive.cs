namespace Campaigns.Web.Domain.Programmes;

/// <summary>A drive for money or goods a partner asked for. The material-aid issue adds donations and pledges.</summary>
public sealed class AidDrive
{
    public Guid Id { get; set; }

    public required string Title { get; set; }

    public required string Slug { get; set; }

    public string Story { get; set; } = "";

    public Guid PartnerOrganisationId { get; set; }

    /// <summary>Minor units (cents), so sums are exact.</summary>
    public long GoalAmountMinor { get; set; }

    /// <summary>ISO 4217, upper case.</summary>
    public required string Currency { get; set; }

    public DateOnly StartsOn { get; set; }

    public DateOnly? EndsOn { get; set; }

    public ProgrammeStatus Status { get; set; }
}
