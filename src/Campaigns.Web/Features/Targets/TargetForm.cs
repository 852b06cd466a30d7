using System.ComponentModel.DataAnnotations;
using Campaigns.Web.Domain.Targets;

namespace Campaigns.Web.Features.Targets;

public sealed class TargetForm
{
    [Required(ErrorMessage = "Enter the name.")]
    [StringLength(200)]
    [Display(Name = "Name")]
    public string Name { get; set; } = "";

    [StringLength(200)]
    [Display(Name = "Title")]
    public string? Title { get; set; }

    [StringLength(300)]
    [Display(Name = "Institution")]
    public string? Institution { get; set; }

    public TargetKind Kind { get; set; }

    [RegularExpression("^[A-Za-z]{2}$", ErrorMessage = "Use the two-letter country code, such as HN or CO.")]
    [Display(Name = "Country")]
    public string? CountryCode { get; set; }

    [StringLength(1000)]
    [Display(Name = "Postal address")]
    public string? PostalAddress { get; set; }

    [EmailAddress(ErrorMessage = "Enter a valid email address.")]
    [StringLength(320)]
    [Display(Name = "Email")]
    public string? Email { get; set; }

    [StringLength(50)]
    [Display(Name = "Phone")]
    public string? Phone { get; set; }

    [StringLength(200)]
    [Display(Name = "Salutation")]
    public string? Salutation { get; set; }

    /// <summary>The language letters to the target are written in, when the campaign has it; the salutation is in it.</summary>
    [RegularExpression("^(en|es|fr)$", ErrorMessage = "Choose a language from the list.")]
    [Display(Name = "Language of letters")]
    public string? Language { get; set; }

    /// <summary>For elected representatives: the district or constituency they answer to.</summary>
    public Guid? DistrictId { get; set; }

    [Display(Name = "Term starts")]
    public DateOnly? TermStartsOn { get; set; }

    [Display(Name = "Term ends")]
    public DateOnly? TermEndsOn { get; set; }
}

public sealed record TargetRow(Guid Id, string Name, string Title, string Institution, TargetKind Kind, string CountryCode, string? Email, bool InOffice);

public sealed record TargetEditModel(Guid? Id, TargetForm Form, IReadOnlyList<DistrictChoice>? Districts = null);

public sealed record DistrictChoice(Guid Id, string CountryCode, string Name);
