using System.ComponentModel.DataAnnotations;
using Campaigns.Web.Domain.Programmes;

namespace Campaigns.Web.Features.Tours.Admin;

public sealed class TourForm
{
    [Required(ErrorMessage = "Enter the tour's title.")]
    [StringLength(200)]
    [Display(Name = "Title")]
    public string Title { get; set; } = "";

    [StringLength(4000)]
    [Display(Name = "Summary")]
    public string? Summary { get; set; }

    [Required(ErrorMessage = "Choose the partner organisation.")]
    [Display(Name = "Partner organisation")]
    public string PartnerSlug { get; set; } = "";

    [Required(ErrorMessage = "Enter the first day of the tour.")]
    [Display(Name = "First day")]
    public DateOnly? StartsOn { get; set; }

    [Required(ErrorMessage = "Enter the last day of the tour.")]
    [Display(Name = "Last day")]
    public DateOnly? EndsOn { get; set; }

    [Display(Name = "Status")]
    public ProgrammeStatus Status { get; set; } = ProgrammeStatus.Draft;

    [Required(ErrorMessage = "Enter the budget currency.")]
    [RegularExpression("^[A-Za-z]{3}$", ErrorMessage = "Use the three-letter currency code, such as EUR.")]
    [Display(Name = "Budget currency")]
    public string BudgetCurrency { get; set; } = "EUR";

    public List<Guid> SpeakerIds { get; set; } = [];
}
