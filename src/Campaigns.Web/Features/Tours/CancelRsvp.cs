using Campaigns.Web.Data;
using Campaigns.Web.Domain.Tours;
using Campaigns.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Tours;

/// <summary>
/// Cancels a place from the signed link in the confirmation email. A confirmed place goes to the first person on the
/// waitlist, who gets an email. Cancelling twice does nothing the second time.
/// </summary>
public sealed class CancelRsvp(CampaignsDbContext db, Waitlist waitlist, EmailQueue emails, TimeProvider clock)
{
    public async Task<bool> HandleAsync(Guid rsvpId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var rsvp = await db.Rsvps.AsNoTracking().SingleOrDefaultAsync(r => r.Id == rsvpId, cancellationToken);
        if (rsvp is null || rsvp.Status == RsvpStatus.Cancelled)
        {
            return false;
        }

        var changed = await db.Rsvps.Where(r => r.Id == rsvpId && r.Status == rsvp.Status)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, RsvpStatus.Cancelled).SetProperty(r => r.CancelledAt, now), cancellationToken);
        if (changed == 0)
        {
            return false;
        }

        if (rsvp.Status == RsvpStatus.Confirmed)
        {
            await waitlist.GiveBackPlaceAsync(rsvp.StopId, cancellationToken);
            await waitlist.PromoteAsync(rsvp.StopId, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        emails.EnqueuePending();
        return true;
    }
}
