using Campaigns.Web.Data;
using Campaigns.Web.Domain.Assistance;
using Campaigns.Web.Infrastructure.Email;
using Campaigns.Web.Infrastructure.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Assistance;

public enum DeploymentNoticeKind
{
    /// <summary>To the partner's people: a volunteer offered, or a coordinator proposed one; the partner decides.</summary>
    NewCandidate,

    /// <summary>To the volunteer: the partner accepted them.</summary>
    Accepted,

    /// <summary>To the volunteer: the partner declined, this time.</summary>
    Declined,
}

public sealed record DeploymentNoticeModel(DeploymentNoticeKind Kind, string Name, string RequestTitle, string Link);

/// <summary>
/// Tells each side of a deployment that the other moved: the partner about a new candidate, the volunteer about
/// the partner's decision. Queued in the caller's transaction, in each reader's own language.
/// </summary>
public sealed class AssistanceNotices(CampaignsDbContext db, EmailQueue emails, IOptions<CampaignsOptions> options)
{
    public async Task QueueAsync(Deployment deployment, DeploymentNoticeKind kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        var request = await db.AssistanceRequests.AsNoTracking().Where(r => r.Id == deployment.RequestId)
            .Select(r => new { r.Slug, r.Title, r.PartnerOrganisationId }).SingleAsync(cancellationToken);
        var readers = kind == DeploymentNoticeKind.NewCandidate
            ? await db.Users.AsNoTracking().Where(u => u.PartnerOrganisationId == request.PartnerOrganisationId && u.EmailConfirmed && u.FrozenAt == null)
                .Select(u => new { u.Email, u.DisplayName, u.Culture }).ToListAsync(cancellationToken)
            : await db.Users.AsNoTracking().Where(u => u.Id == deployment.VolunteerId)
                .Select(u => new { u.Email, u.DisplayName, u.Culture }).ToListAsync(cancellationToken);
        var link = options.Value.PublicBaseUrl.TrimEnd('/') + (kind == DeploymentNoticeKind.NewCandidate ? $"/partner/requests/{request.Slug}" : "/volunteer/deployments");
        var subject = kind switch
        {
            DeploymentNoticeKind.NewCandidate => "A volunteer for your request",
            DeploymentNoticeKind.Accepted => "The partner accepted your help",
            _ => "The partner's answer to your offer",
        };
        foreach (var reader in readers.Where(r => r.Email is not null))
        {
            await emails.QueueAsync(
                new EmailMessage(reader.Email!, reader.DisplayName, subject, "Assistance/Emails/DeploymentNotice",
                    new DeploymentNoticeModel(kind, reader.DisplayName, request.Title, link), reader.Culture),
                "assistance-deployment", cancellationToken);
        }
    }
}
