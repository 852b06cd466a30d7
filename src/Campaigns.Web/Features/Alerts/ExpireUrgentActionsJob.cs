using Campaigns.Web.Data;
using Campaigns.Web.Domain.Programmes;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Alerts;

/// <summary>Closes urgent actions whose deadline has passed; their pages then say so. Running it twice changes nothing.</summary>
public sealed class ExpireUrgentActionsJob(CampaignsDbContext db, TimeProvider clock, ILogger<ExpireUrgentActionsJob> logger)
{
    public const string Id = "expire-urgent-actions";

    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var expired = await db.UrgentActions
            .Where(a => a.Status == ProgrammeStatus.Live && a.Deadline != null && a.Deadline < today && a.ExpiredAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, ProgrammeStatus.Closed).SetProperty(a => a.ExpiredAt, now), cancellationToken);
        if (expired > 0)
        {
            logger.LogInformation("Expired {Count} urgent actions", expired);
        }
    }
}
