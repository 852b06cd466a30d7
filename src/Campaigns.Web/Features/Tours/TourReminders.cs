using Campaigns.Web.Data;
using Campaigns.Web.Domain.Programmes;
using Campaigns.Web.Domain.Tours;
using Campaigns.Web.Features.Tours.Emails;
using Campaigns.Web.Infrastructure.Email;
using Campaigns.Web.Infrastructure.Reminders;

namespace Campaigns.Web.Features.Tours;

/// <summary>The reminder kinds tours plug into the engine; a rule's scope is a tour.</summary>
public static class TourReminderKinds
{
    /// <summary>Before an event, to everyone with a confirmed place; anchored on the start.</summary>
    public const string EventAttendees = "tour-event-attendees";

    /// <summary>After an event, to those the coordinator marked as attended; anchored on the end.</summary>
    public const string EventFeedback = "tour-event-feedback";

    /// <summary>Rules a new tour starts with; the coordinator can switch them off or move them.</summary>
    public static IEnumerable<ReminderRule> Defaults(Guid tourId, DateTimeOffset now) =>
    [
        new ReminderRule { Id = Guid.CreateVersion7(now), Kind = EventAttendees, ScopeId = tourId, OffsetMinutes = -24 * 60, CreatedAt = now },
        new ReminderRule { Id = Guid.CreateVersion7(now), Kind = EventFeedback, ScopeId = tourId, OffsetMinutes = 24 * 60, CreatedAt = now },
    ];
}

public sealed class EventAttendeesAudience(CampaignsDbContext db, EventEmails eventEmails) : IReminderAudience
{
    public string Kind => TourReminderKinds.EventAttendees;

    public IQueryable<ReminderOccurrence> Occurrences(ReminderRule rule) =>
        ConfirmedStops(db, rule).Select(s => new ReminderOccurrence { Id = s.Id, AnchorAt = s.StartsAt });

    public IQueryable<ReminderRecipient> Recipients(ReminderRule rule, Guid occurrenceId) =>
        db.Rsvps.Where(r => r.StopId == occurrenceId && r.Status == RsvpStatus.Confirmed)
            .Select(r => new ReminderRecipient { PersonKey = "rsvp:" + r.Id.ToString(), Email = r.Email, Name = r.Name, Culture = r.Culture });

    public Task<EmailMessage> ComposeAsync(ReminderRule rule, Guid occurrenceId, ReminderRecipient recipient, CancellationToken cancellationToken) =>
        eventEmails.ComposeAsync(occurrenceId, RsvpId(recipient), recipient.Name ?? "", recipient.Email, recipient.Culture, EventEmailKind.Reminder, rule.CustomText, cancellationToken);

    internal static IQueryable<TourStop> ConfirmedStops(CampaignsDbContext db, ReminderRule rule) =>
        db.TourStops.Where(s => s.TourId == rule.ScopeId && s.Status == StopStatus.Confirmed
            && db.Tours.Any(t => t.Id == s.TourId && t.Status == ProgrammeStatus.Live));

    internal static Guid RsvpId(ReminderRecipient recipient) => Guid.Parse(recipient.PersonKey["rsvp:".Length..]);
}

public sealed class EventFeedbackAudience(CampaignsDbContext db, EventEmails eventEmails) : IReminderAudience
{
    public string Kind => TourReminderKinds.EventFeedback;

    public IQueryable<ReminderOccurrence> Occurrences(ReminderRule rule) =>
        EventAttendeesAudience.ConfirmedStops(db, rule).Select(s => new ReminderOccurrence { Id = s.Id, AnchorAt = s.EndsAt });

    public IQueryable<ReminderRecipient> Recipients(ReminderRule rule, Guid occurrenceId) =>
        db.Rsvps.Where(r => r.StopId == occurrenceId && r.Status == RsvpStatus.Confirmed && r.Attended == true)
            .Select(r => new ReminderRecipient { PersonKey = "rsvp:" + r.Id.ToString(), Email = r.Email, Name = r.Name, Culture = r.Culture });

    public Task<EmailMessage> ComposeAsync(ReminderRule rule, Guid occurrenceId, ReminderRecipient recipient, CancellationToken cancellationToken) =>
        eventEmails.ComposeAsync(occurrenceId, EventAttendeesAudience.RsvpId(recipient), recipient.Name ?? "", recipient.Email, recipient.Culture, EventEmailKind.Feedback, rule.CustomText, cancellationToken);
}
