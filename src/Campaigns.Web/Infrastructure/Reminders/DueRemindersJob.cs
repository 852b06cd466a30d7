using Campaigns.Web.Data;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Campaigns.Web.Infrastructure.Reminders;

/// <summary>
/// Every minute: for each enabled rule, the occurrences whose reminder time has come (within the catch-up window,
/// unless the rule is <see cref="ReminderRule.NeverDropped"/>),
/// and for each, the people not yet reminded, split into chunks of keys, one <see cref="SendRemindersJob"/> each.
/// Running twice only queues chunks that find nobody left to remind.
/// </summary>
public sealed class DueRemindersJob(
    CampaignsDbContext db,
    ReminderAudiences audiences,
    IBackgroundJobClient jobs,
    TimeProvider clock,
    IOptions<RemindersOptions> options,
    ILogger<DueRemindersJob> logger)
{
    public const string Id = "due-reminders";

    [DisableConcurrentExecution(timeoutInSeconds: 120)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var settings = options.Value;
        var rules = await db.ReminderRules.AsNoTracking().Where(r => r.Enabled).ToListAsync(cancellationToken);
        var chunks = 0;
        foreach (var rule in rules)
        {
            var audience = audiences.Find(rule.Kind);
            if (audience is null)
            {
                logger.LogWarning("Reminder rule {RuleId} has kind {Kind}, which nothing provides", rule.Id, rule.Kind);
                continue;
            }

            // Due when anchor + offset lies in (now - catch-up, now], or at any time up to now for a rule never dropped.
            var latestAnchor = now - rule.Offset;
            if (audience is IRecurringReminderAudience recurring)
            {
                await recurring.WriteDueOccurrencesAsync(rule, latestAnchor, cancellationToken);
            }

            var due = audience.Occurrences(rule).Where(o => o.AnchorAt <= latestAnchor);
            if (!rule.NeverDropped)
            {
                var earliestAnchor = latestAnchor - settings.CatchUp;
                due = due.Where(o => o.AnchorAt > earliestAnchor);
            }

            var occurrenceIds = await due.Select(o => o.Id).ToListAsync(cancellationToken);
            foreach (var occurrenceId in occurrenceIds)
            {
                var keys = await ReminderQueries.Pending(db, audience, rule, occurrenceId)
                    .OrderBy(r => r.PersonKey)
                    .Select(r => r.PersonKey)
                    .ToListAsync(cancellationToken);
                foreach (var chunk in keys.Chunk(settings.ChunkSize))
                {
                    var (first, last) = (chunk[0], chunk[^1]);
                    var ruleId = rule.Id;
                    jobs.Enqueue<SendRemindersJob>(job => job.RunAsync(ruleId, occurrenceId, first, last, CancellationToken.None));
                    chunks++;
                }
            }
        }

        if (chunks > 0)
        {
            logger.LogInformation("Queued {Chunks} reminder chunks", chunks);
        }
    }
}
