using Campaigns.Web.Data;
using Campaigns.Web.Domain.Alerts;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Campaigns.Web.Features.Alerts.Sending;

/// <summary>
/// Turns a due send into delivery rows, one page of recipients at a time (keyset by subscriber id), and enqueues a
/// chunk job per page. Each page and the cursor are saved in one transaction, so a stopped planner resumes where
/// it was, and the unique (send, subscriber) index makes a second row impossible anyway. Run again on a send that
/// is already sending, it re-enqueues the chunks that still have unsent rows nobody holds.
/// </summary>
public sealed class PlanAlertSendJob(
    CampaignsDbContext db,
    IBackgroundJobClient jobs,
    IOptions<AlertsOptions> options,
    TimeProvider clock,
    ILogger<PlanAlertSendJob> logger)
{
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [10, 60, 300, 900, 3600])]
    public async Task RunAsync(Guid sendId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await db.AlertSends.Where(s => s.Id == sendId && s.Status == SendStatus.Scheduled && s.ScheduledFor <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, SendStatus.Planning).SetProperty(x => x.StartedAt, now), cancellationToken);
        var send = await db.AlertSends.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sendId, cancellationToken);
        if (send is null || send.Status is SendStatus.Scheduled or SendStatus.Completed or SendStatus.Failed)
        {
            return;
        }

        // Chunks saved by a run that stopped before enqueuing them.
        EnqueuePendingChunks(sendId, await PendingChunksAsync(sendId, now, cancellationToken));
        if (send.Status == SendStatus.Sending)
        {
            return;
        }

        var size = options.Value.ChunkSize;
        var audience = AlertAudience.Query(db, send).Select(s => s.Id);
        var cursor = send.PlannedThrough;
        var chunk = send.Chunks;
        while (true)
        {
            var after = cursor;
            var page = await (after == null ? audience : audience.Where(id => id > after.Value))
                .Order().Take(size).ToListAsync(cancellationToken);
            if (page.Count == 0)
            {
                break;
            }

            var last = page[^1];
            var number = chunk;
            await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                await InsertDeliveriesAsync(sendId, number, page, now, cancellationToken);
                await db.AlertSends.Where(s => s.Id == sendId).ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.PlannedThrough, last)
                    .SetProperty(x => x.Chunks, number + 1)
                    .SetProperty(x => x.Recipients, x => x.Recipients + page.Count), cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }

            jobs.Enqueue<SendAlertChunkJob>(j => j.RunAsync(sendId, number, CancellationToken.None));
            cursor = last;
            chunk++;
        }

        await db.AlertSends.Where(s => s.Id == sendId && s.Status == SendStatus.Planning)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, chunk == 0 ? SendStatus.Completed : SendStatus.Sending)
                .SetProperty(x => x.CompletedAt, chunk == 0 ? now : null), CancellationToken.None);
        logger.LogInformation("Planned alert send {SendId}: {Chunks} chunks", sendId, chunk);
    }

    private Task<List<int>> PendingChunksAsync(Guid sendId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stale = now - options.Value.ClaimLease;
        return db.AlertDeliveries
            .Where(d => d.AlertSendId == sendId && d.SentAt == null && d.FailedAt == null && (d.ClaimId == null || d.ClaimedAt < stale))
            .Select(d => d.Chunk).Distinct().ToListAsync(cancellationToken);
    }

    private void EnqueuePendingChunks(Guid sendId, List<int> chunks)
    {
        foreach (var chunk in chunks)
        {
            jobs.Enqueue<SendAlertChunkJob>(j => j.RunAsync(sendId, chunk, CancellationToken.None));
        }
    }

    private async Task InsertDeliveriesAsync(Guid sendId, int chunk, List<Guid> subscriberIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (db.Database.GetDbConnection() is NpgsqlConnection connection)
        {
            // COPY writes a thousand rows in about the time one INSERT round trip takes.
            await using var importer = await connection.BeginBinaryImportAsync(
                "COPY alert_deliveries (\"Id\", \"AlertSendId\", \"SubscriberId\", \"Chunk\", \"Attempts\") FROM STDIN (FORMAT BINARY)", cancellationToken);
            foreach (var subscriberId in subscriberIds)
            {
                await importer.StartRowAsync(cancellationToken);
                await importer.WriteAsync(Guid.CreateVersion7(now), NpgsqlDbType.Uuid, cancellationToken);
                await importer.WriteAsync(sendId, NpgsqlDbType.Uuid, cancellationToken);
                await importer.WriteAsync(subscriberId, NpgsqlDbType.Uuid, cancellationToken);
                await importer.WriteAsync(chunk, NpgsqlDbType.Integer, cancellationToken);
                await importer.WriteAsync(0, NpgsqlDbType.Integer, cancellationToken);
            }

            await importer.CompleteAsync(cancellationToken);
            return;
        }

        db.AlertDeliveries.AddRange(subscriberIds.Select(id => new AlertDelivery { Id = Guid.CreateVersion7(now), AlertSendId = sendId, SubscriberId = id, Chunk = chunk }));
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }
}
