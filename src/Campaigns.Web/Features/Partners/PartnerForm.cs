using System.ComponentModel.DataAnnotations;
using Campaigns.Web.Domain.Partners;

namespace Campaigns.Web.Features.Partners;

public sealed class PartnerForm
{
    [Required(ErrorMessage = "Enter the organisation's name.")]
    [StringLength(200)]
    [Display(Name = "Name")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Enter the name the public may see.")]
    [StringLength(200)]
    [Display(Name = "Public name")]
    public string PublicName { get; set; } = "";

    [Required(ErrorMessage = "Enter the two-letter country code.")]
    [RegularExpression("^[A-Za-z]{2}$", ErrorMessage = "Use the two-letter country code, such as HN or CO.")]
    [Display(Name = "Country")]
    public string CountryCode { get; set; } = "";

    [Required(ErrorMessage = "Enter the sector.")]
    [StringLength(100)]
    [Display(Name = "Sector")]
    public string Sector { get; set; } = "";

    [StringLength(4000)]
    [Display(Name = "Description")]
    public string? Description { get; set; }

    [Display(Name = "Profile")]
    public ProfileVisibility Visibility { get; set; } = ProfileVisibility.Protected;
}

public sealed class PartnerContactForm
{
    [Required(ErrorMessage = "Enter a name or pseudonym.")]
    [StringLength(200)]
    [Display(Name = "Name or pseudonym")]
    public string Name { get; set; } = "";

    [StringLength(200)]
    [Display(Name = "Role")]
    public string? Role { get; set; }

    [EmailAddress(ErrorMessage = "Enter a valid email address.")]
    [StringLength(320)]
    [Display(Name = "Email")]
    public string? Email { get; set; }

    [StringLength(50)]
    [Display(Name = "Phone")]
    public string? Phone { get; set; }
}
