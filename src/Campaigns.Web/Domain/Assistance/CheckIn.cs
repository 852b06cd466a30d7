namespace Campaigns.Web.Domain.Assistance;

/// <summary>
/// How often a volunteer on an on-site assignment confirms they are safe. One per deployment; the shared reminder
/// engine runs it (a rule asking the volunteer, a rule alerting the coordinator, both scoped to the deployment).
/// </summary>
public sealed class CheckInSchedule
{
    public Guid DeploymentId { get; set; }

    public int EveryHours { get; set; }

    /// <summary>How long after a check-in falls due before the coordinator is alerted.</summary>
    public int GraceHours { get; set; }

    /// <summary>The next check-in to write: every <see cref="EveryHours"/> from the start of the assignment.</summary>
    public DateTimeOffset NextDueAt { get; set; }

    public bool Active { get; set; }

    /// <summary>The coordinator who set the schedule and is alerted when a check-in is missed.</summary>
    public Guid CoordinatorId { get; set; }
}

/// <summary>
/// One due check-in, the occurrence both reminder rules are anchored on: unique per (deployment, due time), so a job
/// run twice never makes two. SentAt and EscalatedAt are written with the engine's delivery rows.
/// </summary>
public sealed class CheckIn
{
    public Guid Id { get; set; }

    public Guid DeploymentId { get; set; }

    public DateTimeOffset DueAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public DateTimeOffset? ConfirmedAt { get; set; }

    public DateTimeOffset? EscalatedAt { get; set; }
}
