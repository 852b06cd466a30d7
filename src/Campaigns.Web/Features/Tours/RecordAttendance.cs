using Campaigns.Web.Data;
using Campaigns.Web.Domain.Tours;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Tours;

/// <summary>After the event: who came. Those marked get the feedback reminder (a rule of kind tour-event-feedback).</summary>
public sealed class RecordAttendance(CampaignsDbContext db)
{
    public async Task HandleAsync(Guid stopId, IReadOnlyCollection<Guid> attendedRsvpIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attendedRsvpIds);
        var rsvps = await db.Rsvps.Where(r => r.StopId == stopId && r.Status == RsvpStatus.Confirmed).ToListAsync(cancellationToken);
        foreach (var rsvp in rsvps)
        {
            rsvp.Attended = attendedRsvpIds.Contains(rsvp.Id);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
