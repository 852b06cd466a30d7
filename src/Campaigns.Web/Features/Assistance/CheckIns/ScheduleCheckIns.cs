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
        schedule.NextDueAt = now.AddHours(form.EveryHours);
        schedule.CoordinatorId = coordinatorId;
        schedule.Active = true;
        await db.SaveChangesAsync(cancellationToken);
        return [];
    }
}
