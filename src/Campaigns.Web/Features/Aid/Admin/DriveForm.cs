using System.ComponentModel.DataAnnotations;
using Campaigns.Web.Domain.Programmes;

namespace Campaigns.Web.Features.Aid.Admin;

public sealed class DriveForm
{
    [Required(ErrorMessage = "Enter a title.")]
    [StringLength(200)]
    [Display(Name = "Title")]
    public string Title { get; set; } = "";

    [Required(ErrorMessage = "Choose the partner organisation.")]
    [Display(Name = "Partner organisation")]
    public string PartnerSlug { get; set; } = "";

    [StringLength(8000)]
    [Display(Name = "Story")]
    public string? Story { get; set; }

    [Required(ErrorMessage = "Enter the goal amount.")]
    [Display(Name = "Goal")]
    public string Goal { get; set; } = "";

    [Required(ErrorMessage = "Choose a currency.")]
    [Display(Name = "Currency")]
    public string Currency { get; set; } = "EUR";

    [Required(ErrorMessage = "Enter the start date.")]
    [Display(Name = "Starts on")]
    public DateOnly? StartsOn { get; set; }

    [Display(Name = "Ends on")]
    public DateOnly? EndsOn { get; set; }

    /// <summary>Major units separated by spaces or commas, e.g. "10 25 50".</summary>
    [StringLength(200)]
    [Display(Name = "Suggested amounts")]
    public string? SuggestedAmounts { get; set; }

    [Display(Name = "Minimum gift")]
    public string Minimum { get; set; } = "1";

    [Display(Name = "Maximum gift")]
    public string Maximum { get; set; } = "10000";

    [StringLength(4000)]
    [Display(Name = "How to pay by transfer or cash")]
    public string? PaymentInstructions { get; set; }

    public ProgrammeStatus Status { get; set; } = ProgrammeStatus.Draft;
}
