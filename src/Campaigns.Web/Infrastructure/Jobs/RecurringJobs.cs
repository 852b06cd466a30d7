using Campaigns.Web.Features.Alerts;
using Campaigns.Web.Features.Alerts.Bounces;
using Campaigns.Web.Features.Alerts.Sending;
using Campaigns.Web.Features.Aid.Payments;
using Campaigns.Web.Features.Privacy.Retention;
using Campaigns.Web.Infrastructure.Email;
using Campaigns.Web.Infrastructure.Protection;
using Campaigns.Web.Infrastructure.Reminders;
using Hangfire;

namespace Campaigns.Web.Infrastructure.Jobs;

/// <summary>
/// Every recurring job, in one place. AddOrUpdate is idempotent and the storage runs each occurrence once, however
/// many nodes register them.
/// </summary>
public static class RecurringJobs
{
    public static void Register(IRecurringJobManager jobs, BounceMailboxOptions bounceMailbox)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(bounceMailbox);
        jobs.AddOrUpdate<RetryUnsentEmailsJob>(RetryUnsentEmailsJob.Id, job => job.RunAsync(CancellationToken.None), Cron.Minutely());
        jobs.AddOrUpdate<DueRemindersJob>(DueRemindersJob.Id, job => job.RunAsync(CancellationToken.None), Cron.Minutely());
        jobs.AddOrUpdate<ExpireUrgentActionsJob>(ExpireUrgentActionsJob.Id, job => job.RunAsync(CancellationToken.None), Cron.Hourly());
        jobs.AddOrUpdate<ResumeAlertSendsJob>(ResumeAlertSendsJob.Id, job => job.RunAsync(CancellationToken.None), "*/5 * * * *");
        jobs.AddOrUpdate<ReconcileStripeEventsJob>(ReconcileStripeEventsJob.Id, job => job.RunAsync(CancellationToken.None), Cron.Hourly());
        jobs.AddOrUpdate<PurgeExpiredDataJob>(PurgeExpiredDataJob.Id, job => job.RunAsync(CancellationToken.None), Cron.Daily(3));

        // Off without a host: a schedule left from when it was set goes too.
        if (bounceMailbox.Enabled)
        {
            jobs.AddOrUpdate<BounceMailboxJob>(BounceMailboxJob.Id, job => job.RunAsync(CancellationToken.None), bounceMailbox.Cron);
        }
        else
        {
            jobs.RemoveIfExists(BounceMailboxJob.Id);
        }

        // Assistance check-ins now run on the reminder engine; the old job's schedule may still be in the storage.
        jobs.RemoveIfExists("assistance-check-ins");

        // Daily, and once at every start: after a key rotation or an upgrade, rows reach the current key without waiting.
        jobs.AddOrUpdate<ReencryptProtectedFieldsJob>(ReencryptProtectedFieldsJob.Id, job => job.RunAsync(CancellationToken.None), Cron.Daily());
        jobs.Trigger(ReencryptProtectedFieldsJob.Id);
    }
}
