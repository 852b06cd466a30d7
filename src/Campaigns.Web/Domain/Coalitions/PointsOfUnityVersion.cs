namespace Campaigns.Web.Domain.Coalitions;

/// <summary>
/// One version of a coalition's points of unity. Versions are never edited once published: an organisation
/// signs a precise text, and the next change is a new version.
/// </summary>
public sealed class PointsOfUnityVersion
{
    public Guid Id { get; set; }

    public Guid CoalitionId { get; set; }

    /// <summary>1, 2, 3… within the coalition; the highest is the current one.</summary>
    public int Number { get; set; }

    public required string Text { get; set; }

    /// <summary>What changed and why, in the coordinator's words.</summary>
    public string ChangeNote { get; set; } = "";

    public DateTimeOffset PublishedAt { get; set; }
}
