namespace Campaigns.Web.Domain.Library;

public enum LibraryItemKind
{
    Video,
    Publication,
    Report,
}

/// <summary>A video, publication or partner report people can watch or read before they come to an event.</summary>
public sealed class LibraryItem
{
    public Guid Id { get; set; }

    public required string Slug { get; set; }

    public LibraryItemKind Kind { get; set; }

    public required string Title { get; set; }

    public string Description { get; set; } = "";

    /// <summary>Where it lives elsewhere (a video platform, a partner's site); null when a PDF was uploaded.</summary>
    public string? Url { get; set; }

    /// <summary>The uploaded PDF's stored file name, under the library folder.</summary>
    public string? StoredFile { get; set; }

    /// <summary>The language it is in, e.g. "Spanish".</summary>
    public string Language { get; set; } = "";

    /// <summary>Subtitle languages of a video, e.g. "English, French"; empty when none.</summary>
    public string Subtitles { get; set; } = "";

    public Guid? PartnerOrganisationId { get; set; }

    public string CountryCode { get; set; } = "";

    /// <summary>Comma-separated tags.</summary>
    public string Topics { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public List<Programmes.SpeakerTour> Tours { get; set; } = [];
}
