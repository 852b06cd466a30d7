using Campaigns.Web.Data;
using Campaigns.Web.Domain.Delegations;
using Campaigns.Web.Features.Delegations.Emails;
using Campaigns.Web.Infrastructure.Email;
using Campaigns.Web.Infrastructure.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Campaigns.Web.Features.Delegations;

/// <summary>The briefing email for one approved member, sent by the coordinator or by the reminder engine.</summary>
public sealed class BriefingEmails(CampaignsDbContext db, IOptions<CampaignsOptions> options)
{
    public const string Subject = "Your delegation briefing";

    public const string ReminderSubject = "Reminder: your delegation briefing";

    /// <summary>Approved members of a roster, with the role each was approved for.</summary>
    public IQueryable<BriefingRecipient> Approved(Guid rosterId) =>
        db.RosterApplications.Where(a => a.RosterId == rosterId && a.Status == ApplicationStatus.Approved)
            .Join(db.Users, a => a.UserId, u => u.Id, (a, u) => new { a, u })
            .Join(db.RosterRoles, x => x.a.RoleId, r => r.Id, (x, r) => new BriefingRecipient
            {
                UserId = x.u.Id, Email = x.u.Email!, Name = x.u.DisplayName, Culture = x.u.Culture, Role = r.Name,
            });

    public async Task<EmailMessage> ComposeAsync(Guid rosterId, Guid userId, string? customText, bool isReminder, CancellationToken cancellationToken)
    {
        var roster = await db.Rosters.AsNoTracking().SingleAsync(r => r.Id == rosterId, cancellationToken);
        var person = await Approved(rosterId).Where(p => p.UserId == userId).SingleAsync(cancellationToken);
        var model = new BriefingEmailModel(
            person.Name, roster.Title, person.Role, roster.City, roster.CountryCode,
            DateOnly.FromDateTime(roster.StartsAt.UtcDateTime), DateOnly.FromDateTime(roster.EndsAt.UtcDateTime),
            roster.BriefingText, customText, options.Value.PublicBaseUrl.TrimEnd('/') + "/delegations/" + roster.Slug, isReminder);
        return new EmailMessage(person.Email, person.Name, isReminder ? ReminderSubject : Subject, "Delegations/Emails/Briefing", model, person.Culture);
    }
}

public sealed class BriefingRecipient
{
    public Guid UserId { get; init; }

    public required string Email { get; init; }

    public required string Name { get; init; }

    public string Culture { get; init; } = "en";

    public required string Role { get; init; }
}
