using Campaigns.Web.Data;
using Campaigns.Web.Domain.Assistance;
using Campaigns.Web.Domain.Identity;
using Campaigns.Web.Infrastructure.Email;
using Campaigns.Web.Infrastructure.Reminders;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Assistance.CheckIns;

public sealed record CheckInEmailModel(string Name, string RequestTitle, string Link, DateTimeOffset DueAt);

public sealed record MissedCheckInEmailModel(string CoordinatorName, string VolunteerName, string RequestTitle, string Link, DateTimeOffset DueAt);

/// <summary>
/// The reminder kinds on-site check-ins plug into the engine; a rule's scope is a deployment and its occurrences are
/// the deployment's <see cref="CheckIn"/> rows, written by the engine's run as they fall due (every N hours from the
/// start of the assignment, see <see cref="CheckInOccurrences"/>).
/// </summary>
public static class CheckInReminderKinds
{
    /// <summary>To the volunteer, when a check-in falls due, with a signed "I am safe" link; anchored on the due time.</summary>
    public const string CheckIn = "assistance-check-in";

    /// <summary>To the coordinator, the grace period after a check-in the volunteer has not confirmed.</summary>
    public const string MissedCheckIn = "assistance-missed-check-in";

    public static readonly IReadOnlyList<string> All = [CheckIn, MissedCheckIn];

    /// <summary>
    /// Both rules are never dropped: after an outage the volunteer is still asked (only the latest check-in, see
    /// <see cref="CheckInRequestAudience"/>), and every missed check-in still reaches the coordinator.
    /// </summary>
    public static IEnumerable<ReminderRule> Defaults(Guid deploymentId, int graceHours, DateTimeOffset now) =>
    [
        new ReminderRule { Id = Guid.CreateVersion7(now), Kind = CheckIn, ScopeId = deploymentId, OffsetMinutes = 0, NeverDropped = true, CreatedAt = now },
        new ReminderRule { Id = Guid.CreateVersion7(now), Kind = MissedCheckIn, ScopeId = deploymentId, OffsetMinutes = graceHours * 60, NeverDropped = true, CreatedAt = now },
    ];
}

/// <summary>Writes a deployment's check-ins as they fall due; shared by both audiences so either rule alone keeps the schedule.</summary>
public static class CheckInOccurrences
{
    /// <summary>Deployments whose check-ins run: on assignment, with an active schedule.</summary>
    public static IQueryable<Deployment> Live(CampaignsDbContext db) =>
        db.Deployments.Where(d => d.Status == DeploymentStatus.OnAssignment && db.CheckInSchedules.Any(s => s.DeploymentId == d.Id && s.Active));

    /// <summary>
    /// Every check-in due by <paramref name="until"/>, however long the engine was down: each one the volunteer did
    /// not confirm is a missed check-in the coordinator must hear about. The schedule's NextDueAt is claimed by a
    /// conditional update in the same transaction as the rows, so two runs never write the same check-ins.
    /// </summary>
    public static async Task WriteDueAsync(CampaignsDbContext db, Guid deploymentId, DateTimeOffset until, TimeProvider clock, CancellationToken cancellationToken)
    {
        var schedule = await db.CheckInSchedules.AsNoTracking()
            .Where(s => s.DeploymentId == deploymentId && s.Active && s.NextDueAt <= until && Live(db).Any(d => d.Id == s.DeploymentId))
            .SingleOrDefaultAsync(cancellationToken);
        if (schedule is null)
        {
            return;
        }

        var dues = new List<DateTimeOffset>();
        for (var at = schedule.NextDueAt; at <= until; at = at.AddHours(schedule.EveryHours))
        {
            dues.Add(at);
        }

        var next = dues[^1].AddHours(schedule.EveryHours);
        var existing = await db.CheckIns.AsNoTracking().Where(c => c.DeploymentId == deploymentId && c.DueAt >= schedule.NextDueAt).Select(c => c.DueAt).ToListAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.CheckInSchedules.Where(s => s.DeploymentId == deploymentId && s.NextDueAt == schedule.NextDueAt)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.NextDueAt, next), cancellationToken);
        if (claimed == 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        db.CheckIns.AddRange(dues.Except(existing).Select(at => new CheckIn { Id = Guid.CreateVersion7(now), DeploymentId = deploymentId, DueAt = at }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}

/// <summary>
/// The volunteer's "are you safe?" email. Only the deployment's latest check-in is an occurrence: after an outage one
/// question is enough, while every unconfirmed check-in before it still alerts the coordinator.
/// </summary>
public sealed class CheckInRequestAudience(CampaignsDbContext db, CheckInLinks links, TimeProvider clock) : IRecurringReminderAudience
{
    public string Kind => CheckInReminderKinds.CheckIn;

    public Task WriteDueOccurrencesAsync(ReminderRule rule, DateTimeOffset until, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return CheckInOccurrences.WriteDueAsync(db, rule.ScopeId, until, clock, cancellationToken);
    }

    public IQueryable<ReminderOccurrence> Occurrences(ReminderRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return db.CheckIns
            .Where(c => c.DeploymentId == rule.ScopeId && c.SentAt == null && c.ConfirmedAt == null
                && !db.CheckIns.Any(o => o.DeploymentId == c.DeploymentId && o.DueAt > c.DueAt)
                && CheckInOccurrences.Live(db).Any(d => d.Id == c.DeploymentId))
            .Select(c => new ReminderOccurrence { Id = c.Id, AnchorAt = c.DueAt });
    }

    public IQueryable<ReminderRecipient> Recipients(ReminderRule rule, Guid occurrenceId)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return db.Deployments.Where(d => d.Id == rule.ScopeId)
            .Join(db.Users, d => d.VolunteerId, u => u.Id, (d, u) => new ReminderRecipient { PersonKey = "user:" + u.Id.ToString(), Email = u.Email!, Name = u.DisplayName, Culture = u.Culture });
    }

    /// <summary>Also marks the check-in sent: the engine saves it with the delivery row and the email, all or nothing.</summary>
    public async Task<EmailMessage> ComposeAsync(ReminderRule rule, Guid occurrenceId, ReminderRecipient recipient, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(recipient);
        var checkIn = await db.CheckIns.SingleAsync(c => c.Id == occurrenceId, cancellationToken);
        checkIn.SentAt ??= clock.GetUtcNow();
        var title = await db.Deployments.Where(d => d.Id == rule.ScopeId)
            .Join(db.AssistanceRequests, d => d.RequestId, r => r.Id, (d, r) => r.Title).SingleAsync(cancellationToken);
        return new EmailMessage(recipient.Email, recipient.Name, "Check in: are you safe?", "Assistance/Emails/CheckIn",
            new CheckInEmailModel(recipient.Name ?? "", title, links.Make(checkIn.Id), checkIn.DueAt), recipient.Culture);
    }
}

/// <summary>
/// The coordinator's alert, once per check-in the volunteer has not confirmed by the end of the grace period (the
/// rule's offset). The coordinator who set the schedule hears it; if they can no longer be reached, every coordinator
/// does, so that no alert falls through. Check-ins already alerted are left out of the occurrences: the rule is never
/// dropped, so nothing else bounds them.
/// </summary>
public sealed class MissedCheckInAudience(CampaignsDbContext db, CheckInLinks links, TimeProvider clock) : IRecurringReminderAudience
{
    public string Kind => CheckInReminderKinds.MissedCheckIn;

    public Task WriteDueOccurrencesAsync(ReminderRule rule, DateTimeOffset until, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return CheckInOccurrences.WriteDueAsync(db, rule.ScopeId, until, clock, cancellationToken);
    }

    public IQueryable<ReminderOccurrence> Occurrences(ReminderRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return db.CheckIns
            .Where(c => c.DeploymentId == rule.ScopeId && c.ConfirmedAt == null && c.EscalatedAt == null
                && CheckInOccurrences.Live(db).Any(d => d.Id == c.DeploymentId))
            .Select(c => new ReminderOccurrence { Id = c.Id, AnchorAt = c.DueAt });
    }

    public IQueryable<ReminderRecipient> Recipients(ReminderRule rule, Guid occurrenceId)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var owner = db.CheckInSchedules.Where(s => s.DeploymentId == rule.ScopeId).Select(s => s.CoordinatorId);
        var reachable = db.Users.Where(u => u.FrozenAt == null && u.Email != null);
        var coordinators = reachable.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Coordinator)));
        return reachable
            .Where(u => owner.Contains(u.Id) || (!reachable.Any(o => owner.Contains(o.Id)) && coordinators.Any(c => c.Id == u.Id)))
            .Where(_ => db.CheckIns.Any(c => c.Id == occurrenceId && c.ConfirmedAt == null))
            .Select(u => new ReminderRecipient { PersonKey = "user:" + u.Id.ToString(), Email = u.Email!, Name = u.DisplayName, Culture = u.Culture });
    }

    /// <summary>Also marks the check-in alerted: the engine saves it with the delivery row and the email, all or nothing.</summary>
    public async Task<EmailMessage> ComposeAsync(ReminderRule rule, Guid occurrenceId, ReminderRecipient recipient, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(recipient);
        var checkIn = await db.CheckIns.SingleAsync(c => c.Id == occurrenceId, cancellationToken);
        checkIn.EscalatedAt ??= clock.GetUtcNow();
        var facts = await db.Deployments.Where(d => d.Id == rule.ScopeId)
            .Join(db.AssistanceRequests, d => d.RequestId, r => r.Id, (d, r) => new { d.VolunteerId, r.Title })
            .Join(db.Users, x => x.VolunteerId, u => u.Id, (x, u) => new { x.Title, Volunteer = u.DisplayName })
            .SingleAsync(cancellationToken);
        return new EmailMessage(recipient.Email, recipient.Name, "Missed check-in", "Assistance/Emails/MissedCheckIn",
            new MissedCheckInEmailModel(recipient.Name ?? "", facts.Volunteer, facts.Title, links.Absolute("/admin/assistance/deployments/" + rule.ScopeId), checkIn.DueAt), recipient.Culture);
    }
}
