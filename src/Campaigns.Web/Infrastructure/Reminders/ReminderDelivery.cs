namespace Campaigns.Web.Infrastructure.Reminders;

/// <summary>
/// The proof that one person got one reminder for one occurrence. Its unique key (rule, occurrence, person) is what
/// makes the engine send at most once, whatever runs twice.
/// </summary>
public sealed class ReminderDelivery
{
    public Guid Id { get; set; }

    public Guid RuleId { get; set; }

    public Guid OccurrenceId { get; set; }

    /// <summary>The provider's stable key for the person, e.g. "rsvp:{id}" or "user:{id}"; never an email address.</summary>
    public required string PersonKey { get; set; }

    public Guid? EmailId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
