using Campaigns.Web.Infrastructure.Email;
using Hangfire;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Campaigns.Web.Features.Alerts.Bounces;

public sealed record BounceMailboxRun(int Read, int Suppressed, int Counted, int SetAside);

/// <summary>
/// Reads the bounce mailbox over IMAP: each delivery status notification or feedback-loop report is acted on
/// (<see cref="RecordBounce"/>) and then moved to the processed folder; anything else is moved, unread, to the
/// unrecognised folder for a person. Nothing is deleted. Safe to run twice or at once on two nodes: a report whose
/// move failed is read again next time and counts once, and a message another run already moved is skipped.
/// </summary>
public sealed class BounceMailboxJob(IOptions<BounceMailboxOptions> options, IServiceScopeFactory scopes, ILogger<BounceMailboxJob> logger)
{
    public const string Id = "bounce-mailbox";

    // A failed run is not retried: the next occurrence, minutes later, reads the same messages.
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    [AutomaticRetry(Attempts = 0, LogEvents = false)]
    public async Task<BounceMailboxRun> RunAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (!o.Enabled)
        {
            return new BounceMailboxRun(0, 0, 0, 0);
        }

        using var client = new ImapClient { Timeout = o.TimeoutSeconds * 1000 };
        await client.ConnectAsync(o.Host!, o.Port, o.Security.ToMailKit(o.Port, implicitTlsPort: 993), cancellationToken);
        await client.AuthenticateAsync(o.UserName!, o.Password!, cancellationToken);

        var inbox = o.InboxFolder.Equals("INBOX", StringComparison.OrdinalIgnoreCase) ? client.Inbox : await client.GetFolderAsync(o.InboxFolder, cancellationToken);
        await inbox.OpenAsync(FolderAccess.ReadWrite, cancellationToken);
        var processed = await GetOrCreateAsync(client, o.ProcessedFolder, cancellationToken);
        var setAside = await GetOrCreateAsync(client, o.UnrecognisedFolder, cancellationToken);

        int read = 0, suppressed = 0, counted = 0, unrecognised = 0;
        var uids = await inbox.SearchAsync(SearchQuery.All, cancellationToken);
        foreach (var uid in uids.Take(o.BatchSize))
        {
            MimeMessage message;
            try
            {
                // BODY.PEEK: the message keeps its unread flag for whoever looks at it later.
                message = await inbox.GetMessageAsync(uid, cancellationToken);
            }
            catch (MessageNotFoundException)
            {
                continue;
            }
            catch (FormatException)
            {
                unrecognised++;
                await MoveAsync(inbox, uid, setAside, cancellationToken);
                continue;
            }

            read++;
            var report = BounceReportReader.Read(message);
            if (report is null)
            {
                unrecognised++;
                await MoveAsync(inbox, uid, setAside, cancellationToken);
                continue;
            }

            foreach (var recipient in report.Recipients)
            {
                await using var scope = scopes.CreateAsyncScope();
                var outcome = await scope.ServiceProvider.GetRequiredService<RecordBounce>().HandleAsync(report.Key, recipient, cancellationToken);
                suppressed += outcome == BounceOutcome.Suppressed ? 1 : 0;
                counted += outcome == BounceOutcome.Counted ? 1 : 0;
            }

            await MoveAsync(inbox, uid, processed, cancellationToken);
        }

        await client.DisconnectAsync(quit: true, cancellationToken);
        logger.LogInformation(
            "Bounce mailbox: {Read} messages read, {Suppressed} addresses suppressed, {Counted} soft bounces counted, {SetAside} messages set aside as not bounces",
            read, suppressed, counted, unrecognised);
        return new BounceMailboxRun(read, suppressed, counted, unrecognised);
    }

    /// <summary>A failed move leaves the message where it was, to be read (and counted once) next time.</summary>
    private async Task MoveAsync(IMailFolder inbox, UniqueId uid, IMailFolder destination, CancellationToken cancellationToken)
    {
        try
        {
            await inbox.MoveToAsync(uid, destination, cancellationToken);
        }
        catch (ImapCommandException ex)
        {
            logger.LogWarning("Bounce mailbox: a message could not be moved ({Response}); it is read again next run", ex.Response);
        }
    }

    /// <summary>The folder by its path below the personal namespace, created level by level when missing.</summary>
    private static async Task<IMailFolder> GetOrCreateAsync(ImapClient client, string path, CancellationToken cancellationToken)
    {
        var folder = client.GetFolder(client.PersonalNamespaces[0]) ?? throw new InvalidOperationException("The IMAP server has no personal namespace.");
        foreach (var name in path.Split(folder.DirectorySeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            IMailFolder? next;
            try
            {
                next = await folder.GetSubfolderAsync(name, cancellationToken);
            }
            catch (FolderNotFoundException)
            {
                try
                {
                    next = await folder.CreateAsync(name, isMessageFolder: true, cancellationToken);
                }
                catch (ImapCommandException)
                {
                    // Another run created it in between.
                    next = await folder.GetSubfolderAsync(name, cancellationToken);
                }
            }

            folder = next ?? throw new InvalidOperationException("The IMAP server did not create a folder.");
        }

        return folder;
    }
}
