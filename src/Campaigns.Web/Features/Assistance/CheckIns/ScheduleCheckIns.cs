using System.ComponentModel.DataAnnotations;
using Campaigns.Web.Data;
using Campaigns.Web.Domain.Assistance;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Assistance.CheckIns;

public sealed class CheckInScheduleForm
{
    [Range(1, 336, ErrorMessage = "Check in every 1 to 336 hours.")]
    [Display(Name = "Every (hours)")]
    public int EveryHours { get; set; } = 48;

    [Range(1, 72, ErrorMessage = "Allow 1 to 72 hours before alerting.")]
    [Display(Name = "Alert me after (hours)")]
    public int GraceHours { get; set; } = 6;
}

/// <summary>A coordinator sets how often a volunteer on an on-site assignment confirms they are safe.</summary>
public sealed class ScheduleCheckIns(CampaignsDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<string>?> HandleAsync(Guid deploymentId, CheckInScheduleForm form, Guid coordinatorId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var deployment = await db.Deployments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == deploymentId, cancellationToken);
        if (deployment is null)
        {
            return null;
        }

        if (deployment.Status is not (DeploymentStatus.Accepted or DeploymentStatus.Briefed or DeploymentStatus.OnAssignment))
        {
            return ["Check-ins are for accepted deployments that are not over."];
        }

        var now = clock.GetUtcNow();
        var schedule = await db.CheckInSchedules.SingleOrDefaultAsync(s => s.DeploymentId == deploymentId, cancellationToken);
        if (schedule is null)
        {
            schedule = new CheckInSchedule { DeploymentId = deploymentId };
            db.CheckInSchedules.Add(schedule);
        }

        schedule.EveryHours = form.EveryHours;
        schedule.GraceHours = form.GraceHours;
        schedule.NextDueAt = FirstDueAfter(deployment, form.EveryHours, now);
        schedule.CoordinatorId = coordinatorId;
        schedule.Active = true;

        // The reminder engine runs the schedule: one rule asks the volunteer, the other alerts after the grace period.
        var rules = await db.ReminderRules.Where(r => r.ScopeId == deploymentId && CheckInReminderKinds.All.Contains(r.Kind)).ToListAsync(cancellationToken);
        var missing = CheckInReminderKinds.Defaults(deploymentId, form.GraceHours, now).Where(d => rules.TrueForAll(r => r.Kind != d.Kind)).ToList();
        db.ReminderRules.AddRange(missing);
        rules.AddRange(missing);
        foreach (var rule in rules)
        {
            rule.Enabled = true;
            rule.NeverDropped = true;
            rule.OffsetMinutes = rule.Kind == CheckInReminderKinds.MissedCheckIn ? form.GraceHours * 60 : 0;
        }

        await db.SaveChangesAsync(cancellationToken);
        return [];
    }

    /// <summary>
    /// Check-ins fall due every N hours from the start of the on-site assignment; set during the assignment, the next
    /// of those still ahead, so no check-in is due before the volunteer was told. Before the start the time is
    /// provisional: <see cref="MoveDeployment"/> sets it when the assignment starts.
    /// </summary>
    internal static DateTimeOffset FirstDueAfter(Deployment deployment, int everyHours, DateTimeOffset now)
    {
        if (deployment.Status != DeploymentStatus.OnAssignment || deployment.StartedAt is not { } startedAt)
        {
            return now.AddHours(everyHours);
        }

        var periods = Math.Max(0, (long)Math.Floor((now - startedAt).TotalHours / everyHours)) + 1;
        return startedAt.AddHours(periods * everyHours);
    }
}
