using Campaigns.Web.Data;
using Campaigns.Web.Infrastructure.Email;
using Campaigns.Web.Infrastructure.Reminders;

namespace Campaigns.Web.Features.Delegations;

/// <summary>The reminder kinds delegations plug into the engine; a rule's scope is a roster.</summary>
public static class DelegationReminderKinds
{
    /// <summary>Before the first day, the briefing again to everyone approved; anchored on the start.</summary>
    public const string Briefing = "delegation-briefing";

    /// <summary>Rules a new roster starts with: the briefing three days before.</summary>
    public static IEnumerable<ReminderRule> Defaults(Guid rosterId, DateTimeOffset now) =>
    [
        new ReminderRule { Id = Guid.CreateVersion7(now), Kind = Briefing, ScopeId = rosterId, OffsetMinutes = -3 * 24 * 60, CreatedAt = now },
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
