namespace Campaigns.Web.Domain.Lobbying;

/// <summary>
/// A supporter's contact with a target: a letter the platform sent, or a call or visit they report with what the
/// target said. The outcomes over time make the target scorecard.
/// </summary>
public sealed class LobbyingContact
{
    public Guid Id { get; set; }

    public Guid CampaignId { get; set; }

    public Guid TargetId { get; set; }

    public ContactKind Kind { get; set; }

    /// <summary>Only calls and visits have one; a letter's answer comes later, if at all.</summary>
    public ContactOutcome? Outcome { get; set; }

    public Guid? DistrictId { get; set; }

    public required string SupporterName { get; set; }

    /// <summary>Kept for letters only (the reply-to of the letter); never shown publicly.</summary>
    public string? SupporterEmail { get; set; }

    /// <summary>Coalition member the supporter came through ("?via="), for joint campaigns.</summary>
    public Guid? ViaMemberId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

public enum ContactKind
{
    Letter = 0,
    Call = 1,
    Visit = 2,
}

public enum ContactOutcome
{
    Supportive = 0,
    Opposed = 1,
    Undecided = 2,
    NoAnswer = 3,
}
