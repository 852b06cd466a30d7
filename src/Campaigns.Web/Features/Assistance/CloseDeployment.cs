using Campaigns.Web.Data;
using Campaigns.Web.Domain.Assistance;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Assistance;

/// <summary>After an assignment: the volunteer's handover report to the partner, then the partner's rating.</summary>
public sealed class CloseDeployment(CampaignsDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<string>?> HandoverAsync(Guid deploymentId, Guid volunteerId, string? report, CancellationToken cancellationToken)
    {
        var deployment = await db.Deployments.SingleOrDefaultAsync(d => d.Id == deploymentId && d.VolunteerId == volunteerId, cancellationToken);
        if (deployment is null)
        {
            return null;
        }

        if (deployment.Status is not (DeploymentStatus.OnAssignment or DeploymentStatus.Completed))
        {
            return ["A handover report comes at the end of an assignment."];
        }

        if (string.IsNullOrWhiteSpace(report))
        {
            return ["Write the handover report."];
        }

        deployment.HandoverReport = report.Trim();
        deployment.HandoverAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return [];
    }

    public async Task<IReadOnlyList<string>?> RateAsync(Guid deploymentId, Guid organisationId, int rating, string? comment, CancellationToken cancellationToken)
    {
        var deployment = await db.Deployments
            .Where(d => d.Id == deploymentId && db.AssistanceRequests.Any(r => r.Id == d.RequestId && r.PartnerOrganisationId == organisationId))
            .SingleOrDefaultAsync(cancellationToken);
        if (deployment is null)
        {
            return null;
        }

        if (deployment.Status != DeploymentStatus.Completed)
        {
            return ["You can rate the assistance once it is completed."];
        }

        if (rating is < 1 or > 5)
        {
            return ["Choose a rating from 1 to 5."];
        }

        deployment.PartnerRating = rating;
        deployment.PartnerComment = comment?.Trim() ?? "";
        deployment.RatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return [];
    }
}
