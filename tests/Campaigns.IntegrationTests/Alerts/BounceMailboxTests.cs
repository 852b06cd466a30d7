using Campaigns.Testing;
using Campaigns.Web.Domain.Alerts;
using Campaigns.Web.Features.Alerts.Bounces;
using Campaigns.Web.Features.Privacy.Retention;
using Hangfire;
using Hangfire.Storage;
using MailKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Campaigns.IntegrationTests.Alerts;

/// <summary>
/// The bounce mailbox on a real IMAP server (Dovecot): real-format reports (Postfix's bounce(8), Gmail's Mail
/// Delivery Subsystem, a Yahoo feedback-loop complaint) appended over IMAP, the job run, and the suppression list,
/// the soft-bounce count and the folders checked.
/// </summary>
public sealed class BounceMailboxTests(BounceMailboxAppFactory app) : AppTestBase(app), IClassFixture<BounceMailboxAppFactory>
{
    private const string PostfixHard = "postfix-5.1.1-user-unknown.eml";
    private const string PostfixHardId = "20261204101502.4QxYz1PkLMz5@mail.campaigns.example.org";
    private const string PostfixSoft = "postfix-4.2.2-mailbox-full.eml";
    private const string PostfixSoftId = "20261209101504.4Qy8Rt2HbNz7@mail.campaigns.example.org";
    private const string Gmail = "gmail-5.1.1-address-not-found.eml";
    private const string GmailId = "6750a2c9.a70a0220.3d1f5.1b2cGMR@mx.google.com";
    private const string Yahoo = "yahoo-arf-complaint.eml";
    private const string YahooId = "1764856930.41287.arf@arf.mail.yahoo.com";
    private const string OutOfOffice = "out-of-office-reply.eml";
    private const string OutOfOfficeId = "ooo.8812@example.org";

    private BounceMailboxAppFactory Mailbox => (BounceMailboxAppFactory)App;

    [Fact]
    public async Task Hard_bounces_and_a_complaint_suppress_at_once_and_a_reply_that_is_no_bounce_is_set_aside_unread()
    {
        await Mailbox.AppendAsync(PostfixHard, ("gone@example.net", "gone-1@example.net"), (PostfixHardId, "hard-1." + PostfixHardId));
        await Mailbox.AppendAsync(Gmail, ("no.such.reader@gmail.com", "no.such.reader.1@gmail.com"), (GmailId, "hard-1." + GmailId));
        await Mailbox.AppendAsync(Yahoo, ("reader@yahoo.com", "reader-1@yahoo.com"), (YahooId, "complaint-1." + YahooId));
        await Mailbox.AppendAsync(OutOfOffice, (OutOfOfficeId, "1." + OutOfOfficeId));
        var before = await Mailbox.ReadAsync(Mailbox.Inbox, "1." + OutOfOfficeId);

        var run = await Mailbox.RunMailboxAsync();

        Assert.Equal(new BounceMailboxRun(Read: 4, Suppressed: 3, Counted: 0, SetAside: 1), run);
        string[] reported = ["gone-1@example.net", "no.such.reader.1@gmail.com", "reader-1@yahoo.com"];
        var suppressed = await App.WithDbAsync(db => db.SuppressedAddresses.Where(s => reported.Contains(s.Email))
            .OrderBy(s => s.Email).Select(s => s.Email + ":" + s.Reason).ToListAsync());
        Assert.Equal(["gone-1@example.net:HardBounce", "no.such.reader.1@gmail.com:HardBounce", "reader-1@yahoo.com:Complaint"], suppressed);

        Assert.Empty(await Mailbox.ListAsync(Mailbox.Inbox));
        Assert.Equal(
            ["complaint-1." + YahooId, "hard-1." + PostfixHardId, "hard-1." + GmailId],
            (await Mailbox.ListAsync(Mailbox.Processed)).Select(m => m.MessageId).Where(m => m.Contains("-1.", StringComparison.Ordinal)).Order(StringComparer.Ordinal));

        var setAside = Assert.Single(await Mailbox.ListAsync(Mailbox.Unrecognised));
        Assert.Equal("1." + OutOfOfficeId, setAside.MessageId);
        Assert.False(setAside.Flags.HasFlag(MessageFlags.Seen), "the reply was marked read");
        Assert.False(setAside.Flags.HasFlag(MessageFlags.Deleted), "the reply was marked deleted");
        var after = await Mailbox.ReadAsync(Mailbox.Unrecognised, "1." + OutOfOfficeId);
        Assert.Equal(before.TextBody, after.TextBody);
        Assert.Equal(before.Subject, after.Subject);
        Assert.DoesNotContain(await App.WithDbAsync(db => db.SuppressedAddresses.Select(s => s.Email).ToListAsync()), e => e.Contains("sam@", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_soft_bounce_suppresses_only_at_the_third_within_30_days()
    {
        async Task SoftBounceAsync(string address, string id)
        {
            await Mailbox.AppendAsync(PostfixSoft, ("full@example.net", address), (PostfixSoftId, id + "." + PostfixSoftId));
            Assert.Equal(1, (await Mailbox.RunMailboxAsync()).Read);
        }

        Task<string?> ReasonAsync(string address) =>
            App.WithDbAsync(db => db.SuppressedAddresses.Where(s => s.Email == address).Select(s => (string?)s.Reason.ToString()).FirstOrDefaultAsync());

        // Three within 30 days: the third suppresses.
        await SoftBounceAsync("full-a@example.net", "a1");
        Mailbox.Clock.Advance(TimeSpan.FromDays(14));
        await SoftBounceAsync("full-a@example.net", "a2");
        Assert.Null(await ReasonAsync("full-a@example.net"));
        Mailbox.Clock.Advance(TimeSpan.FromDays(14));
        await SoftBounceAsync("full-a@example.net", "a3");
        Assert.Equal(nameof(SuppressionReason.SoftBounces), await ReasonAsync("full-a@example.net"));

        // Three in 31 days: the first has left the window when the third arrives.
        await SoftBounceAsync("full-b@example.net", "b1");
        Mailbox.Clock.Advance(TimeSpan.FromDays(20));
        await SoftBounceAsync("full-b@example.net", "b2");
        Mailbox.Clock.Advance(TimeSpan.FromDays(11));
        await SoftBounceAsync("full-b@example.net", "b3");
        Assert.Null(await ReasonAsync("full-b@example.net"));

        // What a dump of the table shows: opaque keys and times, neither the address nor the report's id.
        var rows = await App.WithDbAsync(db => db.SoftBounces.ToListAsync());
        Assert.All(rows, r => Assert.Matches("^[0-9a-f]{64}$", r.Id));
        Assert.All(rows, r => Assert.Matches("^[0-9a-f]{64}$", r.AddressKey));
        Assert.Equal(3, rows.Count(r => r.AddressKey == Mailbox.SoftBounceKey("full-b@example.net")));

        // Once suppressed, the address's count has no use left and is gone.
        Assert.DoesNotContain(rows, r => r.AddressKey == Mailbox.SoftBounceKey("full-a@example.net"));
        string[] ids = ["a1", "a2", "a3", "b1", "b2", "b3"];
        Assert.Equal(6, (await Mailbox.ListAsync(Mailbox.Processed)).Count(m => ids.Any(i => m.MessageId == i + "." + PostfixSoftId)));
    }

    [Fact]
    public async Task A_report_read_again_after_a_failed_move_or_by_two_runs_at_once_counts_once()
    {
        // The same report three times in the inbox: what a run that counted and then failed to move leaves behind.
        var id = "again." + PostfixSoftId;
        for (var i = 0; i < 3; i++)
        {
            await Mailbox.AppendAsync(PostfixSoft, ("full@example.net", "full-again@example.net"), (PostfixSoftId, id));
        }

        await Mailbox.RunMailboxAsync();
        Assert.Equal(1, await CountSoftBouncesAsync());

        // Two scheduled runs at once, as two worker nodes would start them: Hangfire's lock lets one read at a time.
        await AppendCopiesAsync(id, 2);
        var jobs = App.Services.GetRequiredService<IBackgroundJobClient>();
        jobs.Enqueue<BounceMailboxJob>(job => job.RunAsync(CancellationToken.None));
        jobs.Enqueue<BounceMailboxJob>(job => job.RunAsync(CancellationToken.None));
        await App.WaitForJobsAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(1, await CountSoftBouncesAsync());
        Assert.Empty(await Mailbox.ListAsync(Mailbox.Inbox));
        Assert.Equal(5, (await Mailbox.ListAsync(Mailbox.Processed)).Count(m => m.MessageId == id));

        // Two runs at once without the lock (one outlived its lock's timeout): still counted once, and nothing lost.
        // Both may copy the same message before either expunges it, so the processed folder can hold it twice.
        await AppendCopiesAsync(id, 2);
        await Task.WhenAll(Mailbox.RunMailboxAsync(), Mailbox.RunMailboxAsync());
        Assert.Equal(1, await CountSoftBouncesAsync());
        Assert.False(await App.WithDbAsync(db => db.SuppressedAddresses.AnyAsync(s => s.Email == "full-again@example.net")), "one report counted more than once");
        Assert.Empty(await Mailbox.ListAsync(Mailbox.Inbox));
        var processed = (await Mailbox.ListAsync(Mailbox.Processed)).Where(m => m.MessageId == id).ToList();
        Assert.InRange(processed.Count, 7, 9);
        Assert.DoesNotContain(processed, m => m.Flags.HasFlag(MessageFlags.Deleted));
    }

    private async Task AppendCopiesAsync(string id, int copies)
    {
        for (var i = 0; i < copies; i++)
        {
            await Mailbox.AppendAsync(PostfixSoft, ("full@example.net", "full-again@example.net"), (PostfixSoftId, id));
        }
    }

    [Fact]
    public async Task Soft_bounces_past_30_days_are_purged_and_recent_ones_stay()
    {
        await Mailbox.AppendAsync(PostfixSoft, ("full@example.net", "full-old@example.net"), (PostfixSoftId, "old." + PostfixSoftId));
        await Mailbox.RunMailboxAsync();
        Mailbox.Clock.Advance(TimeSpan.FromDays(29));
        await Mailbox.AppendAsync(PostfixSoft, ("full@example.net", "full-new@example.net"), (PostfixSoftId, "new." + PostfixSoftId));
        await Mailbox.RunMailboxAsync();
        var (oldest, newest) = (Mailbox.SoftBounceKey("full-old@example.net"), Mailbox.SoftBounceKey("full-new@example.net"));

        Mailbox.Clock.Advance(TimeSpan.FromDays(2));
        await Mailbox.RunJobAsync<PurgeExpiredDataJob>(job => job.RunAsync(CancellationToken.None));

        var left = await App.WithDbAsync(db => db.SoftBounces.Select(b => b.AddressKey).ToListAsync());
        Assert.DoesNotContain(oldest, left);
        Assert.Contains(newest, left);
    }

    [Fact]
    public void The_mailbox_is_read_on_the_configured_schedule()
    {
        using var connection = App.Services.GetRequiredService<JobStorage>().GetConnection();
        var job = Assert.Single(connection.GetRecurringJobs(), j => j.Id == BounceMailboxJob.Id);
        Assert.Equal("0 0 * * *", job.Cron);
    }

    private Task<int> CountSoftBouncesAsync()
    {
        var key = Mailbox.SoftBounceKey("full-again@example.net");
        return App.WithDbAsync(db => db.SoftBounces.CountAsync(b => b.AddressKey == key));
    }
}
