using System.ComponentModel.DataAnnotations;
using Campaigns.Web.Domain.Library;

namespace Campaigns.Web.Features.Library.Admin;

public sealed class LibraryItemForm
{
    [Display(Name = "Type")]
    public LibraryItemKind Kind { get; set; } = LibraryItemKind.Video;

    [Required(ErrorMessage = "Enter the title.")]
    [StringLength(300)]
    [Display(Name = "Title")]
    public string Title { get; set; } = "";

    [StringLength(4000)]
    [Display(Name = "Description")]
    public string? Description { get; set; }

    [Url(ErrorMessage = "Enter a full web address, starting with https://.")]
    [StringLength(1000)]
    [Display(Name = "Link")]
    public string? Url { get; set; }

    [Required(ErrorMessage = "Enter the language.")]
    [StringLength(100)]
    [Display(Name = "Language")]
    public string Language { get; set; } = "";

    [StringLength(200)]
    [Display(Name = "Subtitles")]
    public string? Subtitles { get; set; }

    [Display(Name = "Partner organisation")]
    public string? PartnerSlug { get; set; }

    [RegularExpression("^[A-Za-z]{2}$", ErrorMessage = "Use the two-letter country code, such as HN or CO.")]
    [Display(Name = "Country")]
    public string? CountryCode { get; set; }

    [StringLength(500)]
    [Display(Name = "Topics")]
    public string? Topics { get; set; }

    public List<Guid> TourIds { get; set; } = [];

    [Display(Name = "PDF file")]
    public IFormFile? Pdf { get; set; }
}
