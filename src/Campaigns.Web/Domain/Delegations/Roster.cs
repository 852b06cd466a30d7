namespace Campaigns.Web.Domain.Delegations;

/// <summary>
/// A delegation or accompaniment: who is needed, where and when. Its place and dates can endanger the people
/// accompanied, so nothing about it is public; only signed-in people see open rosters.
/// </summary>
public sealed class Roster
{
    public Guid Id { get; set; }

    public required string Slug { get; set; }

    public required string Title { get; set; }

    public string Purpose { get; set; } = "";

    public required string City { get; set; }

    public required string CountryCode { get; set; }

    public Guid? PartnerOrganisationId { get; set; }

    /// <summary>Midnight UTC of the first day; the briefing reminder is anchored on it.</summary>
    public DateTimeOffset StartsAt { get; set; }

    /// <summary>Midnight UTC of the last day.</summary>
    public DateTimeOffset EndsAt { get; set; }

    /// <summary>Staff-only until sent to those approved.</summary>
    public string BriefingText { get; set; } = "";

    public RosterStatus Status { get; set; } = RosterStatus.Open;

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The coordinator who opened the roster: the one alerted when someone misses a check-in.</summary>
    public Guid? CoordinatorId { get; set; }

    public List<RosterRole> Roles { get; set; } = [];
}

public enum RosterStatus
{
    Open,
    Closed,
}

public sealed class RosterRole
{
    public Guid Id { get; set; }

    public Guid RosterId { get; set; }

    public required string Name { get; set; }

    public int Needed { get; set; }

    /// <summary>Approved places, counted so approval can claim one with a conditional update.</summary>
    public int Approved { get; set; }
}

public sealed class RosterApplication
{
    public Guid Id { get; set; }

    public Guid RosterId { get; set; }

    public Guid RoleId { get; set; }

    public Guid UserId { get; set; }

    public ApplicationStatus Status { get; set; } = ApplicationStatus.Pending;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }
}

public enum ApplicationStatus
{
    Pending,
    Approved,
    Declined,
}

/// <summary>One day of a roster: the occurrence the daily safety check-in reminder is anchored on (midnight UTC).</summary>
public sealed class RosterDay
{
    public Guid Id { get; set; }

    public Guid RosterId { get; set; }

    public DateTimeOffset AnchorAt { get; set; }
}

/// <summary>"I am safe" from one approved member for one day.</summary>
public sealed class RosterCheckIn
{
    public Guid Id { get; set; }

    public Guid RosterDayId { get; set; }

    public Guid UserId { get; set; }

    public DateTimeOffset ConfirmedAt { get; set; }
}
