using Campaigns.Web.Data;
using Campaigns.Web.Domain.Aid;
using Campaigns.Web.Domain.Programmes;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Stripe;
using Stripe.Checkout;

namespace Campaigns.Web.Features.Aid.Payments;

/// <summary>
/// Applies one stored Stripe event. Safe to run twice, concurrently, and in any order with the others: money is
/// written only through ledger entries keyed by the Stripe object they come from, and donation fields are only
/// ever filled in or moved forward.
/// </summary>
public sealed class ProcessStripeEventJob(CampaignsDbContext db, AidLedger ledger, TimeProvider clock, ILogger<ProcessStripeEventJob> logger)
{
    public const string UnknownDonation = "unknown-donation";
    public const string AfterDriveEnded = "after-drive-ended";

    [AutomaticRetry(Attempts = 10)]
    public async Task RunAsync(string eventId, CancellationToken cancellationToken)
    {
        var stored = await db.StripeWebhookEvents.AsNoTracking().SingleOrDefaultAsync(e => e.Id == eventId, cancellationToken);
        if (stored is null)
        {
            logger.LogWarning("Stripe event {EventId} is not stored", eventId);
            return;
        }

        var stripeEvent = EventUtility.ParseEvent(stored.Payload, throwOnApiVersionMismatch: false);
        var at = new DateTimeOffset(DateTime.SpecifyKind(stripeEvent.Created, DateTimeKind.Utc));
        string? flag = stripeEvent.Type switch
        {
            EventTypes.CheckoutSessionCompleted or EventTypes.CheckoutSessionAsyncPaymentSucceeded =>
                await SessionPaidAsync((Session)stripeEvent.Data.Object, stripeEvent.Type == EventTypes.CheckoutSessionAsyncPaymentSucceeded, at, cancellationToken),
            EventTypes.CheckoutSessionAsyncPaymentFailed => await SessionFailedAsync((Session)stripeEvent.Data.Object, cancellationToken),
            EventTypes.InvoicePaid => await InvoicePaidAsync((Invoice)stripeEvent.Data.Object, at, cancellationToken),
            EventTypes.InvoicePaymentFailed => await InvoiceFailedAsync((Invoice)stripeEvent.Data.Object, cancellationToken),
            EventTypes.CustomerSubscriptionDeleted => await SubscriptionEndedAsync((Subscription)stripeEvent.Data.Object, cancellationToken),
            EventTypes.ChargeRefunded => await ChargeRefundedAsync((Charge)stripeEvent.Data.Object, at, cancellationToken),
            _ => null,
        };

        await db.StripeWebhookEvents.Where(e => e.Id == eventId)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ProcessedAt, clock.GetUtcNow()).SetProperty(e => e.Flag, flag), cancellationToken);
        if (flag is not null)
        {
            logger.LogWarning("Stripe event {EventId} ({Type}) flagged: {Flag}", eventId, stripeEvent.Type, flag);
        }
    }

    private async Task<string?> SessionPaidAsync(Session session, bool asyncSucceeded, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var donation = await FindAsync(session.Metadata, d => d.StripeCheckoutSessionId == session.Id, cancellationToken);
        if (donation is null)
        {
            return UnknownDonation;
        }

        var paid = asyncSucceeded || session.PaymentStatus is "paid" or "no_payment_required";
        donation.StripeCheckoutSessionId ??= session.Id;
        donation.StripeCustomerId ??= session.CustomerId;
        donation.StripeSubscriptionId ??= session.SubscriptionId;
        donation.StripePaymentIntentId ??= session.PaymentIntentId;
        if (paid && donation.Status is DonationStatus.AwaitingPayment)
        {
            donation.Status = DonationStatus.Paid;
            donation.CompletedAt ??= at;
        }

        await db.SaveChangesAsync(cancellationToken);
        if (!paid || session.Mode == "subscription")
        {
            // A subscription's money is counted invoice by invoice (invoice.paid), the first one included.
            return null;
        }

        return await GiftAsync(donation, "stripe:payment:" + (session.PaymentIntentId ?? session.Id), session.AmountTotal ?? donation.AmountMinor,
            session.Currency ?? donation.Currency, at, cancellationToken);
    }

    private async Task<string?> SessionFailedAsync(Session session, CancellationToken cancellationToken)
    {
        var donation = await FindAsync(session.Metadata, d => d.StripeCheckoutSessionId == session.Id, cancellationToken);
        if (donation is null)
        {
            return UnknownDonation;
        }

        if (donation.Status == DonationStatus.AwaitingPayment)
        {
            donation.Status = DonationStatus.Failed;
            await db.SaveChangesAsync(cancellationToken);
        }

        return null;
    }

    private async Task<string?> InvoicePaidAsync(Invoice invoice, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var subscriptionId = invoice.Parent?.SubscriptionDetails?.SubscriptionId;
        var donation = await FindAsync(invoice.Parent?.SubscriptionDetails?.Metadata, d => subscriptionId != null && d.StripeSubscriptionId == subscriptionId, cancellationToken);
        if (donation is null)
        {
            return UnknownDonation;
        }

        donation.StripeSubscriptionId ??= subscriptionId;
        donation.StripeCustomerId ??= invoice.CustomerId;
        if (donation.Status == DonationStatus.AwaitingPayment)
        {
            donation.Status = DonationStatus.Paid;
            donation.CompletedAt ??= at;
        }

        await db.SaveChangesAsync(cancellationToken);
        return await GiftAsync(donation, "stripe:invoice:" + invoice.Id, invoice.AmountPaid, invoice.Currency ?? donation.Currency, at, cancellationToken);
    }

    private async Task<string?> InvoiceFailedAsync(Invoice invoice, CancellationToken cancellationToken)
    {
        // Nothing was counted for an unpaid invoice, so there is nothing to reverse; Stripe retries and tells the donor.
        var subscriptionId = invoice.Parent?.SubscriptionDetails?.SubscriptionId;
        var donation = await FindAsync(invoice.Parent?.SubscriptionDetails?.Metadata, d => subscriptionId != null && d.StripeSubscriptionId == subscriptionId, cancellationToken);
        if (donation is null)
        {
            return UnknownDonation;
        }

        logger.LogInformation("Monthly payment failed for donation {DonationId}", donation.Id);
        return null;
    }

    private async Task<string?> SubscriptionEndedAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        var donation = await FindAsync(subscription.Metadata, d => d.StripeSubscriptionId == subscription.Id, cancellationToken);
        if (donation is null)
        {
            return UnknownDonation;
        }

        donation.StripeSubscriptionId ??= subscription.Id;
        if (donation.Status is DonationStatus.AwaitingPayment or DonationStatus.Paid)
        {
            donation.Status = DonationStatus.Ended;
        }

        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    private async Task<string?> ChargeRefundedAsync(Charge charge, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var donation = await FindAsync(charge.Metadata,
            d => (charge.PaymentIntentId != null && d.StripePaymentIntentId == charge.PaymentIntentId)
                 || (charge.CustomerId != null && d.StripeCustomerId == charge.CustomerId),
            cancellationToken);
        if (donation is null)
        {
            return UnknownDonation;
        }

        if (charge.Refunded && donation.Frequency == DonationFrequency.OneTime && donation.Status != DonationStatus.Refunded)
        {
            donation.Status = DonationStatus.Refunded;
            await db.SaveChangesAsync(cancellationToken);
        }

        // amount_refunded is cumulative; each event records what it adds beyond the refunds already reversed. The
        // key names the total it builds on, so two events for different partial refunds processed at once cannot
        // both add to the same total: the second hits the unique key, reads the new total and adds only the rest.
        var prefix = $"stripe:refund:{charge.Id}:";
        var drive = await db.AidDrives.AsNoTracking().SingleAsync(d => d.Id == donation.AidDriveId, cancellationToken);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var reversed = -await db.LedgerEntries.Where(e => e.ExternalKey.StartsWith(prefix)).SumAsync(e => e.AmountMinor, cancellationToken);
            var more = charge.AmountRefunded - reversed;
            if (more <= 0 || await ledger.AppendAsync(RefundEntry(donation, drive.Id, charge, -more, prefix + "after-" + reversed.ToString(System.Globalization.CultureInfo.InvariantCulture), at), null, cancellationToken))
            {
                return null;
            }
        }

        throw new InvalidOperationException($"Refunds of charge {charge.Id} kept changing while being recorded; the job will retry.");
    }

    private LedgerEntry RefundEntry(Donation donation, Guid driveId, Charge charge, long amountMinor, string externalKey, DateTimeOffset at) =>
        new()
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            AidDriveId = driveId,
            DonationId = donation.Id,
            Kind = LedgerEntryKind.Reversal,
            Channel = LedgerChannels.Card,
            AmountMinor = amountMinor,
            Currency = (charge.Currency ?? donation.Currency).ToUpperInvariant(),
            Description = "Refund",
            PublicDonorName = donation.ShowNamePublicly ? donation.DonorName : null,
            ExternalKey = externalKey,
            OccurredAt = at,
            RecordedAt = clock.GetUtcNow(),
        };

    private async Task<string?> GiftAsync(Donation donation, string key, long amount, string currency, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var drive = await db.AidDrives.AsNoTracking().SingleAsync(d => d.Id == donation.AidDriveId, cancellationToken);
        var ended = drive.Status == ProgrammeStatus.Closed || (drive.EndsOn is { } end && DateOnly.FromDateTime(at.UtcDateTime) > end);
        var flag = ended ? AfterDriveEnded : null;
        await ledger.AppendAsync(new LedgerEntry
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            AidDriveId = drive.Id,
            DonationId = donation.Id,
            Kind = LedgerEntryKind.Gift,
            Channel = LedgerChannels.Card,
            AmountMinor = amount,
            Currency = currency.ToUpperInvariant(),
            Description = donation.Frequency == DonationFrequency.Monthly ? "Monthly gift" : "",
            PublicDonorName = donation.ShowNamePublicly ? donation.DonorName : null,
            ExternalKey = key,
            OccurredAt = at,
            RecordedAt = clock.GetUtcNow(),
            Flag = flag,
        }, donation, cancellationToken);
        return flag;
    }

    private async Task<Donation?> FindAsync(IDictionary<string, string>? metadata, System.Linq.Expressions.Expression<Func<Donation, bool>> fallback, CancellationToken cancellationToken)
    {
        if (metadata is not null && metadata.TryGetValue("donation_id", out var raw) && Guid.TryParse(raw, out var id)
            && await db.Donations.SingleOrDefaultAsync(d => d.Id == id, cancellationToken) is { } byId)
        {
            return byId;
        }

        return await db.Donations.OrderBy(d => d.CreatedAt).FirstOrDefaultAsync(fallback, cancellationToken);
    }
}
