using System.Globalization;
using Campaigns.Testing;
using Campaigns.Web.Features.Alerts.Bounces;
using Campaigns.Web.Infrastructure.Protection;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Campaigns.IntegrationTests.Alerts;

/// <summary>
/// The app reading a bounce mailbox on the real IMAP server tests/run.sh starts (tests/lib/throwaway-dovecot.sh),
/// named in CAMPAIGNS_TEST_IMAP as host:port:user:password. Each factory has folders of its own on it, so test
/// classes never see each other's mail. Without the variable the tests fail: they cannot pass without a server.
/// </summary>
public sealed class BounceMailboxAppFactory : ClockedAppFactory
{
    public const string EnvironmentVariable = "CAMPAIGNS_TEST_IMAP";

    private readonly string prefix = "t" + Guid.NewGuid().ToString("N")[..10];
    private string host = "";
    private int port;
    private string user = "";
    private string password = "";

    public string Inbox => prefix + "-bounces";

    public string Processed => prefix + "-processed";

    public string Unrecognised => prefix + "-unrecognised";

    public override async Task InitializeAsync()
    {
        var value = Environment.GetEnvironmentVariable(EnvironmentVariable);
        var parts = value?.Split(':', 4) ?? [];
        if (parts.Length != 4)
        {
            var where = Environment.GetEnvironmentVariable("CI") == "true" ? " (CI=true: a missing IMAP server is a failure)" : "";
            throw new InvalidOperationException(
                $"No IMAP server for the bounce-mailbox tests{where}: set {EnvironmentVariable}=host:port:user:password, or run tests/run.sh, which starts one.");
        }

        (host, port, user, password) = (parts[0], int.Parse(parts[1], CultureInfo.InvariantCulture), parts[2], parts[3]);
        await base.InitializeAsync();
        await WithImapAsync(client => client.GetFolder(client.PersonalNamespaces[0])!.CreateAsync(Inbox, isMessageFolder: true));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Email:BounceMailbox:Host", host);
        builder.UseSetting("Email:BounceMailbox:Port", port.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Email:BounceMailbox:Security", "None");
        builder.UseSetting("Email:BounceMailbox:UserName", user);
        builder.UseSetting("Email:BounceMailbox:Password", password);
        builder.UseSetting("Email:BounceMailbox:InboxFolder", Inbox);
        builder.UseSetting("Email:BounceMailbox:ProcessedFolder", Processed);
        builder.UseSetting("Email:BounceMailbox:UnrecognisedFolder", Unrecognised);

        // Daily at midnight: the scheduled run stays out of the way of the runs the tests start themselves.
        builder.UseSetting("Email:BounceMailbox:Interval", "1.00:00:00");
    }

    /// <summary>
    /// A fixture from Fixtures/Bounces, as the mail server delivers it, into the bounce inbox over IMAP APPEND; with
    /// <paramref name="replace"/>, fixture text swapped (a recipient, a Message-ID) so each test has its own.
    /// </summary>
    public async Task AppendAsync(string fixture, params (string From, string To)[] replace)
    {
        var text = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Alerts", "Fixtures", "Bounces", fixture));
        foreach (var (from, to) in replace)
        {
            text = text.Replace(from, to, StringComparison.Ordinal);
        }

        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
        var message = await MimeMessage.LoadAsync(stream);
        await WithImapAsync(async client => await (await client.GetFolderAsync(Inbox)).AppendAsync(new AppendRequest(message)));
    }

    /// <summary>What a folder holds: Message-ID, subject and flags of each message.</summary>
    public Task<IReadOnlyList<(string MessageId, string Subject, MessageFlags Flags)>> ListAsync(string folderName) => WithImapAsync<IReadOnlyList<(string, string, MessageFlags)>>(async client =>
    {
        IMailFolder folder;
        try
        {
            folder = await client.GetFolderAsync(folderName);
        }
        catch (FolderNotFoundException)
        {
            return [];
        }

        await folder.OpenAsync(FolderAccess.ReadOnly);
        if (folder.Count == 0)
        {
            return [];
        }

        var summaries = await folder.FetchAsync(0, -1, MessageSummaryItems.Envelope | MessageSummaryItems.Flags);
        return summaries.Select(s => (s.Envelope?.MessageId ?? "", s.Envelope?.Subject ?? "", s.Flags ?? MessageFlags.None)).ToList();
    });

    /// <summary>The body of the first message in a folder with that Message-ID, as the server holds it.</summary>
    public Task<MimeMessage> ReadAsync(string folderName, string messageId) => WithImapAsync(async client =>
    {
        var folder = await client.GetFolderAsync(folderName);
        await folder.OpenAsync(FolderAccess.ReadOnly);
        var uid = (await folder.SearchAsync(SearchQuery.HeaderContains("Message-ID", messageId))).First();
        return await folder.GetMessageAsync(uid);
    });

    /// <summary>The key a soft-bounce row holds for an address, to find rows that name nobody.</summary>
    public string SoftBounceKey(string address) =>
        Services.GetRequiredService<FieldCipher>().Fingerprint(RecordBounce.AddressPurpose, address);

    /// <summary>The job, in its own scope, as a Hangfire worker runs it.</summary>
    public async Task<BounceMailboxRun> RunMailboxAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<BounceMailboxJob>().RunAsync(CancellationToken.None);
    }

    private async Task<T> WithImapAsync<T>(Func<ImapClient, Task<T>> action)
    {
        using var client = new ImapClient();
        await client.ConnectAsync(host, port, SecureSocketOptions.None);
        await client.AuthenticateAsync(user, password);
        var result = await action(client);
        await client.DisconnectAsync(quit: true);
        return result;
    }

    private Task WithImapAsync(Func<ImapClient, Task> action) => WithImapAsync(async client =>
    {
        await action(client);
        return true;
    });
}
