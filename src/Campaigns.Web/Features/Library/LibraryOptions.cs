using System.ComponentModel.DataAnnotations;

namespace Campaigns.Web.Features.Library;

public sealed class LibraryOptions
{
    public const string Section = "Library";

    /// <summary>Where uploaded PDFs are kept, relative to the content root unless absolute.</summary>
    [Required]
    public string Folder { get; set; } = "App_Data/library";

    [Range(1, 200)]
    public int MaxUploadMegabytes { get; set; } = 20;
}
