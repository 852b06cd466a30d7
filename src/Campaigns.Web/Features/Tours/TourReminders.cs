using Campaigns.Web.Data;
using Campaigns.Web.Domain.Programmes;
using Campaigns.Web.Domain.Tours;
using Campaigns.Web.Features.Tours.Emails;
using Campaigns.Web.Infrastructure.Email;
using Campaigns.Web.Infrastructure.Reminders;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Tours;

/// <summary>The reminder kinds tours plug into the engine; a rule's scope is a tour.</summary>
public static class TourReminderKinds
{
    /// <summary>Before an event, to everyone with a confirmed place; anchored on the start.</summary>
    public const string EventAttendees = "tour-event-attendees";

    /// <summary>After an event, to those the coordinator marked as attended; anchored on the end.</summary>
    public const string EventFeedback = "tour-event-feedback";

    /// <summary>Before a volunteer shift, to everyone signed up for it; anchored on the shift's start.</summary>
    public const string ShiftVolunteers = "tour-shift-volunteers";

    /// <summary>When a stop is confirmed, to supporters in its city who opted in; anchored on the confirmation.</summary>
    public const string OutreachInvite = "tour-outreach-invite";

    /// <summary>Before the event, once, to those invited who have not replied.</summary>
    public const string OutreachNudge = "tour-outreach-nudge";

    /// <summary>Rules a new tour starts with; the coordinator can switch them off or move them.</summary>
    public static IEnumerable<ReminderRule> Defaults(Guid tourId, DateTimeOffset now) =>
    [
        new ReminderRule { Id = Guid.CreateVersion7(now), Kind = EventAttendees, ScopeId = tourId, OffsetMinutes = -24 * 60, CreatedAt = now },
        new ReminderRule { Id = Guid.CreateVersion7(now), Kind = EventFeedback, ScopeId = tourId, OffsetMinutes = 24 * 60, CreatedAt = now },
        new ReminderRule { Id = Guid.CreateVersion7(now), Kind = ShiftVolunteers, ScopeId = tourId, OffsetMinutes = -24 * 60, CreatedAt = now },
        new ReminderRule { Id = Guid.CreateVersion7(now), Kind = OutreachInvite, ScopeId = tourId, OffsetMinutes = 0, CreatedAt = now },
        new ReminderRule { Id = Guid.CreateVersion7(now), Kind = OutreachNudge, ScopeId = tourId, OffsetMinutes = -3 * 24 * 60, CreatedAt = now },
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

public sealed class ShiftVolunteersAudience(CampaignsDbContext db, TourLinks links) : IReminderAudience
{
    public string Kind => TourReminderKinds.ShiftVolunteers;

    public IQueryable<ReminderOccurrence> Occurrences(ReminderRule rule) =>
        db.StopShifts.Where(sh => EventAttendeesAudience.ConfirmedStops(db, rule).Any(s => s.Id == sh.StopId))
            .Select(sh => new ReminderOccurrence { Id = sh.Id, AnchorAt = sh.StartsAt });

    public IQueryable<ReminderRecipient> Recipients(ReminderRule rule, Guid occurrenceId) =>
        db.ShiftSignups.Where(x => x.ShiftId == occurrenceId)
            .Join(db.Users, x => x.UserId, u => u.Id, (x, u) => new ReminderRecipient { PersonKey = "user:" + u.Id.ToString(), Email = u.Email!, Name = u.DisplayName, Culture = "en" });

    public async Task<EmailMessage> ComposeAsync(ReminderRule rule, Guid occurrenceId, ReminderRecipient recipient, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(recipient);
        var shift = await db.StopShifts.AsNoTracking().Where(sh => sh.Id == occurrenceId)
            .Join(db.TourStops, sh => sh.StopId, s => s.Id, (sh, s) => new { sh, s })
            .Join(db.Tours, x => x.s.TourId, t => t.Id, (x, t) => new { x.sh, x.s, t.Slug, t.Title })
            .SingleAsync(cancellationToken);
        var model = new ShiftEmailModel(
            recipient.Name ?? "", shift.sh.Role, shift.Title, shift.s.City, shift.s.VenueName, shift.s.VenueAddress,
            TimeZones.ToLocal(shift.sh.StartsAt, shift.s.TimeZoneId), shift.s.TimeZoneId,
            links.Tour(shift.Slug) + $"/stops/{shift.s.Slug}/shifts", rule.CustomText);
        return new EmailMessage(recipient.Email, recipient.Name, "Reminder: your volunteer shift", "Tours/Emails/ShiftReminder", model, recipient.Culture);
    }
}
