using System.ComponentModel.DataAnnotations;
using Campaigns.Web.Domain.Lobbying;

namespace Campaigns.Web.Features.Lobbying;

public sealed class LetterForm
{
    public Guid TargetId { get; set; }

    public Guid? DistrictId { get; set; }

    [Required(ErrorMessage = "Enter your name.")]
    [StringLength(200)]
    [Display(Name = "Your name")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Enter your email address.")]
    [EmailAddress(ErrorMessage = "Enter a valid email address.")]
    [StringLength(320)]
    [Display(Name = "Your email")]
    public string Email { get; set; } = "";

    public string? Language { get; set; }

    /// <summary>Coalition member whose link brought the supporter, for joint campaigns.</summary>
    public string? Via { get; set; }
}

public sealed class LogForm
{
    public Guid TargetId { get; set; }

    public Guid? DistrictId { get; set; }

    [Required(ErrorMessage = "Enter your name.")]
    [StringLength(200)]
    [Display(Name = "Your name")]
    public string Name { get; set; } = "";

    public ContactKind Kind { get; set; } = ContactKind.Call;

    public ContactOutcome? Outcome { get; set; }

    public string? Via { get; set; }
}
