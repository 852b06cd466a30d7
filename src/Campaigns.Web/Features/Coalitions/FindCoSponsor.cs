using Campaigns.Web.Data;
using Campaigns.Web.Domain.Coalitions;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Coalitions;

/// <summary>
/// Which co-sponsor brought a supporter to an urgent action, a drive or a tour's events, from the "?via=member" of
/// that member's share link (the same member slug a sign-up uses). A link that names no co-sponsor of a joint action
/// on this very programme is ignored rather than refused: a stale or edited link must never stop someone from acting,
/// giving or coming along.
/// </summary>
public sealed class FindCoSponsor(CampaignsDbContext db)
{
    public async Task<Guid?> HandleAsync(JointActionKind kind, string programmeSlug, string? via, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(via) || via.Length > 80)
        {
            return null;
        }

        // Two coalitions may co-sponsor the same programme through members with the same slug: pick the same one every time.
        return await db.JointActions.AsNoTracking()
            .Where(a => a.Kind == kind && a.ProgrammeSlug == programmeSlug)
            .Join(db.JointActionSponsors, a => a.Id, s => s.JointActionId, (a, s) => s.MemberId)
            .Join(db.CoalitionMembers, id => id, m => m.Id, (id, m) => m)
            .Where(m => m.Slug == via)
            .OrderBy(m => m.Id)
            .Select(m => (Guid?)m.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }
}
