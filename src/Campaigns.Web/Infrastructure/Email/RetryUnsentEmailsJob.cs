using Campaigns.Web.Data;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Infrastructure.Email;

/// <summary>
/// A recurring sweep for mail whose job never ran (the job storage was down when it was queued, or retries ran
/// out while the mail server was down). Enqueuing twice is harmless: the send job claims the row.
/// </summary>
public sealed class RetryUnsentEmailsJob(CampaignsDbContext db, IBackgroundJobClient jobs, TimeProvider clock, ILogger<RetryUnsentEmailsJob> logger)
{
    public const string Id = "retry-unsent-emails";
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(2);
    public const int MaxAttempts = 20;

    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var olderThan = now - Grace;
        var ids = await db.QueuedEmails
            .Where(e => e.SentAt == null && e.CreatedAt < olderThan && e.Attempts < MaxAttempts
                && (e.ClaimedUntil == null || e.ClaimedUntil < now))
            .OrderBy(e => e.CreatedAt)
            .Select(e => e.Id)
            .Take(1000)
            .ToListAsync(cancellationToken);
        foreach (var id in ids)
        {
            jobs.Enqueue<SendQueuedEmailJob>(job => job.RunAsync(id, CancellationToken.None));
        }

        if (ids.Count > 0)
        {
            logger.LogInformation("Re-queued {Count} unsent emails", ids.Count);
        }
    }
}
