using Campaigns.Web.Data;
using Campaigns.Web.Domain.Alerts;
using Campaigns.Web.Domain.Coalitions;
using Campaigns.Web.Domain.Programmes;
using Campaigns.Web.Features.Aid;
using Campaigns.Web.Features.Coalitions;
using Campaigns.Web.Features.Targets;
using Campaigns.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Alerts;

/// <summary>
/// An activist reports what they did, or has the platform email the letter to the targets in their name. Saying
/// the same thing twice counts once: per person, action and kind. An activist who came through a coalition co-sponsor's share
/// link ("via") counts for that member.
/// </summary>
public sealed class TakeAction(
    CampaignsDbContext db, PlanLetters plans, EmailQueue emails, FindCoSponsor coSponsors, TimeProvider clock, ILogger<TakeAction> logger)
{
    /// <summary>
    /// Counts "I wrote / I called / I visited" once per person, action and kind. <paramref name="participant"/> is
    /// who they are (see <see cref="Participant"/>); a repeat, even a concurrent one, hits the unique index and
    /// changes nothing, and the answer is the same either way, so nobody learns whether others took part.
    /// </summary>
    public async Task<ActionResultKind> RecordAsync(
        string slug, ActionKind kind, Guid? targetId, string participant, Guid? subscriberId, string? via, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(participant);

        // Emails are counted when the platform sends them, never on someone's word.
        if (kind is not (ActionKind.Letter or ActionKind.Call or ActionKind.Visit))
        {
            return ActionResultKind.Refused;
        }

        var action = await OpenActionAsync(slug, cancellationToken);
        if (action is null)
        {
            return ActionResultKind.Closed;
        }

        if (targetId is { } t && !await db.UrgentActionTargets.AnyAsync(x => x.UrgentActionId == action.Id && x.TargetId == t, cancellationToken))
        {
            targetId = null;
        }

        var key = ActionTaken.KeyFor(participant, kind, targetId);
        if (await db.ActionsTaken.AnyAsync(a => a.UrgentActionId == action.Id && a.Kind == kind
                && (a.OnceKey == key || (subscriberId != null && a.SubscriberId == subscriberId)), cancellationToken))
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
            OnceKey = key,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (AidLedger.IsUniqueViolation(ex))
        {
            // A double click raced past the check above; the other request counted it.
            db.ChangeTracker.Clear();
        }

        return ActionResultKind.Recorded;
    }

    /// <summary>
    /// Only with a personal link: the letter goes out under a subscriber's name, so an anonymous form cannot spam
    /// officials. Each official gets the activist's edited text in the language planned for them, from the
    /// organisation's address with Reply-To the activist; the activist gets a copy. A repeat sends nothing.
    /// </summary>
    public async Task<LetterResult> SendLetterAsync(
        string slug, Guid subscriberId, string language, IReadOnlyList<LetterDraft> drafts, string? via, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        var action = await OpenActionAsync(slug, cancellationToken);
        var subscriber = await db.AlertSubscribers.AsNoTracking().SingleOrDefaultAsync(s => s.Id == subscriberId, cancellationToken);
        if (action is null || subscriber is null)
        {
            return LetterResult.Closed;
        }

        var groups = await plans.HandleAsync(action.Id, language, cancellationToken);
        var letters = new List<(LetterGroup Group, string Subject, string Body)>();
        foreach (var group in groups)
        {
            var draft = drafts.FirstOrDefault(d => d.Language == group.Language);
            if (draft is null)
            {
                return LetterResult.Invalid("Check your letter and send it again: the recipients have changed.");
            }

            if (LetterWriter.Problem(draft.Subject, draft.Body) is { } problem)
            {
                return LetterResult.Invalid(problem);
            }

            letters.Add((group, string.IsNullOrWhiteSpace(draft.Subject) ? group.Subject : draft.Subject.Trim(), LetterWriter.Normalise(draft.Body!)));
        }

        var participant = Participant.Subscriber(subscriberId);
        var already = await db.ActionsTaken.Where(a => a.UrgentActionId == action.Id && a.SubscriberId == subscriberId && a.Kind == ActionKind.Email)
            .Select(a => a.TargetId).ToListAsync(cancellationToken);
        var name = LetterWriter.CleanName(subscriber.Name) is { Length: > 0 } n ? n : subscriber.Email;
        var now = clock.GetUtcNow();
        var viaMemberId = await coSponsors.HandleAsync(JointActionKind.UrgentAction, slug, via, cancellationToken);
        var sent = new List<LetterCopyItem>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            foreach (var (group, subject, body) in letters)
            {
                foreach (var recipient in group.Recipients.Where(r => !already.Contains(r.TargetId)))
                {
                    var letter = LetterWriter.Compose(group.Model.Opening, body, recipient.Salutation, name);
                    db.ActionsTaken.Add(new ActionTaken
                    {
                        Id = Guid.CreateVersion7(now),
                        UrgentActionId = action.Id,
                        SubscriberId = subscriberId,
                        Kind = ActionKind.Email,
                        TargetId = recipient.TargetId,
                        ViaMemberId = viaMemberId,
                        CreatedAt = now,
                        OnceKey = ActionTaken.KeyFor(participant, ActionKind.Email, recipient.TargetId),
                    });
                    await emails.QueueAsync(
                        new EmailMessage(recipient.Email, recipient.Name, subject, "Alerts/Emails/Letter", new LetterEmailModel(letter), group.Language,
                            ReplyTo: new EmailReplyTo(subscriber.Email, name)),
                        "alerts-letter", cancellationToken);
                    sent.Add(new LetterCopyItem(recipient.Name, recipient.Title, subject, letter));
                }
            }

            if (sent.Count == 0)
            {
                return LetterResult.AlreadySent;
            }

            await emails.QueueAsync(
                new EmailMessage(subscriber.Email, name, "A copy of your letter", "Targets/Emails/LetterCopy", new LetterCopyModel(name, sent), language),
                "alerts-letter-copy", cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (AidLedger.IsUniqueViolation(ex))
        {
            // The same activist sent the same letter from two tabs at once: the other request sent it.
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            return LetterResult.AlreadySent;
        }

        emails.EnqueuePending();
        logger.LogInformation("Subscriber {SubscriberId} sent the letter of {UrgentActionId} to {Count} targets", subscriberId, action.Id, sent.Count);
        return LetterResult.Sent(sent.Count);
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

    /// <summary>Not a kind of action a person reports (an email is counted when the platform sends it).</summary>
    Refused,
}

public sealed record LetterEmailModel(string Body);

public enum LetterOutcome
{
    Sent,
    AlreadySent,
    Closed,
    Invalid,
}

/// <param name="Problem">For <see cref="LetterOutcome.Invalid"/>: what to fix, a resource key.</param>
public sealed record LetterResult(LetterOutcome Outcome, int Count = 0, string? Problem = null)
{
    public static readonly LetterResult AlreadySent = new(LetterOutcome.AlreadySent);

    public static readonly LetterResult Closed = new(LetterOutcome.Closed);

    public static LetterResult Sent(int count) => new(LetterOutcome.Sent, count);

    public static LetterResult Invalid(string problem) => new(LetterOutcome.Invalid, 0, problem);
}
