using System.ComponentModel.DataAnnotations;

namespace Campaigns.Web.Features.Tours.Admin;

public sealed class SpeakerForm
{
    [Required(ErrorMessage = "Enter a name or a public pseudonym.")]
    [StringLength(200)]
    [Display(Name = "Name or public pseudonym")]
    public string DisplayName { get; set; } = "";

    /// <summary>Set by the controller, never bound: the editor has no need-to-know, so stored contacts stay.</summary>
    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
    public bool KeepProtected { get; set; }

    [Display(Name = "Partner organisation")]
    public string? PartnerSlug { get; set; }

    [StringLength(200)]
    [Display(Name = "Languages")]
    public string? Languages { get; set; }

    [StringLength(500)]
    [Display(Name = "Topics")]
    public string? Topics { get; set; }

    [StringLength(4000)]
    [Display(Name = "Bio")]
    public string? Bio { get; set; }

    [Url(ErrorMessage = "Enter a full web address, starting with https://.")]
    [StringLength(500)]
    [Display(Name = "Photo address (optional)")]
    public string? PhotoUrl { get; set; }

    [EmailAddress(ErrorMessage = "Enter a valid email address.")]
    [StringLength(320)]
    [Display(Name = "Contact email")]
    public string? ContactEmail { get; set; }

    [StringLength(50)]
    [Display(Name = "Contact phone")]
    public string? ContactPhone { get; set; }

    [StringLength(2000)]
    [Display(Name = "Travel documents")]
    public string? TravelDocuments { get; set; }
}
