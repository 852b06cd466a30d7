using Campaigns.Web.Data;
using Campaigns.Web.Domain.Alerts;
using Campaigns.Web.Features.Alerts.Subscribing;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Alerts;

/// <summary>Adds an address to the suppression list: a hard bounce, a complaint, or a coordinator's decision. Adding it twice is harmless.</summary>
public sealed class SuppressAddress(CampaignsDbContext db, TimeProvider clock, ILogger<SuppressAddress> logger)
{
    public async Task<bool> HandleAsync(string email, SuppressionReason reason, CancellationToken cancellationToken)
    {
        var address = Subscribe.Normalise(email);
        if (!address.Contains('@', StringComparison.Ordinal) || address.Length > 320)
        {
            return false;
        }

        if (await db.SuppressedAddresses.AnyAsync(s => s.Email == address, cancellationToken))
        {
            return true;
        }

        db.SuppressedAddresses.Add(new SuppressedAddress { Email = address, Reason = reason, CreatedAt = clock.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another report of the same address won the race; the outcome is the same.
            db.ChangeTracker.Clear();
        }

        logger.LogInformation("Address suppressed ({Reason})", reason);
        return true;
    }
}
