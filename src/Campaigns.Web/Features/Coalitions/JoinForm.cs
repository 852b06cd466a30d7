using System.ComponentModel.DataAnnotations;

namespace Campaigns.Web.Features.Coalitions;

public sealed class JoinForm
{
    [Required(ErrorMessage = "Enter your name.")]
    [StringLength(200)]
    [Display(Name = "Your name")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Enter your email address.")]
    [EmailAddress(ErrorMessage = "Enter a valid email address.")]
    [StringLength(320)]
    [Display(Name = "Your email")]
    public string Email { get; set; } = "";

    /// <summary>Slug of the co-sponsoring member whose link brought the supporter.</summary>
    public string? Via { get; set; }

    public bool ShareWithAllSponsors { get; set; }
}
