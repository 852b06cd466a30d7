using Campaigns.Web.Features.Aid.Payments;
using Campaigns.Web.Infrastructure.Email;
using Hangfire;

namespace Campaigns.Web.Infrastructure.Jobs;

/// <summary>
/// Every recurring job, in one place. AddOrUpdate is idempotent and the storage runs each occurrence once, however
/// many nodes register them.
/// </summary>
public static class RecurringJobs
{
    public static void Register(IRecurringJobManager jobs)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        jobs.AddOrUpdate<RetryUnsentEmailsJob>(RetryUnsentEmailsJob.Id, job => job.RunAsync(CancellationToken.None), Cron.Minutely());
        jobs.AddOrUpdate<ReconcileStripeEventsJob>(ReconcileStripeEventsJob.Id, job => job.RunAsync(CancellationToken.None), Cron.Hourly());
    }
}
