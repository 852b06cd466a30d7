using Campaigns.Web.Data;
using Campaigns.Web.Domain.Alerts;
using Campaigns.Web.Domain.Coalitions;
using Campaigns.Web.Domain.Programmes;
using Campaigns.Web.Features.Alerts.Sending;
using Campaigns.Web.Features.Coalitions;
using Campaigns.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Alerts;

/// <summary>
/// An activist reports what they did, or has the platform email the letter to the targets in their name. Saying
/// the same thing twice (a double click) counts once. An activist who came through a coalition co-sponsor's share
/// link ("via") counts for that member.
/// </summary>
public sealed class TakeAction(
    CampaignsDbContext db, ReadAlertContent contents, EmailQueue emails, FindCoSponsor coSponsors, TimeProvider clock, ILogger<TakeAction> logger)
{
    public async Task<ActionResultKind> RecordAsync(string slug, ActionKind kind, Guid? targetId, Guid? subscriberId, string? via, CancellationToken cancellationToken)
    {
        var action = await OpenActionAsync(slug, cancellationToken);
        if (action is null)
        {
            return ActionResultKind.Closed;
        }

        if (targetId is { } t && !await db.UrgentActionTargets.AnyAsync(x => x.UrgentActionId == action.Id && x.TargetId == t, cancellationToken))
        {
            targetId = null;
        }

        if (subscriberId is not null && await db.ActionsTaken.AnyAsync(
                a => a.UrgentActionId == action.Id && a.SubscriberId == subscriberId && a.Kind == kind && a.TargetId == targetId, cancellationToken))
        {
            return ActionResultKind.Recorded;
        }

        db.ActionsTaken.Add(new ActionTaken
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            UrgentActionId = action.Id,
            SubscriberId = subscriberId,
            Kind = kind,
            TargetId = targetId,
            ViaMemberId = await coSponsors.HandleAsync(JointActionKind.UrgentAction, slug, via, cancellationToken),
            CreatedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
        return ActionResultKind.Recorded;
    }

    /// <summary>Only with a personal link: the letter goes out under a subscriber's name, so an anonymous form cannot spam officials.</summary>
    public async Task<int> SendLetterAsync(string slug, Guid subscriberId, string language, string? via, CancellationToken cancellationToken)
    {
        var action = await OpenActionAsync(slug, cancellationToken);
        var subscriber = await db.AlertSubscribers.AsNoTracking().SingleOrDefaultAsync(s => s.Id == subscriberId, cancellationToken);
        if (action is null || subscriber is null)
        {
            return 0;
        }

        var content = (await contents.HandleAsync(action.Id, language, cancellationToken))!;
        var already = await db.ActionsTaken.Where(a => a.UrgentActionId == action.Id && a.SubscriberId == subscriberId && a.Kind == ActionKind.Email)
            .Select(a => a.TargetId).ToListAsync(cancellationToken);
        var targets = await db.UrgentActionTargets.Where(x => x.UrgentActionId == action.Id)
            .Join(db.Targets, x => x.TargetId, t => t.Id, (x, t) => t)
            .Where(t => t.Email != null && !already.Contains(t.Id))
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var viaMemberId = targets.Count == 0 ? null : await coSponsors.HandleAsync(JointActionKind.UrgentAction, slug, via, cancellationToken);
        var signature = string.IsNullOrWhiteSpace(subscriber.Name) ? subscriber.Email : subscriber.Name;
        foreach (var target in targets)
        {
            var body = content.LetterTemplate
                .Replace("{salutation}", target.Salutation, StringComparison.Ordinal)
                .Replace("{name}", signature, StringComparison.Ordinal);
            await emails.QueueAsync(
                new EmailMessage(target.Email!, target.Name, string.IsNullOrWhiteSpace(content.LetterSubject) ? content.Title : content.LetterSubject,
                    "Alerts/Emails/Letter", new LetterEmailModel(body), content.Language),
                "alerts-letter", cancellationToken);
            db.ActionsTaken.Add(new ActionTaken
            {
                Id = Guid.CreateVersion7(now),
                UrgentActionId = action.Id,
                SubscriberId = subscriberId,
                Kind = ActionKind.Email,
                TargetId = target.Id,
                ViaMemberId = viaMemberId,
                CreatedAt = now,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Subscriber {SubscriberId} sent the letter of {UrgentActionId} to {Count} targets", subscriberId, action.Id, targets.Count);
        return targets.Count;
    }

    private async Task<UrgentAction?> OpenActionAsync(string slug, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var action = await db.UrgentActions.AsNoTracking().SingleOrDefaultAsync(a => a.Slug == slug && a.Status == ProgrammeStatus.Live, cancellationToken);
        return action is null || action.IsExpired(today) ? null : action;
    }
}

public enum ActionResultKind
{
    Recorded,
    Closed,
}

public sealed record LetterEmailModel(string Body);
