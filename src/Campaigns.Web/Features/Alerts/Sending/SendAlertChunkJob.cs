using System.Collections.Concurrent;
using Campaigns.Web.Data;
using Campaigns.Web.Domain.Alerts;
using Campaigns.Web.Infrastructure.Email;
using Hangfire;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Campaigns.Web.Features.Alerts.Sending;

/// <summary>
/// Sends one chunk of a send over a few pooled SMTP connections. Exactly once: the run claims the chunk's unsent
/// rows, and each row is marked sent right after the server accepts its message. A run that is stopped leaves only
/// the message then in flight unmarked; the next run sends that one again under the same Message-ID (the delivery
/// id), and its Attempts above one shows it. Rows of someone who unsubscribed or was suppressed meanwhile are
/// closed without sending.
/// </summary>
public sealed class SendAlertChunkJob(
    CampaignsDbContext db,
    IServiceScopeFactory scopes,
    AlertComposer composer,
    ReadAlertContent contents,
    AlertLinks links,
    AlertRateLimiter limiter,
    IOptions<AlertsOptions> alertOptions,
    IOptions<EmailOptions> emailOptions,
    TimeProvider clock,
    ILogger<SendAlertChunkJob> logger)
{
    private readonly AlertsOptions options = alertOptions.Value;

    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [10, 60, 300, 900, 3600])]
    public async Task RunAsync(Guid sendId, int chunk, CancellationToken cancellationToken)
    {
        var send = await db.AlertSends.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sendId, cancellationToken);
        if (send is null || send.Status is SendStatus.Scheduled or SendStatus.Completed)
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
        var workers = Enumerable.Range(0, Math.Min(options.SmtpConnections, recipients.Count))
            .Select(_ => Task.Run(() => WorkAsync(queue, templates, cancellationToken), cancellationToken));
        await Task.WhenAll(workers);
        logger.LogInformation("Alert send {SendId}: chunk of {Count} processed", send.Id, recipients.Count);
    }

    /// <summary>One SMTP connection, kept open for the whole chunk, and one database context of its own.</summary>
    private async Task WorkAsync(ConcurrentQueue<AlertRecipient> queue, Dictionary<string, AlertTemplate> templates, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var workerDb = scope.ServiceProvider.GetRequiredService<CampaignsDbContext>();
        using var signer = emailOptions.Value.Dkim.CreateSigner();
        using var smtp = new SmtpClient { Timeout = emailOptions.Value.TimeoutSeconds * 1000 };
        await using var markSent = await PrepareMarkSentAsync(workerDb, cancellationToken);
        try
        {
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

                var error = await SendWithRetriesAsync(smtp, message, cancellationToken);

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
            }
        }
        finally
        {
            if (smtp.IsConnected)
            {
                try
                {
                    await smtp.DisconnectAsync(quit: true, CancellationToken.None);
                }
                catch (Exception ex) when (ex is IOException or MailKit.ProtocolException or MailKit.CommandException or OperationCanceledException)
                {
                    logger.LogDebug(ex, "SMTP disconnect failed");
                }
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

    /// <returns>Null when the server accepted the message; the reason when it refused for good or every try failed.</returns>
    private async Task<string?> SendWithRetriesAsync(SmtpClient smtp, MimeMessage message, CancellationToken cancellationToken)
    {
        var settings = emailOptions.Value;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (!smtp.IsConnected)
                {
                    await SmtpEmailTransport.ConnectAsync(smtp, settings, cancellationToken);
                    if (!string.IsNullOrEmpty(settings.UserName))
                    {
                        await smtp.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
                    }
                }

                // A message once started is finished (the client timeout bounds it): cancelling mid-DATA could leave
                // the server holding a message this run never marked, which the next run would send again.
                await smtp.SendAsync(message, CancellationToken.None);
                return null;
            }
            catch (SmtpCommandException ex) when ((int)ex.StatusCode >= 500)
            {
                // A permanent refusal: trying again gives the same answer.
                return $"{(int)ex.StatusCode} {ex.Message}";
            }
            catch (Exception ex) when (ex is not OperationCanceledException && IsTransient(ex))
            {
                if (attempt >= options.MaxAttempts)
                {
                    return $"Gave up after {attempt} tries: {ex.Message}";
                }

                logger.LogInformation("SMTP try {Attempt} failed ({Error}); retrying", attempt, ex.GetType().Name);
                if (smtp.IsConnected)
                {
                    try
                    {
                        await smtp.DisconnectAsync(quit: false, CancellationToken.None);
                    }
                    catch (Exception disconnect) when (disconnect is IOException or MailKit.ProtocolException)
                    {
                        logger.LogDebug(disconnect, "SMTP disconnect failed");
                    }
                }

                // Real time, not the injectable clock: this is a pause on the wire, not a business rule.
                await Task.Delay(options.RetryDelay * Math.Pow(2, attempt - 1), cancellationToken);
            }
        }
    }

    private static bool IsTransient(Exception ex) =>
        ex is IOException or System.Net.Sockets.SocketException or MailKit.ProtocolException or MailKit.CommandException or MailKit.ServiceNotConnectedException or TimeoutException;
}

/// <summary>A chunk's rows are claimed by another run; the job is retried once the claim is done or stale.</summary>
public sealed class ChunkHeldElsewhereException(Guid sendId, int chunk)
    : Exception($"Chunk {chunk} of alert send {sendId} is held by another run; retrying later.");
