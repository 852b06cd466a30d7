using Campaigns.Web.Data;
using Campaigns.Web.Domain.Assistance;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Assistance;

/// <summary>Only a coordinator records a volunteer's background check; the volunteer's own form cannot touch it.</summary>
public sealed class SetBackgroundCheck(CampaignsDbContext db, TimeProvider clock)
{
    public async Task<bool> HandleAsync(Guid volunteerId, BackgroundCheckStatus status, Guid coordinatorId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await db.VolunteerProfiles.Where(p => p.UserId == volunteerId)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.BackgroundCheck, status).SetProperty(p => p.BackgroundCheckSetAt, now).SetProperty(p => p.BackgroundCheckSetBy, coordinatorId), cancellationToken) == 1;
    }
}
