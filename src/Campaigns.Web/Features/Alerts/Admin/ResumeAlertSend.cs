using Campaigns.Web.Data;
using Campaigns.Web.Domain.Alerts;
using Campaigns.Web.Features.Alerts.Sending;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Alerts.Admin;

/// <summary>
/// Puts a send that gave up back to sending, once the coordinator has had the mail server fixed: the problem is
/// cleared (so the give-up clock starts afresh) and the planner re-enqueues the chunks with unsent rows. Those
/// already sent are marked so and are never sent again. A second click finds the send no longer failed and
/// changes nothing.
/// </summary>
public sealed class ResumeAlertSend(CampaignsDbContext db, IBackgroundJobClient jobs, ILogger<ResumeAlertSend> logger)
{
    public async Task<ResumeAlertSendResult> HandleAsync(Guid sendId, CancellationToken cancellationToken)
    {
        var slug = await db.AlertSends.Where(s => s.Id == sendId)
            .Join(db.UrgentActions, s => s.UrgentActionId, a => a.Id, (s, a) => a.Slug)
            .SingleOrDefaultAsync(cancellationToken);
        if (slug is null)
        {
            return new ResumeAlertSendResult(ResumeOutcome.NotFound, null);
        }

        var resumed = await db.AlertSends.Where(s => s.Id == sendId && s.Status == SendStatus.Failed)
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Status, SendStatus.Sending)
                .SetProperty(x => x.Problem, SendProblem.None)
                .SetProperty(x => x.ProblemSince, (DateTimeOffset?)null)
                .SetProperty(x => x.ProblemDetail, (string?)null), cancellationToken);
        if (resumed == 0)
        {
            return new ResumeAlertSendResult(ResumeOutcome.NotFailed, slug);
        }

        jobs.Enqueue<PlanAlertSendJob>(j => j.RunAsync(sendId, CancellationToken.None));
        logger.LogInformation("Alert send {SendId} resumed by a coordinator", sendId);
        return new ResumeAlertSendResult(ResumeOutcome.Resumed, slug);
    }
}

public enum ResumeOutcome
{
    Resumed,
    NotFound,

    /// <summary>The send was not failed (already resumed, or never failed): nothing changed.</summary>
    NotFailed,
}

/// <param name="Slug">The urgent action's slug, to go back to its page; null when not found.</param>
public sealed record ResumeAlertSendResult(ResumeOutcome Outcome, string? Slug);
