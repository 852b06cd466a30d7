using Campaigns.Web.Data;
using Campaigns.Web.Domain.Alerts;
using Microsoft.EntityFrameworkCore;

namespace Campaigns.Web.Features.Alerts.Admin;

/// <summary>Where a send stands: what the admin page shows and polls.</summary>
public sealed class ReadSendProgress(CampaignsDbContext db, TimeProvider clock)
{
    public async Task<List<SendProgress>> ForActionAsync(Guid urgentActionId, CancellationToken cancellationToken)
    {
        var ids = await db.AlertSends.AsNoTracking().Where(s => s.UrgentActionId == urgentActionId)
            .OrderByDescending(s => s.CreatedAt).Select(s => s.Id).ToListAsync(cancellationToken);
        var result = new List<SendProgress>();
        foreach (var id in ids)
        {
            result.Add((await HandleAsync(id, cancellationToken))!);
        }

        return result;
    }

    public async Task<SendProgress?> HandleAsync(Guid sendId, CancellationToken cancellationToken)
    {
        var send = await db.AlertSends.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sendId, cancellationToken);
        if (send is null)
        {
            return null;
        }

        var stats = await db.AlertDeliveries.AsNoTracking().Where(d => d.AlertSendId == sendId)
            .GroupBy(d => 1)
            .Select(g => new
            {
                Sent = g.Count(d => d.SentAt != null),
                Failed = g.Count(d => d.FailedAt != null),
                First = g.Min(d => d.SentAt),
                Last = g.Max(d => d.SentAt),
            })
            .SingleOrDefaultAsync(cancellationToken);
        var sent = stats?.Sent ?? 0;
        var failed = stats?.Failed ?? 0;
        var seconds = stats is { First: { } first, Last: { } last } ? (last - first).TotalSeconds : 0;
        var rate = seconds > 0 ? Math.Round(sent / seconds, 1) : 0;
        return new SendProgress(send.Id, send.Kind, send.Status, send.ScheduledFor, send.Recipients, sent, failed,
            Math.Max(0, send.Recipients - sent - failed), rate, send.CompletedAt, clock.GetUtcNow());
    }
}

public sealed record SendProgress(
    Guid Id, AlertKind Kind, SendStatus Status, DateTimeOffset ScheduledFor, int Recipients, int Sent, int Failed, int Remaining,
    double PerSecond, DateTimeOffset? CompletedAt, DateTimeOffset At);
