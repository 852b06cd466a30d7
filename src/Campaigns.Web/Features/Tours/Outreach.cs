using Campaigns.Web.Data;
using Campaigns.Web.Domain.Tours;
using Campaigns.Web.Features.Tours.Emails;
using Campaigns.Web.Infrastructure.Email;
using Campaigns.Web.Infrastructure.Reminders;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Tours;

/// <summary>
/// Outreach is two reminder rules per tour: an invitation when a stop is confirmed (anchored on its confirmation,
/// offset 0) to supporters who opted in and live in that city or region, and one nudge before the event to those invited who
/// have not replied. The engine's delivery rows make each at most once per person.
/// </summary>
public sealed class OutreachInviteAudience(CampaignsDbContext db, TourLinks links) : IReminderAudience
{
    public string Kind => TourReminderKinds.OutreachInvite;

    public IQueryable<ReminderOccurrence> Occurrences(ReminderRule rule) =>
        EventAttendeesAudience.ConfirmedStops(db, rule).Where(s => s.ConfirmedAt != null)
            .Select(s => new ReminderOccurrence { Id = s.Id, AnchorAt = s.ConfirmedAt!.Value });

    public IQueryable<ReminderRecipient> Recipients(ReminderRule rule, Guid occurrenceId) => Near(db, occurrenceId);

    public Task<EmailMessage> ComposeAsync(ReminderRule rule, Guid occurrenceId, ReminderRecipient recipient, CancellationToken cancellationToken) =>
        OutreachEmail.ComposeAsync(db, links, rule, occurrenceId, recipient, nudge: false, cancellationToken);

    /// <summary>
    /// Opted-in supporters in the stop's country whose city or region is the stop's, without an RSVP to it yet.
    /// </summary>
    internal static IQueryable<ReminderRecipient> Near(CampaignsDbContext db, Guid stopId) =>
        db.EventInvitationPreferences
            .Where(p => db.TourStops.Any(s => s.Id == stopId && s.CountryCode == p.CountryCode
                && (s.City.ToLower() == p.City.ToLower() || (s.Region != "" && s.Region.ToLower() == p.Region.ToLower()))))
            .Join(db.Users, p => p.UserId, u => u.Id, (p, u) => new { p, u })
            .Where(x => !db.Rsvps.Any(r => r.StopId == stopId && r.EmailKey == x.u.Email!.ToLower()))
            .Select(x => new ReminderRecipient { PersonKey = "user:" + x.u.Id.ToString(), Email = x.u.Email!, Name = x.u.DisplayName, Culture = x.p.Culture });
}

public sealed class OutreachNudgeAudience(CampaignsDbContext db, TourLinks links) : IReminderAudience
{
    public string Kind => TourReminderKinds.OutreachNudge;

    public IQueryable<ReminderOccurrence> Occurrences(ReminderRule rule) =>
        EventAttendeesAudience.ConfirmedStops(db, rule).Select(s => new ReminderOccurrence { Id = s.Id, AnchorAt = s.StartsAt });

    /// <summary>Only people the invitation reached, who still have not replied.</summary>
    public IQueryable<ReminderRecipient> Recipients(ReminderRule rule, Guid occurrenceId)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var tourId = rule.ScopeId;
        return OutreachInviteAudience.Near(db, occurrenceId)
            .Where(r => db.ReminderDeliveries.Any(d => d.OccurrenceId == occurrenceId && d.PersonKey == r.PersonKey
                && db.ReminderRules.Any(x => x.Id == d.RuleId && x.ScopeId == tourId && x.Kind == TourReminderKinds.OutreachInvite)));
    }

    public Task<EmailMessage> ComposeAsync(ReminderRule rule, Guid occurrenceId, ReminderRecipient recipient, CancellationToken cancellationToken) =>
        OutreachEmail.ComposeAsync(db, links, rule, occurrenceId, recipient, nudge: true, cancellationToken);
}

internal static class OutreachEmail
{
    public static async Task<EmailMessage> ComposeAsync(CampaignsDbContext db, TourLinks links, ReminderRule rule, Guid stopId, ReminderRecipient recipient, bool nudge, CancellationToken cancellationToken)
    {
        var e = await db.TourStops.AsNoTracking().Where(s => s.Id == stopId)
            .Join(db.Tours, s => s.TourId, t => t.Id, (s, t) => new { s, t.Slug, t.Title })
            .SingleAsync(cancellationToken);
        var model = new EventEmailModel(
            nudge ? EventEmailKind.OutreachNudge : EventEmailKind.OutreachInvite, recipient.Name ?? "", e.Title, e.s.City, e.s.VenueName,
            e.s.VenueAddress, TimeZones.ToLocal(e.s.StartsAt, e.s.TimeZoneId), e.s.TimeZoneId, links.Event(e.Slug, e.s.Slug),
            links.EventCalendar(e.Slug, e.s.Slug), null, rule.CustomText, links.InvitationPreferences());
        var userId = Guid.Parse(recipient.PersonKey["user:".Length..]);
        return new EmailMessage(
            recipient.Email, recipient.Name, EventEmailModel.Subject(model.Kind), "Tours/Emails/EventEmail", model, recipient.Culture,
            OneClickUnsubscribeUrl: links.StopInvitations(userId));
    }
}
