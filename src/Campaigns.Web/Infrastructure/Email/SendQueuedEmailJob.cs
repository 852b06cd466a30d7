using Campaigns.Web.Data;
using Campaigns.Web.Infrastructure.Telemetry;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Campaigns.Web.Infrastructure.Email;

/// <summary>
/// Sends one queued email. Safe to run twice and concurrently: a run first claims the row with a conditional
/// update, and a row already sent, or claimed by another run, is left alone.
/// </summary>
public sealed class SendQueuedEmailJob(
    CampaignsDbContext db,
    IEmailTransport transport,
    IOptions<EmailOptions> options,
    TimeProvider clock,
    ILogger<SendQueuedEmailJob> logger)
{
    public static readonly TimeSpan ClaimDuration = TimeSpan.FromMinutes(5);

    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [10, 60, 300, 900, 3600])]
    public async Task RunAsync(Guid emailId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var claimedUntil = now + ClaimDuration;
        var claimed = await db.QueuedEmails
            .Where(e => e.Id == emailId && e.SentAt == null && (e.ClaimedUntil == null || e.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s
                .SetProperty(e => e.ClaimedUntil, claimedUntil)
                .SetProperty(e => e.Attempts, e => e.Attempts + 1), cancellationToken);
        if (claimed == 0)
        {
            logger.LogDebug("Email {EmailId} already sent or being sent", emailId);
            return;
        }

        var email = await db.QueuedEmails.AsNoTracking().SingleAsync(e => e.Id == emailId, cancellationToken);
        try
        {
            await transport.SendAsync(ToMime(email, options.Value), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var error = ex.Message.Length > 1000 ? ex.Message[..1000] : ex.Message;
            await db.QueuedEmails.Where(e => e.Id == emailId)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.ClaimedUntil, (DateTimeOffset?)null).SetProperty(e => e.LastError, error), CancellationToken.None);
            CampaignsTelemetry.EmailsFailed.Add(1, new KeyValuePair<string, object?>("email.kind", email.Kind));
            logger.LogWarning("Email {EmailId} ({Kind}) failed: {Error}", emailId, email.Kind, ex.Message);
            throw;
        }

        var sentAt = clock.GetUtcNow();
        var html = SentEmailLinks.Remove(email.HtmlBody);
        var text = SentEmailLinks.Remove(email.TextBody);
        await db.QueuedEmails.Where(e => e.Id == emailId)
            .ExecuteUpdateAsync(s => s
                .SetProperty(e => e.SentAt, sentAt)
                .SetProperty(e => e.LastError, (string?)null)
                .SetProperty(e => e.HtmlBody, html)
                .SetProperty(e => e.TextBody, text), CancellationToken.None);
        CampaignsTelemetry.EmailsSent.Add(1, new KeyValuePair<string, object?>("email.kind", email.Kind));
        logger.LogInformation("Sent email {EmailId} ({Kind})", emailId, email.Kind);
    }

    internal static MimeMessage ToMime(QueuedEmail email, EmailOptions options)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(options.FromName, options.FromAddress));
        message.To.Add(new MailboxAddress(email.ToName ?? "", email.ToAddress));
        if (email.ReplyToAddress is { } replyTo)
        {
            message.ReplyTo.Add(new MailboxAddress(email.ReplyToName ?? "", replyTo));
        }
        message.Subject = email.Subject;

        // A stable Message-ID lets a receiving server drop the copy a repeated run might send.
        message.MessageId = $"{email.Id:N}@{options.FromAddress.Split('@')[1]}";
        if (email.OneClickUnsubscribeUrl is { } unsubscribe)
        {
            message.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        var body = new BodyBuilder { HtmlBody = email.HtmlBody, TextBody = email.TextBody };
        if (email.AttachmentName is not null && email.AttachmentContent is not null)
        {
            body.Attachments.Add(email.AttachmentName, System.Text.Encoding.UTF8.GetBytes(email.AttachmentContent), ContentType.Parse(email.AttachmentContentType ?? "application/octet-stream"));
        }

        message.Body = body.ToMessageBody();
        return message;
    }
}
