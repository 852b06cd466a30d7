using System.ComponentModel.DataAnnotations;
using Campaigns.Web.Domain.Lobbying;
using Campaigns.Web.Features.Targets;

namespace Campaigns.Web.Features.Lobbying;

/// <summary>A letter to one representative: the supporter's details and the model letter as they edited it.</summary>
public sealed class LetterForm : IValidatableObject
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

    /// <summary>The page language: the letter's when the campaign has no version in the representative's.</summary>
    public string? Language { get; set; }

    /// <summary>Coalition member whose link brought the supporter, for joint campaigns.</summary>
    public string? Via { get; set; }

    public string? Subject { get; set; }

    /// <summary>The letter as the supporter left it in the box; the salutation and their name are added around it.</summary>
    public string? Body { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (LetterWriter.Problem(Subject, Body) is { } problem)
        {
            yield return new ValidationResult(problem, [nameof(Body)]);
        }

        if (!string.IsNullOrWhiteSpace(Email) && !LetterWriter.IsSendableAddress(Email.Trim()))
        {
            yield return new ValidationResult("Enter a valid email address.", [nameof(Email)]);
        }

        if (Name.Any(char.IsControl))
        {
            yield return new ValidationResult("Enter your name on one line.", [nameof(Name)]);
        }
    }
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
