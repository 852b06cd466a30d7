using Campaigns.Web.Domain.Programmes;

namespace Campaigns.Web.Domain.Lobbying;

/// <summary>
/// Legislative or international work toward officials: a goal ("co-sponsor resolution X"), the targets from the
/// directory, talking points, a letter per language and the moments that matter (votes, hearings, sessions).
/// </summary>
public sealed class LobbyingCampaign
{
    public Guid Id { get; set; }

    public required string Slug { get; set; }

    public required string Title { get; set; }

    public string Goal { get; set; } = "";

    public string TalkingPoints { get; set; } = "";

    public ProgrammeStatus Status { get; set; }

    /// <summary>The coalition running it, when it is a joint campaign.</summary>
    public Guid? CoalitionId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class LobbyingCampaignTarget
{
    public Guid CampaignId { get; set; }

    public Guid TargetId { get; set; }
}

/// <summary>The model letter in one language; "{salutation}" and "{name}" are filled in when sending.</summary>
public sealed class LobbyingLetter
{
    public Guid Id { get; set; }

    public Guid CampaignId { get; set; }

    /// <summary>"en", "es" or "fr".</summary>
    public required string Language { get; set; }

    public required string Subject { get; set; }

    public required string Body { get; set; }
}

public sealed class LobbyingMoment
{
    public Guid Id { get; set; }

    public Guid CampaignId { get; set; }

    public required string Title { get; set; }

    public MomentKind Kind { get; set; }

    public DateOnly On { get; set; }

    public string Notes { get; set; } = "";
}

public enum MomentKind
{
    Vote = 0,
    Hearing = 1,
    Session = 2,
    Other = 3,
}
