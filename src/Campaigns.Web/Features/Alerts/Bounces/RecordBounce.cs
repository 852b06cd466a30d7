using Campaigns.Web.Data;
using Campaigns.Web.Domain.Alerts;
using Campaigns.Web.Features.Alerts.Subscribing;
using Campaigns.Web.Infrastructure.Protection;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Alerts.Bounces;

public enum BounceOutcome
{
    Suppressed,

    /// <summary>A soft bounce, counted; the address is not (yet) suppressed.</summary>
    Counted,

    Invalid,
}

/// <summary>
/// Acts on one recipient of a bounce report. A hard bounce or a complaint suppresses the address at once (through
/// <see cref="SuppressAddress"/>, as the webhook does); a soft bounce is counted, and the
/// <see cref="SoftBounce.Threshold"/>th within <see cref="SoftBounce.Window"/> suppresses. The same report recorded
/// twice counts once: its fingerprint is the soft-bounce row's key.
/// </summary>
public sealed class RecordBounce(CampaignsDbContext db, SuppressAddress suppress, FieldCipher cipher, TimeProvider clock)
{
    public const string AddressPurpose = "soft-bounce-address";


    public async Task<BounceOutcome> HandleAsync(string reportKey, BouncedRecipient recipient, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        var address = Subscribe.Normalise(recipient.Address);
        if (recipient.Kind != BounceKind.Soft)
        {
            var reason = recipient.Kind == BounceKind.Hard ? SuppressionReason.HardBounce : SuppressionReason.Complaint;
            return await suppress.HandleAsync(address, reason, cancellationToken) ? BounceOutcome.Suppressed : BounceOutcome.Invalid;
        }

        if (!address.Contains('@', StringComparison.Ordinal) || address.Length > 320)
        {
            return BounceOutcome.Invalid;
        }

        if (await db.SuppressedAddresses.AnyAsync(s => s.Email == address, cancellationToken))
        {
            return BounceOutcome.Suppressed;
        }

        var addressKey = cipher.Fingerprint(AddressPurpose, address);
        var id = cipher.Fingerprint("soft-bounce-report", reportKey + "\n" + address);
        var now = clock.GetUtcNow();
        if (!await db.SoftBounces.AnyAsync(b => b.Id == id, cancellationToken))
        {
            db.SoftBounces.Add(new SoftBounce { Id = id, AddressKey = addressKey, ReceivedAt = now });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // A concurrent run recorded the same report first; it counts once either way.
                db.ChangeTracker.Clear();
            }
        }

        var since = now - SoftBounce.Window;
        var recent = await db.SoftBounces.CountAsync(b => b.AddressKey == addressKey && b.ReceivedAt > since, cancellationToken);
        if (recent < SoftBounce.Threshold)
        {
            return BounceOutcome.Counted;
        }

        await suppress.HandleAsync(address, SuppressionReason.SoftBounces, cancellationToken);

        // The suppression row now says all there is to say; the count has no further use.
        await db.SoftBounces.Where(b => b.AddressKey == addressKey).ExecuteDeleteAsync(cancellationToken);
        return BounceOutcome.Suppressed;
    }
}
