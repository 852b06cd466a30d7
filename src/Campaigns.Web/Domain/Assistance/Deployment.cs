using Campaigns.Web.Domain.Programmes;

namespace Campaigns.Web.Domain.Assistance;

public enum DeploymentStatus
{
    Proposed = 0,
    Accepted = 1,
    Briefed = 2,
    OnAssignment = 3,
    Completed = 4,
    Declined = 5,
    Withdrawn = 6,
}

public enum DeploymentOrigin
{
    /// <summary>A coordinator proposed the volunteer from the matches.</summary>
    Proposed = 0,

    /// <summary>The volunteer offered themselves.</summary>
    Offered = 1,
}

/// <summary>
/// One volunteer on one request, from proposal or offer to completion. Every step keeps when and by whom; the
/// transitions live here so that no controller can skip the partner's acceptance.
/// </summary>
public sealed class Deployment
{
    public Guid Id { get; set; }

    public Guid RequestId { get; set; }

    public Guid VolunteerId { get; set; }

    public DeploymentOrigin Origin { get; set; }

    public DeploymentStatus Status { get; set; }

    public DateOnly? StartsOn { get; set; }

    public DateOnly? EndsOn { get; set; }

    public DateTimeOffset ProposedAt { get; set; }

    public Guid ProposedBy { get; set; }

    public DateTimeOffset? AcceptedAt { get; set; }

    public Guid? AcceptedBy { get; set; }

    public DateTimeOffset? DeclinedAt { get; set; }

    public Guid? DeclinedBy { get; set; }

    public DateTimeOffset? BriefedAt { get; set; }

    public Guid? BriefedBy { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public Guid? StartedBy { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public Guid? CompletedBy { get; set; }

    public DateTimeOffset? WithdrawnAt { get; set; }

    public Guid? WithdrawnBy { get; set; }

    public string HandoverReport { get; set; } = "";

    public DateTimeOffset? HandoverAt { get; set; }

    /// <summary>1 to 5, given by the partner after completion.</summary>
    public int? PartnerRating { get; set; }

    public string PartnerComment { get; set; } = "";

    public DateTimeOffset? RatedAt { get; set; }

    /// <summary>Deployments that hold the volunteer's time: they block another one over the same dates.</summary>
    public static readonly IReadOnlyList<DeploymentStatus> Holding = [DeploymentStatus.Accepted, DeploymentStatus.Briefed, DeploymentStatus.OnAssignment];

    public static bool IsOpen(DeploymentStatus status) => status is DeploymentStatus.Proposed or DeploymentStatus.Accepted or DeploymentStatus.Briefed or DeploymentStatus.OnAssignment;

    /// <summary>Whether two date ranges share a day; an open end runs forever.</summary>
    public static bool Overlaps(DateOnly? aStart, DateOnly? aEnd, DateOnly? bStart, DateOnly? bEnd) =>
        (aStart ?? DateOnly.MinValue) <= (bEnd ?? DateOnly.MaxValue) && (bStart ?? DateOnly.MinValue) <= (aEnd ?? DateOnly.MaxValue);

    public string? Accept(Guid by, DateTimeOffset now) => Step(DeploymentStatus.Proposed, DeploymentStatus.Accepted, now, by, "Only a proposed or offered volunteer can be accepted.");

    public string? Decline(Guid by, DateTimeOffset now) => Step(DeploymentStatus.Proposed, DeploymentStatus.Declined, now, by, "Only a proposed or offered volunteer can be declined.");

    public string? Brief(Guid by, DateTimeOffset now) => Step(DeploymentStatus.Accepted, DeploymentStatus.Briefed, now, by, "Only a volunteer the partner accepted can be briefed.");

    public string? Start(Guid by, DateTimeOffset now) => Step(DeploymentStatus.Briefed, DeploymentStatus.OnAssignment, now, by, "Only a briefed volunteer can start the assignment.");

    public string? Complete(Guid by, DateTimeOffset now) => Step(DeploymentStatus.OnAssignment, DeploymentStatus.Completed, now, by, "Only an assignment under way can be completed.");

    public string? Withdraw(Guid by, DateTimeOffset now)
    {
        if (!IsOpen(Status))
        {
            return "This deployment is already over.";
        }

        Status = DeploymentStatus.Withdrawn;
        WithdrawnAt = now;
        WithdrawnBy = by;
        return null;
    }

    private string? Step(DeploymentStatus from, DeploymentStatus to, DateTimeOffset now, Guid by, string refusal)
    {
        if (Status == DeploymentStatus.Withdrawn)
        {
            return "The volunteer has withdrawn.";
        }

        if (Status != from)
        {
            return refusal;
        }

        Status = to;
        switch (to)
        {
            case DeploymentStatus.Accepted: (AcceptedAt, AcceptedBy) = (now, by); break;
            case DeploymentStatus.Declined: (DeclinedAt, DeclinedBy) = (now, by); break;
            case DeploymentStatus.Briefed: (BriefedAt, BriefedBy) = (now, by); break;
            case DeploymentStatus.OnAssignment: (StartedAt, StartedBy) = (now, by); break;
            case DeploymentStatus.Completed: (CompletedAt, CompletedBy) = (now, by); break;
            default: throw new InvalidOperationException($"No step to {to}.");
        }

        return null;
    }

    /// <summary>Where the deployment's dates come from when it is created.</summary>
    public static (DateOnly? StartsOn, DateOnly? EndsOn) DatesOf(AssistanceRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return (request.StartsOn, request.EndsOn);
    }
}
