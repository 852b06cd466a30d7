using Campaigns.Web.Data;
using Campaigns.Web.Domain.Alerts;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Alerts.Subscribing;

/// <summary>What a subscriber does through a signed link: confirm, change preferences, pause, resume, leave.</summary>
public sealed class ManageSubscription(CampaignsDbContext db, TimeProvider clock, ILogger<ManageSubscription> logger)
{
    /// <summary>The second half of the double opt-in. Confirming twice is harmless.</summary>
    public async Task<bool> ConfirmAsync(Guid subscriberId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var confirmed = await db.AlertSubscribers.Where(s => s.Id == subscriberId && s.Status == SubscriberStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, SubscriberStatus.Active).SetProperty(x => x.ConfirmedAt, now), cancellationToken);
        if (confirmed > 0)
        {
            logger.LogInformation("Subscriber {SubscriberId} confirmed", subscriberId);
        }

        return confirmed > 0 || await db.AlertSubscribers.AnyAsync(s => s.Id == subscriberId && s.Status == SubscriberStatus.Active, cancellationToken);
    }

    public async Task<bool> SavePreferencesAsync(Guid subscriberId, PreferencesForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var known = await db.AlertTopics.Select(t => t.Code).ToListAsync(cancellationToken);
        var interests = TagList.From(form.Interests.Where(known.Contains));
        return await db.AlertSubscribers.Where(s => s.Id == subscriberId && s.Status != SubscriberStatus.Unsubscribed)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Language, form.Language).SetProperty(x => x.Interests, interests), cancellationToken) > 0;
    }

    public async Task<bool> PauseAsync(Guid subscriberId, bool pause, CancellationToken cancellationToken)
    {
        var from = pause ? SubscriberStatus.Active : SubscriberStatus.Paused;
        var to = pause ? SubscriberStatus.Paused : SubscriberStatus.Active;
        return await db.AlertSubscribers.Where(s => s.Id == subscriberId && s.Status == from)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, to), cancellationToken) > 0;
    }

    /// <summary>Takes effect at once: a chunk that has not reached this person yet skips them.</summary>
    public async Task<bool> UnsubscribeAsync(Guid subscriberId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var changed = await db.AlertSubscribers.Where(s => s.Id == subscriberId && s.Status != SubscriberStatus.Unsubscribed)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, SubscriberStatus.Unsubscribed).SetProperty(x => x.UnsubscribedAt, now), cancellationToken);
        if (changed > 0)
        {
            logger.LogInformation("Subscriber {SubscriberId} unsubscribed", subscriberId);
        }

        return changed > 0 || await db.AlertSubscribers.AnyAsync(s => s.Id == subscriberId, cancellationToken);
    }

    /// <summary>Everything held about the subscriber, for the download on the preferences page.</summary>
    public async Task<object?> ExportAsync(Guid subscriberId, CancellationToken cancellationToken)
    {
        var subscriber = await db.AlertSubscribers.AsNoTracking().SingleOrDefaultAsync(s => s.Id == subscriberId, cancellationToken);
        if (subscriber is null)
        {
            return null;
        }

        var actions = await db.ActionsTaken.AsNoTracking().Where(a => a.SubscriberId == subscriberId)
            .Join(db.UrgentActions, a => a.UrgentActionId, u => u.Id, (a, u) => new { UrgentAction = u.Slug, Kind = a.Kind.ToString(), a.CreatedAt })
            .ToListAsync(cancellationToken);
        var received = await db.AlertDeliveries.AsNoTracking().Where(d => d.SubscriberId == subscriberId && d.SentAt != null)
            .Join(db.AlertSends, d => d.AlertSendId, s => s.Id, (d, s) => new { s.UrgentActionId, Kind = s.Kind.ToString(), d.SentAt })
            .Join(db.UrgentActions, x => x.UrgentActionId, u => u.Id, (x, u) => new { UrgentAction = u.Slug, x.Kind, x.SentAt })
            .ToListAsync(cancellationToken);
        return new
        {
            subscriber.Email,
            subscriber.Name,
            subscriber.Language,
            Interests = TagList.Parse(subscriber.Interests),
            Status = subscriber.Status.ToString(),
            subscriber.CreatedAt,
            subscriber.ConfirmedAt,
            Consent = new { Text = subscriber.ConsentText, At = subscriber.ConsentAt, Ip = subscriber.ConsentIp, subscriber.Source },
            subscriber.UnsubscribedAt,
            ActionsTaken = actions,
            EmailsReceived = received,
        };
    }
}
