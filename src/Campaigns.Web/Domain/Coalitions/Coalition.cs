using Campaigns.Web.Domain.Programmes;

namespace Campaigns.Web.Domain.Coalitions;

/// <summary>A transnational network around a sector or issue, held together by its points of unity.</summary>
public sealed class Coalition
{
    public Guid Id { get; set; }

    public required string Slug { get; set; }

    public required string Name { get; set; }

    /// <summary>The sector or issue, e.g. "labour" or "land rights".</summary>
    public string Sector { get; set; } = "";

    public string Purpose { get; set; } = "";

    public ProgrammeStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
