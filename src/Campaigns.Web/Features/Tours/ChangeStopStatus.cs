using Campaigns.Web.Data;
using Campaigns.Web.Domain.Tours;
using Campaigns.Web.Features.Tours.Emails;
using Campaigns.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Tours;

/// <summary>
/// A coordinator confirms a proposed stop or cancels one. Cancelling writes to everyone who RSVP'd, once: the status
/// change is conditional, so a second click (or a second coordinator) finds nothing to do.
/// </summary>
public sealed class ChangeStopStatus(CampaignsDbContext db, EventEmails eventEmails, EmailQueue emails, TimeProvider clock)
{
    /// <summary>Confirming also starts the outreach: the invitation rule is anchored on <see cref="TourStop.ConfirmedAt"/>.</summary>
    public async Task<bool> ConfirmAsync(Guid stopId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await db.TourStops.Where(s => s.Id == stopId && s.Status == StopStatus.Proposed)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, StopStatus.Confirmed).SetProperty(s => s.ConfirmedAt, now), cancellationToken) == 1;
    }

    public async Task<int?> CancelAsync(Guid stopId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var changed = await db.TourStops.Where(s => s.Id == stopId && s.Status != StopStatus.Cancelled)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, StopStatus.Cancelled), cancellationToken);
        if (changed == 0)
        {
            return null;
        }

        var rsvps = await db.Rsvps.AsNoTracking()
            .Where(r => r.StopId == stopId && r.Status != RsvpStatus.Cancelled)
            .OrderBy(r => r.CreatedAt)
            .ToListAsync(cancellationToken);
        foreach (var rsvp in rsvps)
        {
            await eventEmails.QueueAsync(rsvp, EventEmailKind.EventCancelled, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        emails.EnqueuePending();
        return rsvps.Count;
    }
}
