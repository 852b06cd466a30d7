using Campaigns.Web.Data;
using Campaigns.Web.Domain.Alerts;
using Campaigns.Web.Domain.Assistance;
using Campaigns.Web.Features.Assistance.CheckIns;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Campaigns.Web.Features.Privacy.Retention;

/// <summary>
/// Deletes personal data past its retention period (see <see cref="RetentionOptions"/>), kind by kind, in batches.
/// Safe to run twice or on two nodes: each batch deletes whatever is still there and past its date. Money, the
/// ledger and the audit log are not touched.
/// </summary>
public sealed class PurgeExpiredDataJob(CampaignsDbContext db, IOptions<RetentionOptions> options, TimeProvider clock, ILogger<PurgeExpiredDataJob> logger)
{
    public const string Id = "purge-expired-data";

    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var now = clock.GetUtcNow();

        var deliveriesBefore = now.AddDays(-o.AlertDeliveryLogs);
        var deliveries = await PurgeAsync(
            db.AlertDeliveries.Where(d => (d.SentAt != null && d.SentAt < deliveriesBefore) || (d.SentAt == null && d.FailedAt != null && d.FailedAt < deliveriesBefore)).Select(d => d.Id),
            ids => db.AlertDeliveries.Where(d => ids.Contains(d.Id)), cancellationToken);

        var checkInsBefore = now.AddDays(-o.CheckIns);
        var ended = db.Deployments.Where(d =>
            (d.Status == DeploymentStatus.Completed && d.CompletedAt < checkInsBefore)
            || (d.Status == DeploymentStatus.Withdrawn && d.WithdrawnAt < checkInsBefore)
            || (d.Status == DeploymentStatus.Declined && d.DeclinedAt < checkInsBefore)).Select(d => d.Id);
        var checkIns = await PurgeAsync(
            db.CheckIns.Where(c => ended.Contains(c.DeploymentId)).Select(c => c.Id),
            ids => db.CheckIns.Where(c => ids.Contains(c.Id)), cancellationToken,
            ids => db.ReminderDeliveries.Where(d => ids.Contains(d.OccurrenceId) && db.ReminderRules.Any(r => r.Id == d.RuleId && CheckInReminderKinds.All.Contains(r.Kind)))
                .ExecuteDeleteAsync(cancellationToken));

        var emailsBefore = now.AddDays(-o.SentEmails);
        var emails = await PurgeAsync(
            db.QueuedEmails.Where(e => e.SentAt != null && e.SentAt < emailsBefore).Select(e => e.Id),
            ids => db.QueuedEmails.Where(e => ids.Contains(e.Id)), cancellationToken);

        var eventsBefore = now.AddDays(-o.StripeEvents);
        var stripeEvents = await PurgeAsync(
            db.StripeWebhookEvents.Where(e => e.ProcessedAt != null && e.ProcessedAt < eventsBefore && e.Flag == null).Select(e => e.Id),
            ids => db.StripeWebhookEvents.Where(e => ids.Contains(e.Id)), cancellationToken);

        var pendingBefore = now.AddDays(-o.UnconfirmedSubscribers);
        var subscribers = await PurgeAsync(
            db.AlertSubscribers.Where(s => s.Status == SubscriberStatus.Pending && s.ConfirmedAt == null && s.CreatedAt < pendingBefore).Select(s => s.Id),
            ids => db.AlertSubscribers.Where(s => ids.Contains(s.Id)), cancellationToken);

        var eventsEndedBefore = now.AddDays(-o.PastEventRsvps);
        var past = db.TourStops.Where(s => s.EndsAt < eventsEndedBefore).Select(s => s.Id);
        var rsvps = await PurgeAsync(
            db.Rsvps.Where(r => past.Contains(r.StopId)).Select(r => r.Id),
            ids => db.Rsvps.Where(r => ids.Contains(r.Id)), cancellationToken);

        // Soft bounces only count within their window; past it a row has no use left.
        var softBouncesBefore = now - SoftBounce.Window;
        var softBounces = await PurgeAsync(
            db.SoftBounces.Where(b => b.ReceivedAt < softBouncesBefore).Select(b => b.Id),
            ids => db.SoftBounces.Where(b => ids.Contains(b.Id)), cancellationToken);

        // An erasure whose final email could not be delivered in all that time stops holding the address for it.
        var givenUp = await db.ErasureRecords.Where(r => r.ProtectedEmail != null && r.ErasedAt != null && r.ErasedAt < emailsBefore)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.ProtectedEmail, (string?)null), cancellationToken);

        logger.LogInformation(
            "Retention purge: {Deliveries} alert deliveries, {CheckIns} check-ins, {Emails} sent emails, {StripeEvents} Stripe events, {Subscribers} unconfirmed subscribers, {Rsvps} RSVPs, {SoftBounces} soft bounces, {Erasures} unconfirmable erasures",
            deliveries, checkIns, emails, stripeEvents, subscribers, rsvps, softBounces, givenUp);
    }

    /// <summary>
    /// Deletes the rows <paramref name="expired"/> finds, a batch of ids at a time, until none is left; with
    /// <paramref name="dependents"/>, the rows that point at a batch (no foreign key cascades to them) go in the same
    /// transaction.
    /// </summary>
    private async Task<int> PurgeAsync<TKey, TEntity>(
        IQueryable<TKey> expired, Func<List<TKey>, IQueryable<TEntity>> rows, CancellationToken cancellationToken, Func<List<TKey>, Task<int>>? dependents = null)
    {
        var total = 0;
        while (true)
        {
            var ids = await expired.Take(options.Value.BatchSize).ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                return total;
            }

            if (dependents is null)
            {
                total += await rows(ids).ExecuteDeleteAsync(cancellationToken);
            }
            else
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await dependents(ids);
                total += await rows(ids).ExecuteDeleteAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }

            if (ids.Count < options.Value.BatchSize)
            {
                return total;
            }
        }
    }
}
