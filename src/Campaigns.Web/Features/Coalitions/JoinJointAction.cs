using Campaigns.Web.Data;
using Campaigns.Web.Domain.Coalitions;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Coalitions;

/// <summary>
/// A supporter joins a joint action through one co-sponsor's link. Their consent is recorded word for word: to
/// that organisation only, or to all co-sponsors. Joining twice with one address changes nothing.
/// </summary>
public sealed class JoinJointAction(CampaignsDbContext db, TimeProvider clock)
{
    public async Task<bool> HandleAsync(string coalitionSlug, Guid actionId, JoinForm form, string consentText, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var action = await db.JointActions.AsNoTracking()
            .Where(a => a.Id == actionId && db.Coalitions.Any(c => c.Id == a.CoalitionId && c.Slug == coalitionSlug))
            .Select(a => new { a.Id }).SingleOrDefaultAsync(cancellationToken);
        if (action is null)
        {
            return false;
        }

        var via = string.IsNullOrWhiteSpace(form.Via) ? null : await db.JointActionSponsors
            .Where(s => s.JointActionId == actionId)
            .Join(db.CoalitionMembers, s => s.MemberId, m => m.Id, (s, m) => m)
            .Where(m => m.Slug == form.Via)
            .Select(m => (Guid?)m.Id).SingleOrDefaultAsync(cancellationToken);
        var email = form.Email.Trim().ToLowerInvariant();
        if (await db.JointActionSupporters.AnyAsync(s => s.JointActionId == actionId && s.Email == email, cancellationToken))
        {
            return true;
        }

        db.JointActionSupporters.Add(new JointActionSupporter
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            JointActionId = actionId,
            ViaMemberId = via,
            Name = form.Name.Trim(),
            Email = email,
            ShareWithAllSponsors = form.ShareWithAllSponsors,
            ConsentText = consentText,
            CreatedAt = clock.GetUtcNow(),
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same address joining twice at once: the first one counts.
            db.ChangeTracker.Clear();
        }

        return true;
    }
}
