namespace Campaigns.Web.Infrastructure.Email;

/// <summary>
/// An email written in the same transaction as the change that caused it, then sent by a job.
/// Nothing is lost when the job storage or the mail server is down: the row waits until it is sent.
/// </summary>
public sealed class QueuedEmail
{
    public Guid Id { get; set; }

    public required string ToAddress { get; set; }

    public string? ToName { get; set; }

    public required string Subject { get; set; }

    public required string HtmlBody { get; set; }

    public required string TextBody { get; set; }

    public string? AttachmentName { get; set; }

    public string? AttachmentContentType { get; set; }

    public string? AttachmentContent { get; set; }

    /// <summary>Sent as List-Unsubscribe with List-Unsubscribe-Post (RFC 8058) when set.</summary>
    public string? OneClickUnsubscribeUrl { get; set; }

    /// <summary>Reply-To, for letters written by someone else than the organisation; From stays the organisation's.</summary>
    public string? ReplyToAddress { get; set; }

    public string? ReplyToName { get; set; }

    /// <summary>Template name, for logs and the outbox: never the recipient.</summary>
    public required string Kind { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>A send job holds the row until then; see SendQueuedEmailJob.</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }
}
