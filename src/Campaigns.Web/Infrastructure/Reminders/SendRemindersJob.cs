using Campaigns.Web.Data;
using Campaigns.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Infrastructure.Reminders;

/// <summary>
/// Reminds one chunk of people (person keys <c>first</c>..<c>last</c>) about one occurrence. Each person's delivery
/// row and email are saved together; the unique (rule, occurrence, person) index refuses a second row, so a run
/// that lost the race to another run, or a repeat after a restart, sends nothing twice.
/// </summary>
public sealed class SendRemindersJob(
    CampaignsDbContext db,
    ReminderAudiences audiences,
    EmailQueue emails,
    TimeProvider clock,
    ILogger<SendRemindersJob> logger)
{
    public async Task RunAsync(Guid ruleId, Guid occurrenceId, string first, string last, CancellationToken cancellationToken)
    {
        var rule = await db.ReminderRules.AsNoTracking().SingleOrDefaultAsync(r => r.Id == ruleId, cancellationToken);
        var audience = rule is null ? null : audiences.Find(rule.Kind);
        if (rule is not { Enabled: true } || audience is null)
        {
            return;
        }

        // The occurrence may have been cancelled or moved later since the chunk was queued.
        var latestAnchor = clock.GetUtcNow() - rule.Offset;
        if (!await audience.Occurrences(rule).AnyAsync(o => o.Id == occurrenceId && o.AnchorAt <= latestAnchor, cancellationToken))
        {
            return;
        }

        var recipients = await ReminderQueries.Pending(db, audience, rule, occurrenceId)
            .Where(r => string.Compare(r.PersonKey, first) >= 0 && string.Compare(r.PersonKey, last) <= 0)
            .OrderBy(r => r.PersonKey)
            .ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var recipient in recipients)
        {
            if (await TrySendAsync(rule, audience, occurrenceId, recipient, cancellationToken))
            {
                sent++;
            }
        }

        logger.LogInformation("Reminder rule {RuleId} occurrence {OccurrenceId}: {Sent} sent, {Skipped} already reminded", ruleId, occurrenceId, sent, recipients.Count - sent);
    }

    private async Task<bool> TrySendAsync(ReminderRule rule, IReminderAudience audience, Guid occurrenceId, ReminderRecipient recipient, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var delivery = new ReminderDelivery
        {
            Id = Guid.CreateVersion7(now),
            RuleId = rule.Id,
            OccurrenceId = occurrenceId,
            PersonKey = recipient.PersonKey,
            CreatedAt = now,
        };
        db.ReminderDeliveries.Add(delivery);
        try
        {
            var message = await audience.ComposeAsync(rule, occurrenceId, recipient, cancellationToken);

            // One SaveChanges writes the delivery row and the email: both or neither.
            delivery.EmailId = await emails.QueueAsync(message, "reminder:" + rule.Kind, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            var personKey = recipient.PersonKey;
            if (await db.ReminderDeliveries.AnyAsync(d => d.RuleId == rule.Id && d.OccurrenceId == occurrenceId && d.PersonKey == personKey, cancellationToken))
            {
                return false;
            }

            throw;
        }
    }
}
