using System.ComponentModel.DataAnnotations;

namespace Campaigns.Web.Features.Coalitions;

public sealed class SignForm
{
    [Required(ErrorMessage = "Enter the name of the organisation.")]
    [StringLength(200)]
    [Display(Name = "Organisation")]
    public string OrganisationName { get; set; } = "";

    [RegularExpression("^[A-Za-z]{2}$", ErrorMessage = "Use the two-letter country code, such as HN or CO.")]
    [Display(Name = "Country")]
    public string? CountryCode { get; set; }

    [Required(ErrorMessage = "Enter your name.")]
    [StringLength(200)]
    [Display(Name = "Your name")]
    public string SignerName { get; set; } = "";

    [Required(ErrorMessage = "Enter your email address.")]
    [EmailAddress(ErrorMessage = "Enter a valid email address.")]
    [StringLength(320)]
    [Display(Name = "Your email")]
    public string SignerEmail { get; set; } = "";

    /// <summary>The version the signatory read; a newer one published meanwhile must be read first.</summary>
    [Range(1, int.MaxValue)]
    public int VersionNumber { get; set; }

    public bool ListPublicly { get; set; }
}
