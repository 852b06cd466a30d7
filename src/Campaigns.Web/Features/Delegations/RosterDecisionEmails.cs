using Campaigns.Web.Data;
using Campaigns.Web.Features.Delegations.Emails;
using Campaigns.Web.Infrastructure.Email;
using Campaigns.Web.Infrastructure.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Campaigns.Web.Features.Delegations;

/// <summary>The email telling an applicant the coordinator's decision, in the applicant's own language.</summary>
public sealed class RosterDecisionEmails(CampaignsDbContext db, IOptions<CampaignsOptions> options)
{
    public const string ApprovedSubject = "You are on the delegation roster";

    public const string DeclinedSubject = "About your delegation application";

    public async Task<EmailMessage> ComposeAsync(Guid applicationId, bool approved, CancellationToken cancellationToken)
    {
        var x = await db.RosterApplications.AsNoTracking().Where(a => a.Id == applicationId)
            .Join(db.Users, a => a.UserId, u => u.Id, (a, u) => new { a, u })
            .Join(db.RosterRoles, x => x.a.RoleId, r => r.Id, (x, r) => new { x.u, Role = r.Name, x.a.RosterId })
            .Join(db.Rosters, x => x.RosterId, r => r.Id, (x, r) => new
            {
                Email = x.u.Email!, Name = x.u.DisplayName, x.u.Culture, x.Role, r.Slug, r.Title, r.City, r.CountryCode, r.StartsAt, r.EndsAt,
            })
            .SingleAsync(cancellationToken);
        var baseUrl = options.Value.PublicBaseUrl.TrimEnd('/');
        return approved
            ? new EmailMessage(x.Email, x.Name, ApprovedSubject, "Delegations/Emails/RosterApproved", new RosterApprovedEmailModel(
                x.Name, x.Title, x.Role, x.City, x.CountryCode, DateOnly.FromDateTime(x.StartsAt.UtcDateTime), DateOnly.FromDateTime(x.EndsAt.UtcDateTime),
                baseUrl + "/delegations/" + x.Slug), x.Culture)
            : new EmailMessage(x.Email, x.Name, DeclinedSubject, "Delegations/Emails/RosterDeclined", new RosterDeclinedEmailModel(
                x.Name, x.Title, baseUrl + "/delegations"), x.Culture);
    }
}
