using Campaigns.Web.Data;
using Campaigns.Web.Domain.Identity;
using Campaigns.Web.Infrastructure.Hosting;
using Microsoft.Extensions.Options;
using Campaigns.Web.Features.Delegations.Emails;
using Campaigns.Web.Infrastructure.Email;
using Campaigns.Web.Infrastructure.Reminders;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Delegations;

/// <summary>The reminder kinds delegations plug into the engine; a rule's scope is a roster.</summary>
public static class DelegationReminderKinds
{
    /// <summary>Before the first day, the briefing again to everyone approved; anchored on the start.</summary>
    public const string Briefing = "delegation-briefing";

    /// <summary>Each day of the roster, to everyone approved, with a signed "I am safe" link; anchored on the day (midnight UTC).</summary>
    public const string CheckIn = "delegation-check-in";

    /// <summary>After each day's check-in, to the coordinators, naming those approved who have not confirmed they are safe.</summary>
    public const string MissedCheckIn = "delegation-missed-check-in";

    /// <summary>
    /// Rules a new roster starts with: the briefing three days before, the check-in at 18:00 UTC each day, and the
    /// coordinators alerted at midnight UTC about anyone who has not answered it. The alert is never dropped: after
    /// an outage longer than the engine's catch-up window it still goes.
    /// </summary>
    public static IEnumerable<ReminderRule> Defaults(Guid rosterId, DateTimeOffset now) =>
    [
        new ReminderRule { Id = Guid.CreateVersion7(now), Kind = Briefing, ScopeId = rosterId, OffsetMinutes = -3 * 24 * 60, CreatedAt = now },
        new ReminderRule { Id = Guid.CreateVersion7(now), Kind = CheckIn, ScopeId = rosterId, OffsetMinutes = 18 * 60, CreatedAt = now },
        new ReminderRule { Id = Guid.CreateVersion7(now), Kind = MissedCheckIn, ScopeId = rosterId, OffsetMinutes = 24 * 60, NeverDropped = true, CreatedAt = now },
    ];
}

/// <summary>One occurrence per roster (the roster itself, anchored on its first day); recipients are those approved.</summary>
public sealed class BriefingReminderAudience(CampaignsDbContext db, BriefingEmails briefings) : IReminderAudience
{
    public string Kind => DelegationReminderKinds.Briefing;

    public IQueryable<ReminderOccurrence> Occurrences(ReminderRule rule) =>
        db.Rosters.Where(r => r.Id == rule.ScopeId)
            .Select(r => new ReminderOccurrence { Id = r.Id, AnchorAt = r.StartsAt });

    public IQueryable<ReminderRecipient> Recipients(ReminderRule rule, Guid occurrenceId) =>
        briefings.Approved(occurrenceId)
            .Select(p => new ReminderRecipient { PersonKey = "user:" + p.UserId.ToString(), Email = p.Email, Name = p.Name, Culture = p.Culture });

    public Task<EmailMessage> ComposeAsync(ReminderRule rule, Guid occurrenceId, ReminderRecipient recipient, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(recipient);
        return briefings.ComposeAsync(occurrenceId, Guid.Parse(recipient.PersonKey["user:".Length..]), rule.CustomText, isReminder: true, cancellationToken);
    }
}

/// <summary>One occurrence per day of the roster; recipients are those approved; each email carries their own link.</summary>
public sealed class CheckInReminderAudience(CampaignsDbContext db, BriefingEmails briefings, RosterCheckInLinks links) : IReminderAudience
{
    public string Kind => DelegationReminderKinds.CheckIn;

    public IQueryable<ReminderOccurrence> Occurrences(ReminderRule rule) => Days(db, rule);

    public IQueryable<ReminderRecipient> Recipients(ReminderRule rule, Guid occurrenceId) =>
        briefings.Approved(rule.ScopeId)
            .Select(p => new ReminderRecipient { PersonKey = "user:" + p.UserId.ToString(), Email = p.Email, Name = p.Name, Culture = p.Culture });

    /// <summary>Each day of the roster is an occurrence, for the check-in and for the alert that follows it.</summary>
    internal static IQueryable<ReminderOccurrence> Days(CampaignsDbContext db, ReminderRule rule) =>
        db.RosterDays.Where(d => d.RosterId == rule.ScopeId).Select(d => new ReminderOccurrence { Id = d.Id, AnchorAt = d.AnchorAt });

    public async Task<EmailMessage> ComposeAsync(ReminderRule rule, Guid occurrenceId, ReminderRecipient recipient, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(recipient);
        var title = await db.Rosters.Where(r => r.Id == rule.ScopeId).Select(r => r.Title).SingleAsync(cancellationToken);
        var userId = Guid.Parse(recipient.PersonKey["user:".Length..]);
        var model = new CheckInEmailModel(recipient.Name ?? "", title, links.Make(occurrenceId, userId), rule.CustomText);
        return new EmailMessage(recipient.Email, recipient.Name, CheckInEmailModel.Subject, "Delegations/Emails/CheckIn", model, recipient.Culture);
    }
}

/// <summary>
/// One occurrence per day of the roster; the recipient is the coordinator who opened it (every coordinator when
/// nobody did, as for demo data), and only while someone approved has not confirmed that day's check-in. The
/// engine's delivery rows make it one alert per coordinator per day.
/// </summary>
public sealed class MissedCheckInAudience(CampaignsDbContext db, BriefingEmails briefings, IOptions<CampaignsOptions> options) : IReminderAudience
{
    public string Kind => DelegationReminderKinds.MissedCheckIn;

    /// <summary>
    /// Nothing bounds a never-dropped rule's days by time, so the days already dealt with are left out: those
    /// everyone answered and those the coordinators were alerted about.
    /// </summary>
    public IQueryable<ReminderOccurrence> Occurrences(ReminderRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var approved = briefings.Approved(rule.ScopeId);
        return db.RosterDays
            .Where(d => d.RosterId == rule.ScopeId
                && !db.ReminderDeliveries.Any(x => x.RuleId == rule.Id && x.OccurrenceId == d.Id)
                && approved.Any(p => !db.RosterCheckIns.Any(c => c.RosterDayId == d.Id && c.UserId == p.UserId)))
            .Select(d => new ReminderOccurrence { Id = d.Id, AnchorAt = d.AnchorAt });
    }

    public IQueryable<ReminderRecipient> Recipients(ReminderRule rule, Guid occurrenceId)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var missing = Missing(rule.ScopeId, occurrenceId);
        var owner = db.Rosters.Where(r => r.Id == rule.ScopeId).Select(r => r.CoordinatorId);
        return db.Users.Where(u => u.EmailConfirmed && u.FrozenAt == null
                && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Coordinator))
                && (owner.Any(o => o == u.Id) || owner.All(o => o == null)))
            .Where(_ => missing.Any())
            .Select(u => new ReminderRecipient { PersonKey = "user:" + u.Id.ToString(), Email = u.Email!, Name = u.DisplayName, Culture = u.Culture });
    }

    public async Task<EmailMessage> ComposeAsync(ReminderRule rule, Guid occurrenceId, ReminderRecipient recipient, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(recipient);
        var roster = await db.Rosters.Where(r => r.Id == rule.ScopeId).Select(r => new { r.Title, r.Slug }).SingleAsync(cancellationToken);
        var day = await db.RosterDays.Where(d => d.Id == occurrenceId).Select(d => d.AnchorAt).SingleAsync(cancellationToken);
        var names = await Missing(rule.ScopeId, occurrenceId).Select(p => p.Name).OrderBy(n => n).ToListAsync(cancellationToken);
        var model = new MissedCheckInEmailModel(
            recipient.Name ?? "", roster.Title, DateOnly.FromDateTime(day.UtcDateTime), names,
            options.Value.PublicBaseUrl.TrimEnd('/') + "/admin/delegations/" + roster.Slug);
        return new EmailMessage(recipient.Email, recipient.Name, MissedCheckInEmailModel.Subject, "Delegations/Emails/MissedCheckIn", model, recipient.Culture);
    }

    private IQueryable<BriefingRecipient> Missing(Guid rosterId, Guid dayId) =>
        briefings.Approved(rosterId).Where(p => !db.RosterCheckIns.Any(c => c.RosterDayId == dayId && c.UserId == p.UserId));
}
