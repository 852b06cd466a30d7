using Campaigns.Web.Data;
using Campaigns.Web.Domain.Tours;
using Campaigns.Web.Features.Tours.Emails;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Tours;

/// <summary>
/// Moves people from the waitlist into free places, first come first served. Each place is taken with a conditional
/// update of the stop's confirmed count, so two promotions at once never overfill the room.
/// </summary>
public sealed class Waitlist(CampaignsDbContext db, EventEmails eventEmails)
{
    public async Task<int> PromoteAsync(Guid stopId, CancellationToken cancellationToken)
    {
        var promoted = 0;
        while (true)
        {
            var next = await db.Rsvps.Where(r => r.StopId == stopId && r.Status == RsvpStatus.Waitlisted)
                .OrderBy(r => r.CreatedAt).ThenBy(r => r.Id)
                .FirstOrDefaultAsync(cancellationToken);
            if (next is null || !await TakePlaceAsync(stopId, cancellationToken))
            {
                return promoted;
            }

            next.Status = RsvpStatus.Confirmed;
            await db.SaveChangesAsync(cancellationToken);
            await eventEmails.QueueAsync(next, EventEmailKind.RsvpPromoted, cancellationToken);
            promoted++;
        }
    }

    /// <summary>One place, if one is free; the check and the increment are one statement.</summary>
    public async Task<bool> TakePlaceAsync(Guid stopId, CancellationToken cancellationToken) =>
        await db.TourStops.Where(s => s.Id == stopId && s.ConfirmedCount < s.Capacity)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.ConfirmedCount, s => s.ConfirmedCount + 1), cancellationToken) == 1;

    public Task GiveBackPlaceAsync(Guid stopId, CancellationToken cancellationToken) =>
        db.TourStops.Where(s => s.Id == stopId && s.ConfirmedCount > 0)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.ConfirmedCount, s => s.ConfirmedCount - 1), cancellationToken);
}
