namespace Campaigns.Web.Domain.Coalitions;

/// <summary>An organisation's signature on one version of the points of unity: who signed, for whom, when.</summary>
public sealed class Endorsement
{
    public Guid Id { get; set; }

    public Guid MemberId { get; set; }

    public Guid VersionId { get; set; }

    public required string SignerName { get; set; }

    /// <summary>Where re-affirmation requests go; never shown on public pages.</summary>
    public required string SignerEmail { get; set; }

    public DateTimeOffset SignedAt { get; set; }
}
