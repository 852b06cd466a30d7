using Campaigns.Web.Data;
using Campaigns.Web.Domain.Assistance;
using Campaigns.Web.Domain.Partners;
using Campaigns.Web.Domain.Programmes;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Assistance;

public sealed record SkillOption(Guid Id, string Category, string Name);

public sealed record NeedRow(string Name, bool Required, SkillLevel MinimumLevel);

/// <summary>A request as public pages show it: no safety notes, no partner contacts.</summary>
public sealed record PublicRequest(
    string Slug, string Title, string Summary, string PartnerName, string CountryCode, DateOnly? StartsOn, DateOnly? EndsOn,
    bool Remote, bool OnSite, string Location, int? HoursPerWeek, IReadOnlyList<NeedRow> Skills, string Languages);

public sealed record DeploymentRow(
    Guid Id, string RequestSlug, string RequestTitle, Guid VolunteerId, string VolunteerName, string? VolunteerEmail,
    DeploymentOrigin Origin, DeploymentStatus Status, DateOnly? StartsOn, DateOnly? EndsOn, DateTimeOffset ProposedAt,
    DateTimeOffset? AcceptedAt, DateTimeOffset? BriefedAt, DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt,
    DateTimeOffset? WithdrawnAt, DateTimeOffset? DeclinedAt, string HandoverReport, int? PartnerRating, string PartnerComment,
    string? SafetyNotes);

public sealed record PartnerRequestModel(PublicRequest Request, ProgrammeStatus Status, string SafetyNotes, IReadOnlyList<DeploymentRow> Deployments);

/// <summary>The read side of the programme: AsNoTracking and hand-written projections, one method per page.</summary>
public sealed class ReadAssistance(CampaignsDbContext db, TimeProvider clock)
{
    public Task<List<SkillOption>> SkillsAsync(CancellationToken cancellationToken) =>
        db.Skills.AsNoTracking()
            .Join(db.SkillCategories, s => s.CategoryId, c => c.Id, (s, c) => new { s, c })
            .OrderBy(x => x.c.Name).ThenBy(x => x.s.Name)
            .Select(x => new SkillOption(x.s.Id, x.c.Name, x.s.Name))
            .ToListAsync(cancellationToken);

    /// <param name="publicOnly">Open requests only (public pages); partners and staff see paused and closed too.</param>
    public async Task<PublicRequest?> RequestAsync(string slug, bool publicOnly, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var row = await db.AssistanceRequests.AsNoTracking()
            .Where(r => r.Slug == slug && (!publicOnly || (r.Status == ProgrammeStatus.Live && (r.EndsOn == null || r.EndsOn >= today))))
            .Join(db.Partners, r => r.PartnerOrganisationId, p => p.Id, (r, p) => new
            {
                r.Id, r.Slug, r.Title, r.Summary,
                PartnerName = p.Visibility == ProfileVisibility.Public ? p.Name : p.PublicName,
                p.CountryCode, r.StartsOn, r.EndsOn, r.Remote, r.OnSite, r.Location, r.HoursPerWeek,
                Skills = r.Skills.Join(db.Skills, rs => rs.SkillId, s => s.Id, (rs, s) => new NeedRow(s.Name, rs.Required, rs.MinimumLevel)).ToList(),
                Languages = r.Languages.Select(l => new { l.LanguageCode, l.MinimumLevel }).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : new PublicRequest(
            row.Slug, row.Title, row.Summary, row.PartnerName, row.CountryCode, row.StartsOn, row.EndsOn, row.Remote, row.OnSite,
            row.Location, row.HoursPerWeek, row.Skills.OrderByDescending(s => s.Required).ThenBy(s => s.Name).ToList(),
            Languages.Format(row.Languages.Select(l => (l.LanguageCode, l.MinimumLevel))));
    }

    public Task<List<RequestRow>> PartnerRequestsAsync(Guid organisationId, CancellationToken cancellationToken) =>
        db.AssistanceRequests.AsNoTracking().Where(r => r.PartnerOrganisationId == organisationId)
            .OrderBy(r => r.Status).ThenBy(r => r.Title)
            .Select(r => new RequestRow(r.Slug, r.Title, r.Status, r.StartsOn, r.EndsOn, db.Deployments.Count(d => d.RequestId == r.Id && d.Status == DeploymentStatus.Proposed)))
            .ToListAsync(cancellationToken);

    public Task<List<StaffRequestRow>> AllRequestsAsync(CancellationToken cancellationToken) =>
        db.AssistanceRequests.AsNoTracking()
            .OrderBy(r => r.Status).ThenBy(r => r.Title)
            .Join(db.Partners, r => r.PartnerOrganisationId, p => p.Id, (r, p) => new StaffRequestRow(
                r.Slug, r.Title, r.Status, p.Slug, p.Name, db.Deployments.Count(d => d.RequestId == r.Id && d.Status == DeploymentStatus.Proposed)))
            .ToListAsync(cancellationToken);

    /// <param name="organisationId">A partner's organisation: only its own request is found. Null for staff.</param>
    public async Task<PartnerRequestModel?> RequestWithDeploymentsAsync(string slug, Guid? organisationId, CancellationToken cancellationToken)
    {
        var request = await db.AssistanceRequests.AsNoTracking()
            .Where(r => r.Slug == slug && (organisationId == null || r.PartnerOrganisationId == organisationId))
            .Select(r => new { r.Id, r.Status, r.SafetyNotes })
            .SingleOrDefaultAsync(cancellationToken);
        if (request is null || await RequestAsync(slug, publicOnly: false, cancellationToken) is not { } view)
        {
            return null;
        }

        var deployments = await DeploymentsAsync(db.Deployments.Where(d => d.RequestId == request.Id), contactsAlways: organisationId is null, cancellationToken);
        return new PartnerRequestModel(view, request.Status, request.SafetyNotes, deployments);
    }

    public async Task<AssistanceRequestForm?> FormAsync(string slug, Guid organisationId, CancellationToken cancellationToken)
    {
        var r = await db.AssistanceRequests.AsNoTracking().Include(x => x.Skills).Include(x => x.Languages)
            .SingleOrDefaultAsync(x => x.Slug == slug && x.PartnerOrganisationId == organisationId, cancellationToken);
        return r is null ? null : new AssistanceRequestForm
        {
            Title = r.Title,
            Summary = r.Summary,
            Skills = r.Skills.ToDictionary(s => s.SkillId, s => s.Required ? "required" : "nice"),
            MinimumLevel = r.Skills.Where(s => s.Required).Select(s => s.MinimumLevel).DefaultIfEmpty(SkillLevel.Working).Min(),
            Languages = Languages.Format(r.Languages.Select(l => (l.LanguageCode, l.MinimumLevel))),
            Remote = r.Remote,
            OnSite = r.OnSite,
            Location = r.Location,
            StartsOn = r.StartsOn,
            EndsOn = r.EndsOn,
            HoursPerWeek = r.HoursPerWeek,
            SafetyNotes = r.SafetyNotes,
        };
    }

    public async Task<VolunteerProfileForm> ProfileFormAsync(Guid volunteerId, CancellationToken cancellationToken)
    {
        var p = await db.VolunteerProfiles.AsNoTracking().Include(x => x.Skills).Include(x => x.Languages).Include(x => x.Availability)
            .SingleOrDefaultAsync(x => x.UserId == volunteerId, cancellationToken);
        var form = p is null ? new VolunteerProfileForm() : new VolunteerProfileForm
        {
            CountryCode = p.CountryCode,
            City = p.City,
            Remote = p.Remote,
            OnSite = p.OnSite,
            References = p.References,
            Skills = p.Skills.ToDictionary(s => s.SkillId, s => s.Level.ToString()),
            Languages = Languages.Format(p.Languages.Select(l => (l.LanguageCode, l.Level))),
            Windows = p.Availability.OrderBy(w => w.From).Select(w => new WindowForm { From = w.From, To = w.To, HoursPerWeek = w.HoursPerWeek }).ToList(),
        };
        while (form.Windows.Count < 3)
        {
            form.Windows.Add(new WindowForm());
        }

        return form;
    }

    /// <summary>
    /// Deployments with the volunteer's contact shown only to staff, or to the partner once it accepted; safety
    /// notes only to staff and to a volunteer the partner accepted.
    /// </summary>
    public async Task<List<DeploymentRow>> DeploymentsAsync(IQueryable<Deployment> deployments, bool contactsAlways, CancellationToken cancellationToken)
    {
        var accepted = new[] { DeploymentStatus.Accepted, DeploymentStatus.Briefed, DeploymentStatus.OnAssignment, DeploymentStatus.Completed };
        return await deployments.AsNoTracking()
            .OrderByDescending(d => d.ProposedAt)
            .Join(db.AssistanceRequests, d => d.RequestId, r => r.Id, (d, r) => new { d, r })
            .Join(db.Users, x => x.d.VolunteerId, u => u.Id, (x, u) => new DeploymentRow(
                x.d.Id, x.r.Slug, x.r.Title, u.Id, u.DisplayName,
                contactsAlways || accepted.Contains(x.d.Status) ? u.Email : null,
                x.d.Origin, x.d.Status, x.d.StartsOn, x.d.EndsOn, x.d.ProposedAt, x.d.AcceptedAt, x.d.BriefedAt, x.d.StartedAt,
                x.d.CompletedAt, x.d.WithdrawnAt, x.d.DeclinedAt, x.d.HandoverReport, x.d.PartnerRating, x.d.PartnerComment,
                contactsAlways || accepted.Contains(x.d.Status) ? x.r.SafetyNotes : null))
            .ToListAsync(cancellationToken);
    }

    public IQueryable<Deployment> OfVolunteer(Guid volunteerId) => db.Deployments.Where(d => d.VolunteerId == volunteerId);

    public IQueryable<Deployment> OfPartner(Guid organisationId) =>
        db.Deployments.Where(d => db.AssistanceRequests.Any(r => r.Id == d.RequestId && r.PartnerOrganisationId == organisationId));

    public Task<List<VolunteerRow>> VolunteersAsync(CancellationToken cancellationToken) =>
        db.VolunteerProfiles.AsNoTracking()
            .Join(db.Users, p => p.UserId, u => u.Id, (p, u) => new { p, u })
            .OrderBy(x => x.u.DisplayName)
            .Select(x => new VolunteerRow(x.u.Id, x.u.DisplayName, x.u.Email ?? "", x.p.CountryCode, x.p.City, x.p.BackgroundCheck,
                db.Deployments.Count(d => d.VolunteerId == x.u.Id && d.Status == DeploymentStatus.Completed)))
            .ToListAsync(cancellationToken);

    public Task<VolunteerRow?> VolunteerAsync(Guid id, CancellationToken cancellationToken) =>
        db.VolunteerProfiles.AsNoTracking().Where(p => p.UserId == id)
            .Join(db.Users, p => p.UserId, u => u.Id, (p, u) => new VolunteerRow(u.Id, u.DisplayName, u.Email ?? "", p.CountryCode, p.City, p.BackgroundCheck,
                db.Deployments.Count(d => d.VolunteerId == u.Id && d.Status == DeploymentStatus.Completed)))
            .SingleOrDefaultAsync(cancellationToken);

    public Task<List<CheckInRow>> CheckInsAsync(Guid deploymentId, CancellationToken cancellationToken) =>
        db.CheckIns.AsNoTracking().Where(c => c.DeploymentId == deploymentId).OrderByDescending(c => c.DueAt)
            .Select(c => new CheckInRow(c.DueAt, c.SentAt, c.ConfirmedAt, c.EscalatedAt))
            .ToListAsync(cancellationToken);
}

public sealed record StaffRequestRow(string Slug, string Title, ProgrammeStatus Status, string PartnerSlug, string PartnerName, int Proposed);

public sealed record RequestRow(string Slug, string Title, ProgrammeStatus Status, DateOnly? StartsOn, DateOnly? EndsOn, int Proposed);

public sealed record VolunteerRow(Guid Id, string Name, string Email, string CountryCode, string City, BackgroundCheckStatus BackgroundCheck, int Completed);

public sealed record CheckInRow(DateTimeOffset DueAt, DateTimeOffset? SentAt, DateTimeOffset? ConfirmedAt, DateTimeOffset? EscalatedAt);
