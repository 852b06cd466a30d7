using System.Collections.Concurrent;
using Campaigns.Web.Data;
using Campaigns.Web.Domain.Alerts;
using Campaigns.Web.Infrastructure.Email;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Campaigns.Web.Features.Alerts.Sending;

/// <summary>
/// Sends one chunk of a send, over a few pooled SMTP connections or into the pickup folder (<see cref="IAlertMailSession"/>).
/// Exactly once: the run claims the chunk's unsent rows, and each row is marked sent right after the server
/// accepts its message (or its pickup file is in place). A run that is stopped leaves only the message then in
/// flight unmarked; over SMTP the next run sends that one again under the same Message-ID (the delivery id), and
/// its Attempts above one shows it; in the pickup folder the next run finds the file and writes no second one.
/// Rows of someone who unsubscribed or was suppressed meanwhile are closed without sending. When nothing can be
/// delivered at all (no server, login refused, unreachable), the send records the problem and the chunk tries
/// again later, until <see cref="AlertsOptions.GiveUpAfter"/> without progress marks the send failed.
/// </summary>
public sealed class SendAlertChunkJob(
    CampaignsDbContext db,
    IServiceScopeFactory scopes,
    AlertComposer composer,
    ReadAlertContent contents,
    AlertLinks links,
    AlertRateLimiter limiter,
    AlertMailSessions sessions,
    IBackgroundJobClient jobs,
    IOptions<AlertsOptions> alertOptions,
    TimeProvider clock,
    ILogger<SendAlertChunkJob> logger)
{
    private readonly AlertsOptions options = alertOptions.Value;

    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [10, 60, 300, 900, 3600])]
    public async Task RunAsync(Guid sendId, int chunk, CancellationToken cancellationToken)
    {
        var send = await db.AlertSends.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sendId, cancellationToken);
        if (send is null || send.Status is SendStatus.Scheduled or SendStatus.Completed or SendStatus.Failed)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var claimId = Guid.NewGuid();
        var stale = now - options.ClaimLease;
        var claimed = await db.AlertDeliveries
            .Where(d => d.AlertSendId == sendId && d.Chunk == chunk && d.SentAt == null && d.FailedAt == null && (d.ClaimId == null || d.ClaimedAt < stale))
            .ExecuteUpdateAsync(s => s
                .SetProperty(d => d.ClaimId, claimId)
                .SetProperty(d => d.ClaimedAt, now)
                .SetProperty(d => d.Attempts, d => d.Attempts + 1), cancellationToken);
        if (claimed > 0)
        {
            try
            {
                await SendClaimedAsync(send, claimId, now, cancellationToken);
            }
            catch (MailServerProblemException problem)
            {
                await RecordProblemAsync(sendId, chunk, problem);
                return;
            }
            finally
            {
                // Whatever this run did not finish goes back for the next run at once.
                await db.AlertDeliveries.Where(d => d.ClaimId == claimId)
                    .ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimId, (Guid?)null), CancellationToken.None);
            }
        }

        await db.AlertSends
            .Where(s => s.Id == sendId && s.Status == SendStatus.Sending
                && !db.AlertDeliveries.Any(d => d.AlertSendId == sendId && d.SentAt == null && d.FailedAt == null))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, SendStatus.Completed).SetProperty(x => x.CompletedAt, clock.GetUtcNow()), CancellationToken.None);

        // Rows still held by another claim: a live run finishing them, or a killed worker whose lease has not run
        // out yet. Fail so Hangfire retries shortly, instead of leaving them to the five-minute resume sweep.
        if (await db.AlertDeliveries.AnyAsync(d => d.AlertSendId == sendId && d.Chunk == chunk && d.SentAt == null && d.FailedAt == null && d.ClaimId != null, CancellationToken.None))
        {
            throw new ChunkHeldElsewhereException(sendId, chunk);
        }
    }

    /// <summary>
    /// Nothing of this chunk could be delivered. The send says why and since when; the chunk tries again after a
    /// pause of its own (not Hangfire's retries, which know nothing of the give-up time), and once the send has
    /// gone <see cref="AlertsOptions.GiveUpAfter"/> without progress it is marked failed and nothing retries it.
    /// </summary>
    private async Task RecordProblemAsync(Guid sendId, int chunk, MailServerProblemException problem)
    {
        var now = clock.GetUtcNow();
        var detail = problem.Message.Length > 1000 ? problem.Message[..1000] : problem.Message;
        await db.AlertSends.Where(s => s.Id == sendId && s.Status == SendStatus.Sending)
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Problem, problem.Problem)
                .SetProperty(x => x.ProblemDetail, detail)
                .SetProperty(x => x.ProblemSince, x => x.ProblemSince ?? now), CancellationToken.None);
        var since = await db.AlertSends.Where(s => s.Id == sendId).Select(s => s.ProblemSince).SingleAsync(CancellationToken.None) ?? now;
        if (now - since >= options.GiveUpAfter)
        {
            var failed = await db.AlertSends.Where(s => s.Id == sendId && s.Status == SendStatus.Sending)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, SendStatus.Failed), CancellationToken.None);
            if (failed > 0)
            {
                logger.LogWarning("Alert send {SendId} failed: nothing delivered since {Since} ({Problem}: {Detail})", sendId, since, problem.Problem, detail);
            }

            return;
        }

        logger.LogWarning("Alert send {SendId} chunk {Chunk} could not deliver ({Problem}: {Detail}); trying again in {Delay}", sendId, chunk, problem.Problem, detail, options.ProblemRetryDelay);
        jobs.Schedule<SendAlertChunkJob>(j => j.RunAsync(sendId, chunk, CancellationToken.None), options.ProblemRetryDelay);
    }

    private async Task SendClaimedAsync(AlertSend send, Guid claimId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rows = await db.AlertDeliveries.AsNoTracking()
            .Where(d => d.ClaimId == claimId)
            .Join(db.AlertSubscribers, d => d.SubscriberId, s => s.Id, (d, s) => new
            {
                DeliveryId = d.Id,
                SubscriberId = s.Id,
                s.Email,
                s.Name,
                s.Language,
                s.Status,
                Suppressed = db.SuppressedAddresses.Any(x => x.Email == s.Email),
            })
            .OrderBy(r => r.DeliveryId)
            .ToListAsync(cancellationToken);

        var closed = rows.Where(r => r.Status != SubscriberStatus.Active || r.Suppressed).Select(r => r.DeliveryId).ToList();
        if (closed.Count > 0)
        {
            await db.AlertDeliveries.Where(d => closed.Contains(d.Id)).ExecuteUpdateAsync(s => s
                .SetProperty(d => d.FailedAt, now)
                .SetProperty(d => d.LastError, "Unsubscribed, paused or suppressed before sending")
                .SetProperty(d => d.ClaimId, (Guid?)null), cancellationToken);
        }

        var recipients = rows.Where(r => r.Status == SubscriberStatus.Active && !r.Suppressed)
            .Select(r => new AlertRecipient(r.DeliveryId, r.SubscriberId, r.Email, r.Name, r.Language))
            .ToList();
        if (recipients.Count == 0)
        {
            return;
        }

        var templates = new Dictionary<string, AlertTemplate>(StringComparer.Ordinal);
        foreach (var language in recipients.Select(r => r.Language).Distinct())
        {
            var content = await contents.HandleAsync(send.UrgentActionId, language, cancellationToken)
                ?? throw new InvalidOperationException($"Urgent action {send.UrgentActionId} is gone.");
            templates[language] = await composer.RenderAsync(content, send.Kind, send.MessageIn(language), links.BaseUrl);
        }

        var queue = new ConcurrentQueue<AlertRecipient>(recipients);

        // The first worker that finds the way out blocked stops the others: they would only wait out their own tries.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        MailServerProblemException? blocked = null;
        var startedAt = send.StartedAt ?? send.CreatedAt;
        var progressed = 0;
        async Task WorkOrStopAsync()
        {
            try
            {
                await WorkAsync(send.Id, startedAt, queue, templates, () => Interlocked.Exchange(ref progressed, 1) == 0, stop.Token);
            }
            catch (MailServerProblemException ex)
            {
                Interlocked.CompareExchange(ref blocked, ex, null);
                await stop.CancelAsync();
            }
            catch (OperationCanceledException) when (blocked is not null && !cancellationToken.IsCancellationRequested)
            {
            }
        }

        var workers = Enumerable.Range(0, Math.Min(options.SmtpConnections, recipients.Count)).Select(_ => Task.Run(() => WorkOrStopAsync(), CancellationToken.None));
        await Task.WhenAll(workers);
        if (blocked is not null)
        {
            throw blocked;
        }

        logger.LogInformation("Alert send {SendId}: chunk of {Count} processed", send.Id, recipients.Count);
    }

    /// <summary>One way out (an SMTP connection kept open for the whole chunk, or the pickup folder) and one database context of its own.</summary>
    /// <param name="firstProgress">True for the first message the whole chunk delivers: that one clears the send's problem.</param>
    private async Task WorkAsync(Guid sendId, DateTimeOffset startedAt, ConcurrentQueue<AlertRecipient> queue, Dictionary<string, AlertTemplate> templates, Func<bool> firstProgress, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var workerDb = scope.ServiceProvider.GetRequiredService<CampaignsDbContext>();
        using var signer = options.SignsDkim ? new FastDkimSigner(options.DkimPrivateKeyPem!, options.DkimDomain!, options.DkimSelector!) : null;
        await using var session = sessions.Open(startedAt);
        await using var markSent = await PrepareMarkSentAsync(workerDb, cancellationToken);
        while (queue.TryDequeue(out var recipient))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await limiter.WaitAsync(cancellationToken);
            var message = composer.Personalise(templates[recipient.Language], recipient, links.ManageToken(recipient.SubscriberId), clock.GetUtcNow());
            if (signer is not null)
            {
                message.Prepare(EncodingConstraint.SevenBit);
                signer.Sign(message, FastDkimSigner.SignedHeaders);
            }

            var error = await session.SendAsync(message, recipient.DeliveryId, cancellationToken);

            // Not cancellable: once the server has the message, the row must say so.
            var at = clock.GetUtcNow();
            if (error is null && markSent is not null)
            {
                markSent.Parameters[0].Value = at;
                markSent.Parameters[1].Value = recipient.DeliveryId;
                await markSent.ExecuteNonQueryAsync(CancellationToken.None);
            }
            else if (error is null)
            {
                await workerDb.AlertDeliveries.Where(d => d.Id == recipient.DeliveryId)
                    .ExecuteUpdateAsync(s => s.SetProperty(d => d.SentAt, at).SetProperty(d => d.ClaimId, (Guid?)null), CancellationToken.None);
            }
            else
            {
                var text = error.Length > 1000 ? error[..1000] : error;
                await workerDb.AlertDeliveries.Where(d => d.Id == recipient.DeliveryId)
                    .ExecuteUpdateAsync(s => s.SetProperty(d => d.FailedAt, at).SetProperty(d => d.LastError, text).SetProperty(d => d.ClaimId, (Guid?)null), CancellationToken.None);
                logger.LogWarning("Alert delivery {DeliveryId} failed: {Error}", recipient.DeliveryId, text);
                if (text.StartsWith("550", StringComparison.Ordinal) || text.StartsWith("551", StringComparison.Ordinal) || text.StartsWith("553", StringComparison.Ordinal))
                {
                    // The server says the mailbox does not exist: a hard bounce, never to be tried again.
                    await scope.ServiceProvider.GetRequiredService<SuppressAddress>().HandleAsync(recipient.Email, SuppressionReason.HardBounce, CancellationToken.None);
                }
            }

            if (error is null && firstProgress())
            {
                // Once per chunk run, not per message: a delivery means the way out works again.
                await workerDb.AlertSends.Where(s => s.Id == sendId && s.Problem != SendProblem.None)
                    .ExecuteUpdateAsync(s => s
                        .SetProperty(x => x.Problem, SendProblem.None)
                        .SetProperty(x => x.ProblemSince, (DateTimeOffset?)null)
                        .SetProperty(x => x.ProblemDetail, (string?)null), CancellationToken.None);
            }
        }
    }

    /// <summary>
    /// On PostgreSQL, one prepared statement per connection: the per-message update is the hot path, and EF's
    /// ExecuteUpdate costs several times the round trip in CPU. Elsewhere EF does it.
    /// </summary>
    private static async Task<Npgsql.NpgsqlCommand?> PrepareMarkSentAsync(CampaignsDbContext workerDb, CancellationToken cancellationToken)
    {
        if (workerDb.Database.GetDbConnection() is not Npgsql.NpgsqlConnection connection)
        {
            return null;
        }

        await workerDb.Database.OpenConnectionAsync(cancellationToken);
        var command = new Npgsql.NpgsqlCommand("UPDATE alert_deliveries SET \"SentAt\" = $1, \"ClaimId\" = NULL WHERE \"Id\" = $2", connection);
        command.Parameters.Add(new Npgsql.NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new Npgsql.NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
        await command.PrepareAsync(cancellationToken);
        return command;
    }
}

/// <summary>A chunk's rows are claimed by another run; the job is retried once the claim is done or stale.</summary>
public sealed class ChunkHeldElsewhereException(Guid sendId, int chunk)
    : Exception($"Chunk {chunk} of alert send {sendId} is held by another run; retrying later.");
