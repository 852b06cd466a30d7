using Campaigns.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Assistance.CheckIns;

/// <summary>The volunteer's "I am safe": marks the check-in confirmed, once; a late confirmation still counts.</summary>
public sealed class ConfirmCheckIn(CampaignsDbContext db, CheckInLinks links, TimeProvider clock, ILogger<ConfirmCheckIn> logger)
{
    public async Task<bool> HandleAsync(string token, CancellationToken cancellationToken)
    {
        if (links.Read(token) is not { } id)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        await db.CheckIns.Where(c => c.Id == id && c.ConfirmedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.ConfirmedAt, now), cancellationToken);
        logger.LogInformation("Check-in {CheckInId} confirmed", id);
        return await db.CheckIns.AnyAsync(c => c.Id == id, cancellationToken);
    }
}
