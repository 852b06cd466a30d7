using Campaigns.Web.Data;
using Campaigns.Web.Infrastructure.Payments;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Stripe;

namespace Campaigns.Web.Features.Aid.Payments;

/// <summary>
/// Webhooks get lost (an outage, a wrong secret for an hour). This asks Stripe for the recent events we care
/// about and stores and processes any we never received, plus any stored but never processed.
/// </summary>
public sealed class ReconcileStripeEventsJob(
    CampaignsDbContext db,
    StripeClients stripe,
    IBackgroundJobClient jobs,
    TimeProvider clock,
    ILogger<ReconcileStripeEventsJob> logger)
{
    public const string Id = "aid-reconcile-stripe-events";

    public static readonly IReadOnlyList<string> Types =
    [
        EventTypes.CheckoutSessionCompleted,
        EventTypes.CheckoutSessionAsyncPaymentSucceeded,
        EventTypes.CheckoutSessionAsyncPaymentFailed,
        EventTypes.InvoicePaid,
        EventTypes.InvoicePaymentFailed,
        EventTypes.CustomerSubscriptionDeleted,
        EventTypes.ChargeRefunded,
    ];

    /// <summary>Stripe keeps events for 30 days; three days is plenty for an hourly run and keeps the listing short.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(3);

    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (!stripe.Enabled)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var options = new EventListOptions
        {
            Types = [.. Types],
            Created = new DateRangeOptions { GreaterThanOrEqual = (now - Window).UtcDateTime },
            Limit = 100,
        };
        var found = 0;
        var missed = 0;
        await foreach (var stripeEvent in new EventService(stripe.Client).ListAutoPagingAsync(options, cancellationToken: cancellationToken))
        {
            found++;
            var payload = stripeEvent.RawJsonElement is { } raw && raw.ValueKind != System.Text.Json.JsonValueKind.Undefined ? raw.GetRawText() : stripeEvent.ToJson();
            if (await StripeWebhookController.StoreAsync(db, stripeEvent.Id, stripeEvent.Type, payload, "reconciliation", now, cancellationToken))
            {
                missed++;
                jobs.Enqueue<ProcessStripeEventJob>(job => job.RunAsync(stripeEvent.Id, CancellationToken.None));
            }
        }

        // Stored but never processed (the job was lost with a node): run them again; processing is idempotent.
        var stale = now - TimeSpan.FromMinutes(10);
        var unprocessed = await db.StripeWebhookEvents.AsNoTracking()
            .Where(e => e.ProcessedAt == null && e.ReceivedAt < stale)
            .Select(e => e.Id)
            .ToListAsync(cancellationToken);
        foreach (var id in unprocessed)
        {
            jobs.Enqueue<ProcessStripeEventJob>(job => job.RunAsync(id, CancellationToken.None));
        }

        logger.LogInformation("Stripe reconciliation: {Found} recent events, {Missed} missed by the webhook, {Retried} retried", found, missed, unprocessed.Count);
    }
}
