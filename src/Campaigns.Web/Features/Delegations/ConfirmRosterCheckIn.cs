using Campaigns.Web.Data;
using Campaigns.Web.Domain.Delegations;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Delegations;

/// <summary>A member's "I am safe" for one day: recorded once; a second tap, or two at once, changes nothing.</summary>
public sealed class ConfirmRosterCheckIn(CampaignsDbContext db, RosterCheckInLinks links, TimeProvider clock, ILogger<ConfirmRosterCheckIn> logger)
{
    public async Task<bool> HandleAsync(string token, CancellationToken cancellationToken)
    {
        if (links.Read(token) is not var (dayId, userId) || !await db.RosterDays.AnyAsync(d => d.Id == dayId, cancellationToken))
        {
            return false;
        }

        if (await db.RosterCheckIns.AnyAsync(c => c.RosterDayId == dayId && c.UserId == userId, cancellationToken))
        {
            return true;
        }

        var now = clock.GetUtcNow();
        db.RosterCheckIns.Add(new RosterCheckIn { Id = Guid.CreateVersion7(now), RosterDayId = dayId, UserId = userId, ConfirmedAt = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The unique (day, person) index: the same tap arrived twice at once.
            return true;
        }

        logger.LogInformation("Roster check-in for day {DayId} confirmed", dayId);
        return true;
    }
}
