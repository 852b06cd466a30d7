namespace Campaigns.Web.Domain.Tours;

/// <summary>A volunteer role at an event for a time slot: "two greeters, 18:00–19:30".</summary>
public sealed class StopShift
{
    public Guid Id { get; set; }

    public Guid StopId { get; set; }

    /// <summary>Greeter, interpreter, driver, book table...</summary>
    public required string Role { get; set; }

    public DateTimeOffset StartsAt { get; set; }

    public DateTimeOffset EndsAt { get; set; }

    public int Needed { get; set; }

    /// <summary>Sign-ups so far; a conditional update against <see cref="Needed"/> keeps a shift from overfilling.</summary>
    public int Taken { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class ShiftSignup
{
    public Guid Id { get; set; }

    public Guid ShiftId { get; set; }

    public Guid UserId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
