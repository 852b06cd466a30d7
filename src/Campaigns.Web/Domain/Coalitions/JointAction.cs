namespace Campaigns.Web.Domain.Coalitions;

/// <summary>
/// An urgent action, aid drive or speaker tour that several coalition members co-sponsor. Each sees the combined
/// counters and its own contribution; supporters stay with the member they signed up through.
/// </summary>
public sealed class JointAction
{
    public Guid Id { get; set; }

    public Guid CoalitionId { get; set; }

    public JointActionKind Kind { get; set; }

    /// <summary>Slug of the urgent action, drive or tour.</summary>
    public required string ProgrammeSlug { get; set; }

    public required string Title { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<JointActionSponsor> Sponsors { get; set; } = [];
}

public enum JointActionKind
{
    UrgentAction = 0,
    AidDrive = 1,
    SpeakerTour = 2,
}

public sealed class JointActionSponsor
{
    public Guid JointActionId { get; set; }

    public Guid MemberId { get; set; }
}

/// <summary>
/// Someone who joined a joint action through one co-sponsor ("?via=member"). Consent is per organisation: the
/// other co-sponsors see this person only when <see cref="ShareWithAllSponsors"/> was ticked.
/// </summary>
public sealed class JointActionSupporter
{
    public Guid Id { get; set; }

    public Guid JointActionId { get; set; }

    /// <summary>The co-sponsor the supporter came through; null when no member link was used.</summary>
    public Guid? ViaMemberId { get; set; }

    public required string Name { get; set; }

    public required string Email { get; set; }

    public bool ShareWithAllSponsors { get; set; }

    public required string ConsentText { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
