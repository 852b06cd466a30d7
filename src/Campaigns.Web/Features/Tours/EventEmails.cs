using Campaigns.Web.Data;
using Campaigns.Web.Domain.Tours;
using Campaigns.Web.Features.Tours.Calendar;
using Campaigns.Web.Features.Tours.Emails;
using Campaigns.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Tours;

/// <summary>Builds the emails about one event for one person, in that person's language.</summary>
public sealed class EventEmails(CampaignsDbContext db, EmailQueue emails, TourLinks links, TimeProvider clock)
{
    private readonly Dictionary<Guid, EventFacts> facts = [];

    public async Task<EmailMessage> ComposeAsync(Guid stopId, Guid rsvpId, string name, string email, string culture, EventEmailKind kind, string? customText, CancellationToken cancellationToken)
    {
        if (!facts.TryGetValue(stopId, out var e))
        {
            e = await db.TourStops.AsNoTracking().Where(s => s.Id == stopId)
                .Join(db.Tours, s => s.TourId, t => t.Id, (s, t) => new EventFacts(
                    t.Slug, t.Title, s.Slug, s.City, s.VenueName, s.VenueAddress, s.StartsAt, s.EndsAt, s.TimeZoneId))
                .SingleAsync(cancellationToken);
            facts[stopId] = e;
        }

        var cancelUrl = kind is EventEmailKind.RsvpConfirmed or EventEmailKind.RsvpWaitlisted or EventEmailKind.RsvpPromoted or EventEmailKind.Reminder
            ? links.CancelRsvp(e.TourSlug, e.StopSlug, rsvpId)
            : null;
        var model = new EventEmailModel(
            kind, name, e.TourTitle, e.City, e.VenueName, e.VenueAddress, TimeZones.ToLocal(e.StartsAt, e.TimeZoneId), e.TimeZoneId,
            links.Event(e.TourSlug, e.StopSlug), links.EventCalendar(e.TourSlug, e.StopSlug), cancelUrl, customText);
        // Those who have a place get the event itself to add to their calendar, the same event the feed serves.
        var calendar = kind is EventEmailKind.RsvpConfirmed or EventEmailKind.RsvpPromoted
            ? new EmailAttachment("event.ics", "text/calendar; method=PUBLISH; charset=utf-8", IcsWriter.Write(e.TourTitle, [new IcsEvent(
                $"{stopId:N}@campaigns-tours", e.StartsAt, e.EndsAt, $"{e.TourTitle}: {e.City}", "",
                $"{e.VenueName}, {e.VenueAddress}, {e.City}", links.Event(e.TourSlug, e.StopSlug), "CONFIRMED")], clock.GetUtcNow()))
            : null;
        return new EmailMessage(email, name, EventEmailModel.Subject(kind), "Tours/Emails/EventEmail", model, culture, calendar);
    }

    public async Task QueueAsync(Rsvp rsvp, EventEmailKind kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rsvp);
        var message = await ComposeAsync(rsvp.StopId, rsvp.Id, rsvp.Name, rsvp.Email, rsvp.Culture, kind, null, cancellationToken);
        await emails.QueueAsync(message, "tours-" + kind, cancellationToken);
    }

    private sealed record EventFacts(string TourSlug, string TourTitle, string StopSlug, string City, string VenueName, string VenueAddress, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string TimeZoneId);
}
