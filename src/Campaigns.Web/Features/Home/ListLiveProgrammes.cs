using Campaigns.Web.Data;
using Campaigns.Web.Domain.Programmes;
using Campaigns.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Home;

/// <summary>The home page: what the organisation is doing now, across every programme.</summary>
public sealed class ListLiveProgrammes(CampaignsDbContext db, TimeProvider clock)
{
    private const ProgrammeStatus Live = ProgrammeStatus.Live;

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<HomeViewModel> HandleAsync(CancellationToken cancellationToken) => new(
        await ToursAsync(null, cancellationToken),
        await AidDrivesAsync(null, cancellationToken),
        await AssistanceRequestsAsync(null, cancellationToken),
        await UrgentActionsAsync(null, cancellationToken));

    /// <param name="slug">One programme's page, or every live one when null.</param>
    public Task<List<ProgrammeCard>> ToursAsync(string? slug, CancellationToken cancellationToken)
    {
        var today = Today;
        return db.Tours.AsNoTracking()
            .Where(t => t.Status == Live && t.EndsOn >= today && (slug == null || t.Slug == slug))
            .OrderBy(t => t.StartsOn)
            .Join(db.Partners, t => t.PartnerOrganisationId, p => p.Id, (t, p) => new { t, p })
            .Select(x => new ProgrammeCard("Speaker tour", x.t.Title, "/tours/" + x.t.Slug, x.t.Summary,
                x.p.Visibility == Domain.Partners.ProfileVisibility.Public ? x.p.Name : x.p.PublicName, x.p.CountryCode, x.t.StartsOn, x.t.EndsOn))
            .ToListAsync(cancellationToken);
    }

    public Task<List<ProgrammeCard>> AidDrivesAsync(string? slug, CancellationToken cancellationToken)
    {
        var today = Today;
        return db.AidDrives.AsNoTracking()
            .Where(d => d.Status == Live && d.StartsOn <= today && (d.EndsOn == null || d.EndsOn >= today) && (slug == null || d.Slug == slug))
            .OrderBy(d => d.EndsOn)
            .Join(db.Partners, d => d.PartnerOrganisationId, p => p.Id, (d, p) => new { d, p })
            .Select(x => new ProgrammeCard("Aid drive", x.d.Title, "/aid/" + x.d.Slug, x.d.Story,
                x.p.Visibility == Domain.Partners.ProfileVisibility.Public ? x.p.Name : x.p.PublicName, x.p.CountryCode, x.d.StartsOn, x.d.EndsOn))
            .ToListAsync(cancellationToken);
    }

    public Task<List<ProgrammeCard>> AssistanceRequestsAsync(string? slug, CancellationToken cancellationToken)
    {
        var today = Today;
        return db.AssistanceRequests.AsNoTracking()
            .Where(r => r.Status == Live && (r.EndsOn == null || r.EndsOn >= today) && (slug == null || r.Slug == slug))
            .OrderBy(r => r.StartsOn)
            .Join(db.Partners, r => r.PartnerOrganisationId, p => p.Id, (r, p) => new { r, p })
            .Select(x => new ProgrammeCard("Assistance request", x.r.Title, "/assistance/" + x.r.Slug, x.r.Summary,
                x.p.Visibility == Domain.Partners.ProfileVisibility.Public ? x.p.Name : x.p.PublicName, x.p.CountryCode, x.r.StartsOn, x.r.EndsOn))
            .ToListAsync(cancellationToken);
    }

    public Task<List<ProgrammeCard>> UrgentActionsAsync(string? slug, CancellationToken cancellationToken)
    {
        var today = Today;
        return db.UrgentActions.AsNoTracking()
            .Where(a => a.Status == Live && (a.Deadline == null || a.Deadline >= today) && (slug == null || a.Slug == slug))
            .OrderByDescending(a => a.IssuedOn)
            .Select(a => new ProgrammeCard("Urgent action", a.Title, "/alerts/" + a.Slug, a.Summary, a.CaseReference, "", a.IssuedOn, a.Deadline))
            .ToListAsync(cancellationToken);
    }
}

public sealed record HomeViewModel(
    IReadOnlyList<ProgrammeCard> Tours,
    IReadOnlyList<ProgrammeCard> AidDrives,
    IReadOnlyList<ProgrammeCard> AssistanceRequests,
    IReadOnlyList<ProgrammeCard> UrgentActions)
{
    public bool IsEmpty => Tours.Count + AidDrives.Count + AssistanceRequests.Count + UrgentActions.Count == 0;
}
