using Campaigns.Web.Data;
using Campaigns.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Delegations;

/// <summary>
/// The coordinator sends the briefing to everyone approved: all emails are queued in one transaction, so either
/// everyone on the roster gets it or nobody does and the coordinator can press again.
/// </summary>
public sealed class SendBriefing(CampaignsDbContext db, BriefingEmails briefings, EmailQueue emails, ILogger<SendBriefing> logger)
{
    /// <returns>How many were queued, or null when the roster does not exist.</returns>
    public async Task<int?> HandleAsync(string slug, CancellationToken cancellationToken)
    {
        var rosterId = await db.Rosters.Where(r => r.Slug == slug).Select(r => (Guid?)r.Id).SingleOrDefaultAsync(cancellationToken);
        if (rosterId is null)
        {
            return null;
        }

        var people = await briefings.Approved(rosterId.Value).Select(p => p.UserId).ToListAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var userId in people)
        {
            await emails.QueueAsync(await briefings.ComposeAsync(rosterId.Value, userId, null, isReminder: false, cancellationToken), "delegation-briefing", cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        emails.EnqueuePending();
        logger.LogInformation("Briefing for roster {RosterId} queued for {Count} people", rosterId, people.Count);
        return people.Count;
    }
}
