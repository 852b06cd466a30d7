using System.Security.Claims;
using Campaigns.Web.Data;
using Campaigns.Web.Domain.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Coalitions;

/// <summary>
/// Co-sponsors' own pages. A Partner-role user sees a joint action only through the coalition member that is its
/// organisation, and only the supporters that member may contact; anything else is simply not found.
/// </summary>
[Authorize(Roles = Roles.Partner)]
public sealed class CoalitionPartnerController : Controller
{
    /// <summary>A co-sponsor's own view: combined counters, its contribution, and only the supporters it may contact.</summary>
    [HttpGet("/coalitions/{slug:regex(^[[a-z0-9-]]+$)}/actions/{id:guid}/supporters")]
    public async Task<IActionResult> Supporters(string slug, Guid id, [FromServices] ReadJointAction actions, [FromServices] CampaignsDbContext db, CancellationToken cancellationToken)
    {
        var userId = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        var organisationId = await db.Users.Where(u => u.Id == userId).Select(u => u.PartnerOrganisationId).SingleOrDefaultAsync(cancellationToken);
        var member = organisationId is null ? null : await db.JointActionSponsors.Where(s => s.JointActionId == id)
            .Join(db.CoalitionMembers, s => s.MemberId, m => m.Id, (s, m) => m)
            .Where(m => m.PartnerOrganisationId == organisationId && db.Coalitions.Any(c => c.Id == m.CoalitionId && c.Slug == slug))
            .Select(m => new { m.Id, m.OrganisationName }).FirstOrDefaultAsync(cancellationToken);
        if (member is null || await actions.TotalsAsync(id, cancellationToken) is not { } totals)
        {
            return NotFound();
        }

        ViewData["Slug"] = slug;
        return View("Supporters", new SponsorPage(totals, member.Id, member.OrganisationName, await actions.SupportersVisibleToAsync(id, member.Id, cancellationToken)));
    }

}
