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

    /// <summary>
    /// The message as it goes on the wire, DKIM-signed when a key is configured. Also used for the one email sent
    /// outside the queue (the erasure confirmation), so both are built and signed the same way.
    /// </summary>
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

        MimeEntity body = new MultipartAlternative { TextParts.Create("plain", email.TextBody), TextParts.Create("html", email.HtmlBody) };
        if (email.AttachmentName is not null && email.AttachmentContent is not null)
        {
            var type = ContentType.Parse(email.AttachmentContentType ?? "text/plain");
            var attachment = TextParts.Create(type.MediaSubtype, email.AttachmentContent);
            foreach (var parameter in type.Parameters.Where(p => !p.Name.Equals("charset", StringComparison.OrdinalIgnoreCase)))
            {
                attachment.ContentType.Parameters.Add(parameter.Name, parameter.Value);
            }

            attachment.ContentType.MediaType = type.MediaType;
            attachment.ContentDisposition = new ContentDisposition(ContentDisposition.Attachment);
            attachment.FileName = email.AttachmentName;
            body = new Multipart("mixed") { body, attachment };
        }

        message.Body = body;
        using var signer = options.Dkim.CreateSigner();
        if (signer is not null)
        {
            // Encodings settled before signing, so the SMTP client has nothing left to change in what was signed.
            message.Prepare(EncodingConstraint.SevenBit);
            signer.Sign(message, FastDkimSigner.SignedHeaders);
        }

        return message;
    }
}
