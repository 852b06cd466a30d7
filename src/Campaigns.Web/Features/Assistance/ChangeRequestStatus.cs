using Campaigns.Web.Data;
using Campaigns.Web.Domain.Programmes;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Assistance;

/// <summary>A partner pauses (back to Draft, off public pages), reopens or closes its own request.</summary>
public sealed class ChangeRequestStatus(CampaignsDbContext db, TimeProvider clock)
{
    public async Task<bool> HandleAsync(Guid organisationId, string slug, ProgrammeStatus status, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var changed = await db.AssistanceRequests
            .Where(r => r.Slug == slug && r.PartnerOrganisationId == organisationId && r.Status != ProgrammeStatus.Closed)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, status).SetProperty(r => r.UpdatedAt, now), cancellationToken);
        return changed == 1;
    }
}
