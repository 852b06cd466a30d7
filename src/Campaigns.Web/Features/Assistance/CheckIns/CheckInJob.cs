using Campaigns.Web.Data;
using Campaigns.Web.Domain.Assistance;
using Campaigns.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Assistance.CheckIns;

public sealed record CheckInEmailModel(string Name, string RequestTitle, string Link, DateTimeOffset DueAt);

public sealed record MissedCheckInEmailModel(string CoordinatorName, string VolunteerName, string RequestTitle, string Link, DateTimeOffset DueAt);

/// <summary>
/// Recurring: makes due check-ins from the schedules, emails each volunteer their "I am safe" link, and alerts the
/// coordinator about check-ins missed past the grace period. Safe to run twice or on two nodes: check-ins are
/// unique per (deployment, due time), and each email is claimed by a conditional update of SentAt/EscalatedAt.
/// Shaped so the shared reminder engine can take it over: schedule → occurrence → send → escalate.
/// </summary>
public sealed class CheckInJob(CampaignsDbContext db, EmailQueue emails, CheckInLinks links, TimeProvider clock, ILogger<CheckInJob> logger)
{
    public const string Id = "assistance-check-ins";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await MakeDueCheckInsAsync(cancellationToken);
        await SendAsync(cancellationToken);
        await EscalateAsync(cancellationToken);
    }

    private async Task MakeDueCheckInsAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await db.CheckInSchedules.AsNoTracking().Where(s => s.Active && s.NextDueAt <= now)
            .Where(s => db.Deployments.Any(d => d.Id == s.DeploymentId && d.Status == DeploymentStatus.OnAssignment))
            .ToListAsync(cancellationToken);
        foreach (var schedule in due)
        {
            // If the job was down for several periods, one check-in (the latest due) is enough to ask "are you safe?".
            var dueAt = schedule.NextDueAt;
            while (dueAt.AddHours(schedule.EveryHours) <= now)
            {
                dueAt = dueAt.AddHours(schedule.EveryHours);
            }

            var next = dueAt.AddHours(schedule.EveryHours);
            var claimed = await db.CheckInSchedules.Where(s => s.DeploymentId == schedule.DeploymentId && s.NextDueAt == schedule.NextDueAt)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.NextDueAt, next), cancellationToken);
            if (claimed == 0)
            {
                continue;
            }

            db.CheckIns.Add(new CheckIn { Id = Guid.CreateVersion7(now), DeploymentId = schedule.DeploymentId, DueAt = dueAt });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // The unique (deployment, due time) index: another run made it first.
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task SendAsync(CancellationToken cancellationToken)
    {
        var unsent = await (from c in db.CheckIns.AsNoTracking()
                            where c.SentAt == null && c.ConfirmedAt == null
                            join d in db.Deployments on c.DeploymentId equals d.Id
                            join r in db.AssistanceRequests on d.RequestId equals r.Id
                            join u in db.Users on d.VolunteerId equals u.Id
                            select new { c.Id, c.DueAt, r.Title, u.Email, u.DisplayName, u.Culture })
            .ToListAsync(cancellationToken);
        foreach (var item in unsent)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var now = clock.GetUtcNow();
            if (await db.CheckIns.Where(c => c.Id == item.Id && c.SentAt == null).ExecuteUpdateAsync(u => u.SetProperty(c => c.SentAt, now), cancellationToken) == 0)
            {
                continue;
            }

            await emails.QueueAsync(
                new EmailMessage(item.Email!, item.DisplayName, "Check in: are you safe?", "Assistance/Emails/CheckIn",
                    new CheckInEmailModel(item.DisplayName, item.Title, links.Make(item.Id), item.DueAt), item.Culture),
                "assistance-check-in", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            emails.EnqueuePending();
            logger.LogInformation("Check-in {CheckInId} sent", item.Id);
        }
    }

    private async Task EscalateAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var open = await (from c in db.CheckIns.AsNoTracking()
                          where c.ConfirmedAt == null && c.EscalatedAt == null && c.SentAt != null
                          join s in db.CheckInSchedules on c.DeploymentId equals s.DeploymentId
                          join d in db.Deployments on c.DeploymentId equals d.Id
                          join r in db.AssistanceRequests on d.RequestId equals r.Id
                          join v in db.Users on d.VolunteerId equals v.Id
                          join k in db.Users on s.CoordinatorId equals k.Id
                          select new { c.Id, c.DueAt, s.GraceHours, DeploymentId = d.Id, r.Title, Volunteer = v.DisplayName, k.Email, Coordinator = k.DisplayName, k.Culture })
            .ToListAsync(cancellationToken);

        // Grace is per schedule; the list is short (unconfirmed check-ins only), so the deadline is compared here.
        foreach (var item in open.Where(o => o.DueAt.AddHours(o.GraceHours) <= now))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (await db.CheckIns.Where(c => c.Id == item.Id && c.EscalatedAt == null && c.ConfirmedAt == null)
                    .ExecuteUpdateAsync(u => u.SetProperty(c => c.EscalatedAt, now), cancellationToken) == 0)
            {
                continue;
            }

            await emails.QueueAsync(
                new EmailMessage(item.Email!, item.Coordinator, "Missed check-in", "Assistance/Emails/MissedCheckIn",
                    new MissedCheckInEmailModel(item.Coordinator, item.Volunteer, item.Title, links.Absolute("/admin/assistance/deployments/" + item.DeploymentId), item.DueAt), item.Culture),
                "assistance-missed-check-in", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            emails.EnqueuePending();
            logger.LogWarning("Check-in {CheckInId} of deployment {DeploymentId} missed; coordinator alerted", item.Id, item.DeploymentId);
        }
    }
}
