using Campaigns.Web.Data;
using Campaigns.Web.Domain.Assistance;
using Campaigns.Web.Domain.Programmes;
using Campaigns.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Assistance;

/// <summary>
/// A volunteer offers themselves for an open request, or a coordinator proposes one from the matches. Either way
/// the partner decides; a second open offer for the same request is refused.
/// </summary>
public sealed class OfferAssistance(CampaignsDbContext db, AssistanceNotices notices, EmailQueue emails, TimeProvider clock)
{
    public async Task<IReadOnlyList<string>> OfferAsync(string slug, Guid volunteerId, CancellationToken cancellationToken) =>
        await CreateAsync(slug, volunteerId, volunteerId, DeploymentOrigin.Offered, cancellationToken);

    public async Task<IReadOnlyList<string>> ProposeAsync(string slug, Guid volunteerId, Guid coordinatorId, CancellationToken cancellationToken) =>
        await CreateAsync(slug, volunteerId, coordinatorId, DeploymentOrigin.Proposed, cancellationToken);

    private async Task<IReadOnlyList<string>> CreateAsync(string slug, Guid volunteerId, Guid by, DeploymentOrigin origin, CancellationToken cancellationToken)
    {
        var request = await db.AssistanceRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Slug == slug, cancellationToken);
        if (request is null || request.Status != ProgrammeStatus.Live)
        {
            return ["This request is not open."];
        }

        if (!await db.VolunteerProfiles.AnyAsync(p => p.UserId == volunteerId, cancellationToken))
        {
            return ["Fill in your volunteer profile first."];
        }

        var open = new[] { DeploymentStatus.Proposed, DeploymentStatus.Accepted, DeploymentStatus.Briefed, DeploymentStatus.OnAssignment };
        if (await db.Deployments.AnyAsync(d => d.RequestId == request.Id && d.VolunteerId == volunteerId && open.Contains(d.Status), cancellationToken))
        {
            return [origin == DeploymentOrigin.Offered
                ? "You have already offered yourself for this request."
                : "This volunteer is already proposed for this request."];
        }

        var now = clock.GetUtcNow();
        var (startsOn, endsOn) = Deployment.DatesOf(request);
        var deployment = new Deployment
        {
            Id = Guid.CreateVersion7(now),
            RequestId = request.Id,
            VolunteerId = volunteerId,
            Origin = origin,
            Status = DeploymentStatus.Proposed,
            StartsOn = startsOn,
            EndsOn = endsOn,
            ProposedAt = now,
            ProposedBy = by,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Deployments.Add(deployment);
        await db.SaveChangesAsync(cancellationToken);
        await notices.QueueAsync(deployment, DeploymentNoticeKind.NewCandidate, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        emails.EnqueuePending();
        return [];
    }
}
