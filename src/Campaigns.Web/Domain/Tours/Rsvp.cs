namespace Campaigns.Web.Domain.Tours;

public enum RsvpStatus
{
    Confirmed,
    Waitlisted,
    Cancelled,
}

/// <summary>Someone coming to an event, or waiting for a place; the waitlist is served in <see cref="CreatedAt"/> order.</summary>
public sealed class Rsvp
{
    public Guid Id { get; set; }

    public Guid StopId { get; set; }

    public required string Name { get; set; }

    public required string Email { get; set; }

    /// <summary>Lower-cased, for the one-RSVP-per-address rule.</summary>
    public required string EmailKey { get; set; }

    /// <summary>Accessibility or interpretation needs, in the person's words.</summary>
    public string? Needs { get; set; }

    public string Culture { get; set; } = "en";

    public RsvpStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? CancelledAt { get; set; }

    /// <summary>Recorded by the coordinator after the event; the feedback email goes to those who came.</summary>
    public bool? Attended { get; set; }

    /// <summary>The coalition co-sponsor of the tour whose share link ("?via=") brought the person; null otherwise.</summary>
    public Guid? ViaMemberId { get; set; }
}
