namespace Campaigns.Web.Infrastructure.Reminders;

/// <summary>
/// "Send this reminder <see cref="OffsetMinutes"/> from the anchor time of each occurrence in
/// <see cref="ScopeId"/>, to the audience of <see cref="Kind"/>." A coordinator switches it on or off, moves the
/// offset and adds their own text; what an occurrence, its anchor and its audience are is up to the
/// <see cref="IReminderAudience"/> registered for the kind.
/// </summary>
public sealed class ReminderRule
{
    public Guid Id { get; set; }

    /// <summary>The audience provider's key, e.g. "tour-event-attendees".</summary>
    public required string Kind { get; set; }

    /// <summary>What the rule is configured for (a tour, a drive...); the provider decides what it means.</summary>
    public Guid ScopeId { get; set; }

    /// <summary>Negative: before the anchor; positive: after it.</summary>
    public int OffsetMinutes { get; set; }

    public bool Enabled { get; set; } = true;

    /// <summary>The coordinator's own words, added to the template.</summary>
    public string? CustomText { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// Goes out however late the engine runs: <see cref="RemindersOptions.CatchUp"/> does not apply. For escalations
    /// that must not be lost to an outage, such as a missed safety check-in. Nothing bounds such a rule's occurrences
    /// by time, so its audience leaves out the occurrences it has already dealt with.
    /// </summary>
    public bool NeverDropped { get; set; }

    public TimeSpan Offset => TimeSpan.FromMinutes(OffsetMinutes);
}
