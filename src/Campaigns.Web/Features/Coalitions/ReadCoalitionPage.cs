using Campaigns.Web.Data;
using Campaigns.Web.Domain.Coalitions;
using Campaigns.Web.Domain.Programmes;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Coalitions;

/// <summary>
/// What the public may read about a coalition. Members appear only when they agreed to be listed and a
/// coordinator approved them; signatories' names and emails never leave the staff pages.
/// </summary>
public sealed class ReadCoalitionPage(CampaignsDbContext db)
{
    public Task<List<CoalitionRow>> ListAsync(CancellationToken cancellationToken) =>
        db.Coalitions.AsNoTracking().Where(c => c.Status == ProgrammeStatus.Live).OrderBy(c => c.Name)
            .Select(c => new CoalitionRow(c.Slug, c.Name, c.Sector, c.Purpose, c.Status))
            .ToListAsync(cancellationToken);

    public async Task<CoalitionPage?> HandleAsync(string slug, bool staff, CancellationToken cancellationToken)
    {
        var coalition = await db.Coalitions.AsNoTracking()
            .SingleOrDefaultAsync(c => c.Slug == slug && (staff || c.Status == ProgrammeStatus.Live), cancellationToken);
        if (coalition is null)
        {
            return null;
        }

        var versions = await db.PointsOfUnityVersions.AsNoTracking().Where(v => v.CoalitionId == coalition.Id).OrderBy(v => v.Number)
            .Select(v => new VersionRow(v.Id, v.Number, v.ChangeNote, v.PublishedAt, v.Text)).ToListAsync(cancellationToken);
        var current = versions.LastOrDefault();
        var members = await db.CoalitionMembers.AsNoTracking().Where(m => m.CoalitionId == coalition.Id && (staff || (m.Approved && m.ListPublicly)))
            .OrderBy(m => m.OrganisationName)
            .Select(m => new MemberRow(
                m.Id, m.OrganisationName, m.Slug, m.CountryCode, m.ListPublicly, m.Approved,
                db.Endorsements.Where(e => e.MemberId == m.Id).Join(db.PointsOfUnityVersions, e => e.VersionId, v => v.Id, (e, v) => (int?)v.Number).Max()))
            .ToListAsync(cancellationToken);
        var actions = await db.JointActions.AsNoTracking().Where(a => a.CoalitionId == coalition.Id).OrderBy(a => a.CreatedAt)
            .Select(a => new JointActionRow(a.Id, a.Kind, a.ProgrammeSlug, a.Title)).ToListAsync(cancellationToken);
        var campaigns = await db.LobbyingCampaigns.AsNoTracking().Where(c => c.CoalitionId == coalition.Id && c.Status == ProgrammeStatus.Live)
            .OrderBy(c => c.Title).Select(c => new CampaignLink(c.Slug, c.Title)).ToListAsync(cancellationToken);
        return new CoalitionPage(coalition, versions, current, members, actions, campaigns);
    }
}

public sealed record CoalitionRow(string Slug, string Name, string Sector, string Purpose, ProgrammeStatus Status);

public sealed record VersionRow(Guid Id, int Number, string ChangeNote, DateTimeOffset PublishedAt, string Text);

/// <param name="LatestSigned">The highest version number this member signed; null if none.</param>
public sealed record MemberRow(Guid Id, string Name, string Slug, string CountryCode, bool ListPublicly, bool Approved, int? LatestSigned);

public sealed record JointActionRow(Guid Id, JointActionKind Kind, string ProgrammeSlug, string Title)
{
    public string ProgrammeUrl => Kind switch
    {
        JointActionKind.UrgentAction => $"/alerts/{ProgrammeSlug}",
        JointActionKind.AidDrive => $"/aid/{ProgrammeSlug}",
        _ => $"/tours/{ProgrammeSlug}",
    };
}

public sealed record CampaignLink(string Slug, string Title);

public sealed record CoalitionPage(
    Coalition Coalition, IReadOnlyList<VersionRow> Versions, VersionRow? Current, IReadOnlyList<MemberRow> Members,
    IReadOnlyList<JointActionRow> JointActions, IReadOnlyList<CampaignLink> Campaigns)
{
    public IEnumerable<MemberRow> EndorsingCurrent => Members.Where(m => Current is not null && m.LatestSigned == Current.Number);

    public IEnumerable<MemberRow> EndorsingEarlier => Members.Where(m => m.LatestSigned is { } n && (Current is null || n < Current.Number));
}
