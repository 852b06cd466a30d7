using Campaigns.Web.Data;

namespace Campaigns.Web.Infrastructure.Reminders;

internal static class ReminderQueries
{
    /// <summary>The rule's audience for an occurrence, minus everyone who already has a delivery row.</summary>
    public static IQueryable<ReminderRecipient> Pending(CampaignsDbContext db, IReminderAudience audience, ReminderRule rule, Guid occurrenceId)
    {
        var ruleId = rule.Id;
        return audience.Recipients(rule, occurrenceId)
            .Where(r => !db.ReminderDeliveries.Any(d => d.RuleId == ruleId && d.OccurrenceId == occurrenceId && d.PersonKey == r.PersonKey));
    }
}
