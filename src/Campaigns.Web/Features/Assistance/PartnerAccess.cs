using System.Security.Claims;
using Campaigns.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Assistance;

/// <summary>
/// The one check every partner page makes: a Partner-role user acts only for its own organisation. Use cases
/// filter by the organisation this returns, so another organisation's request or offer is simply not found.
/// </summary>
public sealed class PartnerAccess(CampaignsDbContext db)
{
    public static Guid UserId(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Not signed in."));
    }

    public Task<Guid?> OrganisationIdAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var id = UserId(user);
        return db.Users.Where(u => u.Id == id).Select(u => u.PartnerOrganisationId).SingleOrDefaultAsync(cancellationToken);
    }
}
