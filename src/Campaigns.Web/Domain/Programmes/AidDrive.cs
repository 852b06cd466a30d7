namespace Campaigns.Web.Domain.Programmes;

/// <summary>A drive for money or goods a partner asked for; donations and the ledger hang off it.</summary>
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

    /// <summary>Buttons on the donate page, in minor units of the drive's currency.</summary>
    public List<long> SuggestedAmountsMinor { get; set; } = [];

    public long MinimumAmountMinor { get; set; } = 100;

    public long MaximumAmountMinor { get; set; } = 1_000_000;

    /// <summary>Shown to donors who pledge to pay by transfer or cash (bank details, where to bring cash).</summary>
    public string PaymentInstructions { get; set; } = "";
}
