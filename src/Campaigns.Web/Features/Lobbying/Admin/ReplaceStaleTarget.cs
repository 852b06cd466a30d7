using Campaigns.Web.Data;
using Campaigns.Web.Domain.Alerts;
using Campaigns.Web.Domain.Lobbying;
using Campaigns.Web.Domain.Programmes;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Lobbying.Admin;

/// <summary>
/// Targets go stale after elections. This lists directory entries whose term ended but that live campaigns or
/// urgent actions still address, and in one action moves every one of them to the successor. Past contacts stay
/// with the old target: what an official said is history, not something the successor said.
/// </summary>
public sealed class ReplaceStaleTarget(CampaignsDbContext db, TimeProvider clock, ILogger<ReplaceStaleTarget> logger)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<IReadOnlyList<StaleTargetRow>> ListAsync(CancellationToken cancellationToken)
    {
        var today = Today;
        var stale = await db.Targets.AsNoTracking().Where(t => t.TermEndsOn != null && t.TermEndsOn < today)
            .Select(t => new
            {
                t.Id,
                t.Name,
                t.Title,
                t.CountryCode,
                t.DistrictId,
                t.TermEndsOn,
                Campaigns = db.LobbyingCampaignTargets.Where(l => l.TargetId == t.Id)
                    .Join(db.LobbyingCampaigns.Where(c => c.Status == ProgrammeStatus.Live), l => l.CampaignId, c => c.Id, (l, c) => c.Title).ToList(),
                Actions = db.UrgentActionTargets.Where(l => l.TargetId == t.Id)
                    .Join(db.UrgentActions.Where(a => a.Status == ProgrammeStatus.Live && a.ExpiredAt == null), l => l.UrgentActionId, a => a.Id, (l, a) => a.Title).ToList(),
            })
            .ToListAsync(cancellationToken);
        var rows = new List<StaleTargetRow>();
        foreach (var t in stale.Where(t => t.Campaigns.Count + t.Actions.Count > 0))
        {
            // Likely successors first: same district, then same title and country; only people in office.
            var candidates = await db.Targets.AsNoTracking()
                .Where(c => c.Id != t.Id && (c.TermEndsOn == null || c.TermEndsOn >= today) && c.CountryCode == t.CountryCode)
                .OrderByDescending(c => t.DistrictId != null && c.DistrictId == t.DistrictId).ThenByDescending(c => c.Title == t.Title).ThenBy(c => c.Name)
                .Select(c => new SuccessorOption(c.Id, c.Name, c.Title))
                .Take(50)
                .ToListAsync(cancellationToken);
            rows.Add(new StaleTargetRow(t.Id, t.Name, t.Title, t.TermEndsOn!.Value, t.Campaigns.Concat(t.Actions).ToList(), candidates));
        }

        return rows;
    }

    public async Task<ReplaceResult> HandleAsync(Guid targetId, Guid successorId, CancellationToken cancellationToken)
    {
        var today = Today;
        var target = await db.Targets.SingleOrDefaultAsync(t => t.Id == targetId, cancellationToken);
        var successor = await db.Targets.AsNoTracking().SingleOrDefaultAsync(t => t.Id == successorId, cancellationToken);
        if (target is null || successor is null || successor.Id == target.Id)
        {
            return new ReplaceResult(ReplaceOutcome.NotFound, 0);
        }

        if (!target.TermEnded(today))
        {
            return new ReplaceResult(ReplaceOutcome.StillInOffice, 0);
        }

        if (successor.TermEnded(today))
        {
            return new ReplaceResult(ReplaceOutcome.SuccessorOutOfOffice, 0);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var campaignLinks = await db.LobbyingCampaignTargets
            .Where(l => l.TargetId == target.Id && db.LobbyingCampaigns.Any(c => c.Id == l.CampaignId && c.Status == ProgrammeStatus.Live))
            .ToListAsync(cancellationToken);
        foreach (var link in campaignLinks)
        {
            db.LobbyingCampaignTargets.Remove(link);
            if (!await db.LobbyingCampaignTargets.AnyAsync(l => l.CampaignId == link.CampaignId && l.TargetId == successor.Id, cancellationToken))
            {
                db.LobbyingCampaignTargets.Add(new LobbyingCampaignTarget { CampaignId = link.CampaignId, TargetId = successor.Id });
            }
        }

        var actionLinks = await db.UrgentActionTargets
            .Where(l => l.TargetId == target.Id && db.UrgentActions.Any(a => a.Id == l.UrgentActionId && a.Status == ProgrammeStatus.Live && a.ExpiredAt == null))
            .ToListAsync(cancellationToken);
        foreach (var link in actionLinks)
        {
            db.UrgentActionTargets.Remove(link);
            if (!await db.UrgentActionTargets.AnyAsync(l => l.UrgentActionId == link.UrgentActionId && l.TargetId == successor.Id, cancellationToken))
            {
                db.UrgentActionTargets.Add(new UrgentActionTarget { UrgentActionId = link.UrgentActionId, TargetId = successor.Id });
            }
        }

        target.SucceededById = successor.Id;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var moved = campaignLinks.Count + actionLinks.Count;
        logger.LogInformation("Target {TargetId} replaced by {SuccessorId} on {Count} live campaigns and actions", target.Id, successor.Id, moved);
        return new ReplaceResult(ReplaceOutcome.Moved, moved);
    }
}

public sealed record SuccessorOption(Guid Id, string Name, string Title);

public sealed record StaleTargetRow(Guid Id, string Name, string Title, DateOnly TermEndedOn, IReadOnlyList<string> LiveUses, IReadOnlyList<SuccessorOption> Candidates);

public enum ReplaceOutcome
{
    Moved,
    NotFound,
    StillInOffice,
    SuccessorOutOfOffice,
}

public sealed record ReplaceResult(ReplaceOutcome Outcome, int Moved);
