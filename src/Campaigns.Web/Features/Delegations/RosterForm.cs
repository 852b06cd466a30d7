using System.ComponentModel.DataAnnotations;
using Campaigns.Web.Domain.Delegations;

namespace Campaigns.Web.Features.Delegations;

public sealed class RosterForm
{
    [Required(ErrorMessage = "Enter a title.")]
    [StringLength(200)]
    [Display(Name = "Title")]
    public string Title { get; set; } = "";

    [StringLength(4000)]
    [Display(Name = "Purpose")]
    public string? Purpose { get; set; }

    [Required(ErrorMessage = "Enter the city.")]
    [StringLength(100)]
    [Display(Name = "City")]
    public string City { get; set; } = "";

    [Required(ErrorMessage = "Enter the two-letter country code.")]
    [RegularExpression("^[A-Za-z]{2}$", ErrorMessage = "Use the two-letter country code, such as HN or CO.")]
    [Display(Name = "Country")]
    public string CountryCode { get; set; } = "";

    [Display(Name = "Partner organisation")]
    public string? PartnerSlug { get; set; }

    [Required(ErrorMessage = "Enter the first day.")]
    [Display(Name = "First day")]
    public DateOnly? StartsOn { get; set; }

    [Required(ErrorMessage = "Enter the last day.")]
    [Display(Name = "Last day")]
    public DateOnly? EndsOn { get; set; }

    [StringLength(20000)]
    [Display(Name = "Briefing")]
    public string? BriefingText { get; set; }

    [Display(Name = "Status")]
    public RosterStatus Status { get; set; } = RosterStatus.Open;

    public List<RoleInput> Roles { get; set; } = [];
}

public sealed class RoleInput
{
    public Guid? Id { get; set; }

    [StringLength(100)]
    public string? Name { get; set; }

    public int? Needed { get; set; }
}
