using Campaigns.Web.Data;
using Campaigns.Web.Domain.Coalitions;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Coalitions.Admin;

/// <summary>Makes an existing urgent action, drive or tour a joint action of the coalition, co-sponsored by the members chosen.</summary>
public sealed class SaveJointAction(CampaignsDbContext db, TimeProvider clock)
{
    public async Task<string?> HandleAsync(string slug, JointActionForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var coalitionId = await db.Coalitions.Where(c => c.Slug == slug).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(cancellationToken);
        if (coalitionId is null)
        {
            return "This coalition does not exist.";
        }

        var programmeSlug = form.ProgrammeSlug.Trim().ToLowerInvariant();
        var title = form.Kind switch
        {
            JointActionKind.UrgentAction => await db.UrgentActions.Where(a => a.Slug == programmeSlug).Select(a => a.Title).SingleOrDefaultAsync(cancellationToken),
            JointActionKind.AidDrive => await db.AidDrives.Where(a => a.Slug == programmeSlug).Select(a => a.Title).SingleOrDefaultAsync(cancellationToken),
            _ => await db.Tours.Where(a => a.Slug == programmeSlug).Select(a => a.Title).SingleOrDefaultAsync(cancellationToken),
        };
        if (title is null)
        {
            return "No action, drive or tour has this address.";
        }

        if (await db.JointActions.AnyAsync(a => a.CoalitionId == coalitionId && a.Kind == form.Kind && a.ProgrammeSlug == programmeSlug, cancellationToken))
        {
            return "This is already a joint action of the coalition.";
        }

        var sponsors = await db.CoalitionMembers.Where(m => m.CoalitionId == coalitionId && form.SponsorIds.Contains(m.Id)).Select(m => m.Id).ToListAsync(cancellationToken);
        if (sponsors.Count < 2)
        {
            return "Choose at least two member organisations as co-sponsors.";
        }

        var now = clock.GetUtcNow();
        var action = new JointAction
        {
            Id = Guid.CreateVersion7(now),
            CoalitionId = coalitionId.Value,
            Kind = form.Kind,
            ProgrammeSlug = programmeSlug,
            Title = title,
            CreatedAt = now,
        };
        action.Sponsors.AddRange(sponsors.Select(id => new JointActionSponsor { MemberId = id }));
        db.JointActions.Add(action);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }
}
