using Campaigns.Web.Data;
using Campaigns.Web.Domain.Alerts;
using Campaigns.Web.Features.Alerts.Sending;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Alerts.Admin;

/// <summary>
/// Asks for a send, now or later. The form carries a request id made when it was shown: a double click, a
/// resubmitted form or a retried request finds the send already made and starts nothing new.
/// </summary>
public sealed class CreateAlertSend(CampaignsDbContext db, IBackgroundJobClient jobs, TimeProvider clock, ILogger<CreateAlertSend> logger)
{
    public async Task<Guid?> HandleAsync(string slug, SendForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var actionId = await db.UrgentActions.Where(a => a.Slug == slug).Select(a => (Guid?)a.Id).SingleOrDefaultAsync(cancellationToken);
        if (actionId is null || form.RequestId == Guid.Empty)
        {
            return null;
        }

        var existing = await db.AlertSends.Where(s => s.RequestId == form.RequestId).Select(s => (Guid?)s.Id).SingleOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        var now = clock.GetUtcNow();
        var scheduledFor = form.ScheduledFor is { } at && at > now.UtcDateTime ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : now;
        var send = new AlertSend
        {
            Id = Guid.CreateVersion7(now),
            UrgentActionId = actionId.Value,
            RequestId = form.RequestId,
            Kind = form.Kind,
            Languages = TagList.From(form.Languages.Where(l => l is "en" or "es" or "fr")),
            Interests = TagList.From(form.Interests),
            OnlyThoseWhoActed = form.OnlyThoseWhoActed ?? form.Kind != AlertKind.UrgentAction,
            Message = form.Message?.Trim() ?? "",
            MessageEs = form.MessageEs?.Trim() ?? "",
            MessageFr = form.MessageFr?.Trim() ?? "",
            CreatedAt = now,
            ScheduledFor = scheduledFor,
            Status = SendStatus.Scheduled,
        };
        db.AlertSends.Add(send);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two submits raced past the check above; the unique request id let one through.
            db.ChangeTracker.Clear();
            return await db.AlertSends.Where(s => s.RequestId == form.RequestId).Select(s => (Guid?)s.Id).SingleAsync(cancellationToken);
        }

        if (scheduledFor <= now)
        {
            jobs.Enqueue<PlanAlertSendJob>(j => j.RunAsync(send.Id, CancellationToken.None));
        }
        else
        {
            jobs.Schedule<PlanAlertSendJob>(j => j.RunAsync(send.Id, CancellationToken.None), scheduledFor);
        }

        logger.LogInformation("Alert send {SendId} of {UrgentActionId} requested for {ScheduledFor}", send.Id, actionId, scheduledFor);
        return send.Id;
    }
}
