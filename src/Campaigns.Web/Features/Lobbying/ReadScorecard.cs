using Campaigns.Web.Data;
using Campaigns.Web.Domain.Lobbying;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Lobbying;

/// <summary>
/// Where each target stands, month by month, from what supporters reported after calls and visits. The latest
/// answer that was an answer (not "no answer") is the target's current position.
/// </summary>
public sealed class ReadScorecard(CampaignsDbContext db)
{
    public async Task<IReadOnlyList<ScorecardRow>> HandleAsync(Guid campaignId, CancellationToken cancellationToken)
    {
        var contacts = await db.LobbyingContacts.AsNoTracking()
            .Where(c => c.CampaignId == campaignId && c.Outcome != null)
            .Select(c => new Reported(c.TargetId, c.Outcome!.Value, c.CreatedAt))
            .ToListAsync(cancellationToken);
        var letters = await db.LobbyingContacts.AsNoTracking().Where(c => c.CampaignId == campaignId && c.Kind == ContactKind.Letter)
            .GroupBy(c => c.TargetId).Select(g => new { TargetId = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var targetIds = contacts.Select(c => c.TargetId).Concat(letters.Select(l => l.TargetId))
            .Concat(await db.LobbyingCampaignTargets.Where(l => l.CampaignId == campaignId).Select(l => l.TargetId).ToListAsync(cancellationToken))
            .Distinct().ToList();
        var names = await db.Targets.AsNoTracking().Where(t => targetIds.Contains(t.Id))
            .Select(t => new { t.Id, t.Name, t.Title }).ToDictionaryAsync(t => t.Id, cancellationToken);
        return targetIds.Select(id =>
        {
            var mine = contacts.Where(c => c.TargetId == id).OrderBy(c => c.CreatedAt).ToList();
            var months = mine.GroupBy(c => $"{c.CreatedAt.UtcDateTime:yyyy-MM}")
                .Select(g => new ScorecardMonth(g.Key, Count(g, ContactOutcome.Supportive), Count(g, ContactOutcome.Opposed), Count(g, ContactOutcome.Undecided), Count(g, ContactOutcome.NoAnswer)))
                .ToList();
            var position = mine.LastOrDefault(c => c.Outcome != ContactOutcome.NoAnswer)?.Outcome;
            return new ScorecardRow(id, names[id].Name, names[id].Title, position, letters.FirstOrDefault(l => l.TargetId == id)?.Count ?? 0, months);
        }).OrderBy(r => r.Name).ToList();

        static int Count(IEnumerable<Reported> contacts, ContactOutcome outcome) => contacts.Count(c => c.Outcome == outcome);
    }

    private sealed record Reported(Guid TargetId, ContactOutcome Outcome, DateTimeOffset CreatedAt);
}

public sealed record ScorecardMonth(string Month, int Supportive, int Opposed, int Undecided, int NoAnswer);

public sealed record ScorecardRow(Guid TargetId, string Name, string Title, ContactOutcome? Position, int Letters, IReadOnlyList<ScorecardMonth> Months);
