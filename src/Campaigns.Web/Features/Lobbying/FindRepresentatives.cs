using Campaigns.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Lobbying;

/// <summary>
/// A supporter's representatives on this campaign: the campaign's targets in office for the district they chose.
/// The district list is the directory's own; nothing is looked up elsewhere.
/// </summary>
public sealed class FindRepresentatives(CampaignsDbContext db, TimeProvider clock)
{
    public async Task<RepresentativesResult> HandleAsync(Guid campaignId, string? country, Guid? districtId, CancellationToken cancellationToken)
    {
        var code = country?.Trim().ToUpperInvariant() ?? "";
        var district = districtId is null ? null : await db.Districts.AsNoTracking().SingleOrDefaultAsync(d => d.Id == districtId, cancellationToken);
        if (district is null || (code.Length > 0 && district.CountryCode != code))
        {
            return new RepresentativesResult(null, []);
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var representatives = await db.LobbyingCampaignTargets.AsNoTracking().Where(l => l.CampaignId == campaignId)
            .Join(db.Targets, l => l.TargetId, t => t.Id, (l, t) => t)
            .Where(t => t.DistrictId == district.Id && (t.TermEndsOn == null || t.TermEndsOn >= today) && (t.TermStartsOn == null || t.TermStartsOn <= today))
            .OrderBy(t => t.Name)
            .Select(t => new Representative(t.Id, t.Name, t.Title, t.Institution, t.Email != null, t.Phone, t.PostalAddress, t.Language, t.Salutation))
            .ToListAsync(cancellationToken);
        return new RepresentativesResult(new DistrictOption(district.Id, district.CountryCode, district.Name), representatives);
    }
}

/// <param name="District">Null when the district asked for does not exist (or is not in the country chosen).</param>
public sealed record RepresentativesResult(DistrictOption? District, IReadOnlyList<Representative> Representatives);

public sealed record Representative(
    Guid Id, string Name, string Title, string Institution, bool HasEmail, string? Phone, string PostalAddress, string? Language, string Salutation);
