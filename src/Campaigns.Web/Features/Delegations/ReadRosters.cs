using Campaigns.Web.Data;
using Campaigns.Web.Domain.Delegations;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Delegations;

public sealed record RosterRow(string Slug, string Title, string City, string CountryCode, DateTimeOffset StartsAt, DateTimeOffset EndsAt, RosterStatus Status, int Needed, int Approved, int Pending);

public sealed record RoleRow(Guid Id, string Name, int Needed, int Approved);

public sealed record ApplicantRow(Guid Id, Guid RoleId, string Name, string Email, ApplicationStatus Status, DateTimeOffset CreatedAt);

public sealed record RosterView(
    string Slug, string Title, string Purpose, string City, string CountryCode, string? PartnerName, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    RosterStatus Status, string BriefingText, IReadOnlyList<RoleRow> Roles, IReadOnlyList<ApplicantRow> Applicants, RoleRow? MyRole, ApplicationStatus? MyStatus,
    IReadOnlyList<CheckInRow> CheckIns);

public sealed record CheckInRow(string Name, DateTimeOffset? LastConfirmedAt);

/// <summary>Reads for the volunteer and staff pages; applicants' names and the briefing only for staff.</summary>
public sealed class ReadRosters(CampaignsDbContext db)
{
    public Task<List<RosterRow>> ListAsync(bool openOnly, CancellationToken cancellationToken) =>
        db.Rosters.AsNoTracking().Where(r => !openOnly || r.Status == RosterStatus.Open).OrderBy(r => r.StartsAt)
            .Select(r => new RosterRow(
                r.Slug, r.Title, r.City, r.CountryCode, r.StartsAt, r.EndsAt, r.Status,
                r.Roles.Sum(x => x.Needed), r.Roles.Sum(x => x.Approved),
                db.RosterApplications.Count(a => a.RosterId == r.Id && a.Status == ApplicationStatus.Pending)))
            .ToListAsync(cancellationToken);

    public async Task<RosterView?> FindAsync(string slug, Guid? viewerId, bool staff, CancellationToken cancellationToken)
    {
        var roster = await db.Rosters.AsNoTracking().Where(r => r.Slug == slug)
            .Select(r => new
            {
                r.Id, r.Slug, r.Title, r.Purpose, r.City, r.CountryCode, r.StartsAt, r.EndsAt, r.Status, r.BriefingText,
                PartnerName = db.Partners.Where(p => p.Id == r.PartnerOrganisationId).Select(p => p.PublicName).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (roster is null || (!staff && roster.Status != RosterStatus.Open && !await db.RosterApplications.AnyAsync(a => a.RosterId == roster.Id && a.UserId == viewerId, cancellationToken)))
        {
            return null;
        }

        var roles = await db.RosterRoles.AsNoTracking().Where(r => r.RosterId == roster.Id).OrderBy(r => r.Name)
            .Select(r => new RoleRow(r.Id, r.Name, r.Needed, r.Approved)).ToListAsync(cancellationToken);
        var applicants = staff
            ? await db.RosterApplications.AsNoTracking().Where(a => a.RosterId == roster.Id).OrderBy(a => a.CreatedAt)
                .Join(db.Users, a => a.UserId, u => u.Id, (a, u) => new ApplicantRow(a.Id, a.RoleId, u.DisplayName, u.Email!, a.Status, a.CreatedAt))
                .ToListAsync(cancellationToken)
            : [];
        var checkIns = staff
            ? await db.RosterApplications.AsNoTracking().Where(a => a.RosterId == roster.Id && a.Status == ApplicationStatus.Approved)
                .Join(db.Users, a => a.UserId, u => u.Id, (a, u) => new CheckInRow(
                    u.DisplayName,
                    db.RosterCheckIns.Where(c => c.UserId == u.Id && db.RosterDays.Any(d => d.Id == c.RosterDayId && d.RosterId == roster.Id))
                        .Max(c => (DateTimeOffset?)c.ConfirmedAt)))
                .ToListAsync(cancellationToken)
            : [];
        var mine = await db.RosterApplications.AsNoTracking().Where(a => a.RosterId == roster.Id && a.UserId == viewerId)
            .Select(a => new { a.RoleId, a.Status }).SingleOrDefaultAsync(cancellationToken);
        return new RosterView(
            roster.Slug, roster.Title, roster.Purpose, roster.City, roster.CountryCode, roster.PartnerName, roster.StartsAt, roster.EndsAt,
            roster.Status, staff ? roster.BriefingText : "", roles, applicants, roles.FirstOrDefault(r => r.Id == mine?.RoleId), mine?.Status, checkIns);
    }

    public async Task<RosterForm?> FormAsync(string slug, CancellationToken cancellationToken)
    {
        var form = await db.Rosters.AsNoTracking().Where(r => r.Slug == slug)
            .Select(r => new RosterForm
            {
                Title = r.Title, Purpose = r.Purpose, City = r.City, CountryCode = r.CountryCode,
                PartnerSlug = db.Partners.Where(p => p.Id == r.PartnerOrganisationId).Select(p => p.Slug).FirstOrDefault(),
                StartsOn = DateOnly.FromDateTime(r.StartsAt.UtcDateTime), EndsOn = DateOnly.FromDateTime(r.EndsAt.UtcDateTime),
                BriefingText = r.BriefingText, Status = r.Status,
                Roles = r.Roles.OrderBy(x => x.Name).Select(x => new RoleInput { Id = x.Id, Name = x.Name, Needed = x.Needed }).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        return form;
    }

    public Task<List<PartnerOption>> PartnersAsync(CancellationToken cancellationToken) =>
        db.Partners.AsNoTracking().OrderBy(p => p.Name).Select(p => new PartnerOption(p.Slug, p.Name)).ToListAsync(cancellationToken);
}

public sealed record PartnerOption(string Slug, string Name);
