using Campaigns.Web.Data;
using Campaigns.Web.Domain.Alerts;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Alerts.Sending;

/// <summary>
/// The safety net for a worker killed outright: hands every unfinished send back to its planner, which re-enqueues
/// the chunks whose rows nobody holds (or whose holder's lease ran out). Enqueuing twice is harmless.
/// </summary>
public sealed class ResumeAlertSendsJob(CampaignsDbContext db, IBackgroundJobClient jobs, TimeProvider clock)
{
    public const string Id = "resume-alert-sends";

    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var ids = await db.AlertSends
            .Where(s => s.Status == SendStatus.Planning || s.Status == SendStatus.Sending || (s.Status == SendStatus.Scheduled && s.ScheduledFor <= now))
            .Select(s => s.Id).ToListAsync(cancellationToken);
        foreach (var id in ids)
        {
            jobs.Enqueue<PlanAlertSendJob>(j => j.RunAsync(id, CancellationToken.None));
        }
    }
}
