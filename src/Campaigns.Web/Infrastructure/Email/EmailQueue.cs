using Campaigns.Web.Data;
using Hangfire;

namespace Campaigns.Web.Infrastructure.Email;

/// <summary>
/// Use cases call this instead of sending: the rendered email is saved with the use case's own changes (one
/// SaveChanges, one transaction) and a job sends it. If the job is lost, <see cref="RetryUnsentEmailsJob"/> finds
/// the row again. Inside an explicit transaction the job is only enqueued by <see cref="EnqueuePending"/> after the
/// commit, so it never looks for a row it cannot see yet.
/// </summary>
public sealed class EmailQueue(CampaignsDbContext db, EmailRenderer renderer, IBackgroundJobClient jobs, TimeProvider clock)
{
    private readonly List<Guid> pending = [];

    public async Task<Guid> QueueAsync(EmailMessage message, string kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var rendered = await renderer.RenderAsync(message);
        var now = clock.GetUtcNow();
        var email = new QueuedEmail
        {
            Id = Guid.CreateVersion7(now),
            ToAddress = message.ToAddress,
            ToName = message.ToName,
            Subject = rendered.Subject,
            HtmlBody = rendered.HtmlBody,
            TextBody = rendered.TextBody,
            Kind = kind,
            CreatedAt = now,
            AttachmentName = message.Attachment?.FileName,
            AttachmentContentType = message.Attachment?.ContentType,
            AttachmentContent = message.Attachment?.Content,
            OneClickUnsubscribeUrl = message.OneClickUnsubscribeUrl,
            ReplyToAddress = message.ReplyTo?.Address,
            ReplyToName = message.ReplyTo?.Name,
        };
        db.QueuedEmails.Add(email);
        await db.SaveChangesAsync(cancellationToken);
        pending.Add(email.Id);
        if (db.Database.CurrentTransaction is null)
        {
            EnqueuePending();
        }

        return email.Id;
    }

    public void EnqueuePending()
    {
        foreach (var id in pending)
        {
            jobs.Enqueue<SendQueuedEmailJob>(job => job.RunAsync(id, CancellationToken.None));
        }

        pending.Clear();
    }
}
