using Campaigns.Web.Data;
using Campaigns.Web.Domain.Assistance;
using Campaigns.Web.Features.Assistance.CheckIns;
using Campaigns.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Assistance;

public enum DeploymentStep
{
    Accept,
    Decline,
    Brief,
    Start,
    Complete,
    Withdraw,
}

/// <summary>
/// One step of a deployment, by the one who may take it: the partner accepts or declines (its own requests only),
/// a coordinator briefs, starts and completes, the volunteer withdraws. Accepting refuses a volunteer already
/// held by another deployment over the same dates. Returns null when the deployment is not the actor's to move.
/// </summary>
public sealed class MoveDeployment(CampaignsDbContext db, AssistanceNotices notices, EmailQueue emails, TimeProvider clock, ILogger<MoveDeployment> logger)
{
    /// <param name="partnerOrganisationId">Set for a partner: only its requests' deployments are found.</param>
    /// <param name="volunteerId">Set for a volunteer: only their own deployments are found.</param>
    public async Task<IReadOnlyList<string>?> HandleAsync(
        Guid deploymentId, DeploymentStep step, Guid actorId, Guid? partnerOrganisationId, Guid? volunteerId, CancellationToken cancellationToken)
    {
        var query = db.Deployments.Where(d => d.Id == deploymentId);
        if (partnerOrganisationId is { } org)
        {
            query = query.Where(d => db.AssistanceRequests.Any(r => r.Id == d.RequestId && r.PartnerOrganisationId == org));
        }

        if (volunteerId is { } own)
        {
            query = query.Where(d => d.VolunteerId == own);
        }

        var deployment = await query.SingleOrDefaultAsync(cancellationToken);
        if (deployment is null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        if (step == DeploymentStep.Accept && deployment.Status == DeploymentStatus.Proposed)
        {
            var holding = Deployment.Holding;
            var others = await db.Deployments.AsNoTracking()
                .Where(d => d.VolunteerId == deployment.VolunteerId && d.Id != deployment.Id && holding.Contains(d.Status))
                .Select(d => new { d.StartsOn, d.EndsOn })
                .ToListAsync(cancellationToken);
            if (others.Any(o => Deployment.Overlaps(o.StartsOn, o.EndsOn, deployment.StartsOn, deployment.EndsOn)))
            {
                return ["This volunteer is already deployed over these dates."];
            }
        }

        var refusal = step switch
        {
            DeploymentStep.Accept => deployment.Accept(actorId, now),
            DeploymentStep.Decline => deployment.Decline(actorId, now),
            DeploymentStep.Brief => deployment.Brief(actorId, now),
            DeploymentStep.Start => deployment.Start(actorId, now),
            DeploymentStep.Complete => deployment.Complete(actorId, now),
            DeploymentStep.Withdraw => deployment.Withdraw(actorId, now),
            _ => throw new ArgumentOutOfRangeException(nameof(step)),
        };
        if (refusal is not null)
        {
            return [refusal];
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (deployment.Status is DeploymentStatus.Completed or DeploymentStatus.Withdrawn)
        {
            // No more check-ins, nor alerts, once the volunteer is home or out.
            await db.CheckInSchedules.Where(s => s.DeploymentId == deployment.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.Active, false), cancellationToken);
            await db.ReminderRules.Where(r => r.ScopeId == deployment.Id && CheckInReminderKinds.All.Contains(r.Kind))
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.Enabled, false), cancellationToken);
        }

        if (step == DeploymentStep.Start && await db.CheckInSchedules.SingleOrDefaultAsync(s => s.DeploymentId == deployment.Id, cancellationToken) is { } schedule)
        {
            // Check-ins scheduled before the start count from it.
            schedule.NextDueAt = now.AddHours(schedule.EveryHours);
        }

        await db.SaveChangesAsync(cancellationToken);
        if (step is DeploymentStep.Accept or DeploymentStep.Decline)
        {
            await notices.QueueAsync(deployment, step == DeploymentStep.Accept ? DeploymentNoticeKind.Accepted : DeploymentNoticeKind.Declined, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        emails.EnqueuePending();
        logger.LogInformation("Deployment {DeploymentId} moved to {Status} by {UserId}", deployment.Id, deployment.Status, actorId);
        return [];
    }
}
