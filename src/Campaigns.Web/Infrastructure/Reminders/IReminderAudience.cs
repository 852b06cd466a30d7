using Campaigns.Web.Infrastructure.Email;

namespace Campaigns.Web.Infrastructure.Reminders;

/// <summary>
/// What a programme plugs into the engine, once per <see cref="Kind"/>: the occurrences a rule's scope has (each
/// with its anchor time), who should hear about each, and the email they get. Queries are returned unexecuted so the
/// engine can filter by due time and leave out people already reminded in the database.
/// </summary>
public interface IReminderAudience
{
    string Kind { get; }

    /// <summary>Every occurrence under the rule's scope, e.g. the confirmed events of a tour with their start times.</summary>
    IQueryable<ReminderOccurrence> Occurrences(ReminderRule rule);

    /// <summary>Everyone who should get the rule's reminder for one occurrence.</summary>
    IQueryable<ReminderRecipient> Recipients(ReminderRule rule, Guid occurrenceId);

    /// <summary>The email for one recipient; <see cref="ReminderRule.CustomText"/> belongs in it.</summary>
    Task<EmailMessage> ComposeAsync(ReminderRule rule, Guid occurrenceId, ReminderRecipient recipient, CancellationToken cancellationToken);
}

/// <summary>
/// An audience whose occurrences repeat without an end date (a safety check-in every N hours), so they cannot all be
/// written in advance: the engine asks it to write those due by now before it looks for due occurrences. Must be
/// safe to run twice or on two nodes at once.
/// </summary>
public interface IRecurringReminderAudience : IReminderAudience
{
    /// <summary>Writes the occurrences under the rule's scope whose anchor is at or before <paramref name="until"/>.</summary>
    Task WriteDueOccurrencesAsync(ReminderRule rule, DateTimeOffset until, CancellationToken cancellationToken);
}

/// <summary>Settable properties rather than a constructor, so EF can keep composing queries over the projection.</summary>
public sealed class ReminderOccurrence
{
    public Guid Id { get; init; }

    public DateTimeOffset AnchorAt { get; init; }
}

public sealed class ReminderRecipient
{
    public required string PersonKey { get; init; }

    public required string Email { get; init; }

    public string? Name { get; init; }

    public string Culture { get; init; } = "en";
}
