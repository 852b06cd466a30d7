using System.Net;
using System.Text.RegularExpressions;
using Campaigns.Testing;
using Campaigns.Web.Domain.Alerts;
using Campaigns.Web.Domain.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Campaigns.IntegrationTests.Embedded;

/// <summary>
/// The app as the README's run command starts it: a SQLite file, Hangfire on SQLite, mail as .eml files in a
/// pickup folder, the demo data from seeds/ — each in a temp folder of the test's own. Jobs run on Hangfire's own server.
/// </summary>
public sealed class EmbeddedAppFactory : CampaignsAppFactory
{
    public string Root { get; } = Directory.CreateTempSubdirectory("campaigns-embedded-").FullName;

    public string Mail => Path.Combine(Root, "mail");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:ConnectionString", $"Data Source={Path.Combine(Root, "campaigns.db")}");
        builder.UseSetting("Jobs:SqliteFile", Path.Combine(Root, "hangfire.db"));
        builder.UseSetting("Jobs:PollInterval", "00:00:00.100");
        builder.UseSetting("Jobs:WorkerCount", "2");
        builder.UseSetting("Email:Delivery", "Pickup");
        builder.UseSetting("Email:PickupDirectory", Mail);
        builder.UseSetting("Campaigns:SeedDemoData", "true");
    }

    public List<(string File, MimeMessage Message)> Messages() =>
        !Directory.Exists(Mail) ? [] : Directory.EnumerateFiles(Mail, "*.eml").Select(f => (Path.GetFileName(f), MimeMessage.Load(f))).ToList();

    /// <summary>Waits until a message to that address matching the test is in the folder.</summary>
    public async Task<MimeMessage> WaitForMailAsync(string to, Func<MimeMessage, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var found = Messages().Select(m => m.Message).FirstOrDefault(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, to, StringComparison.OrdinalIgnoreCase)) && match(m));
            if (found is not null)
            {
                return found;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No matching mail to {to} in the pickup folder after {timeout}");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Root, recursive: true);
    }
}

public sealed partial class EmbeddedJourneyTests(EmbeddedAppFactory app) : AppTestBase(app), IClassFixture<EmbeddedAppFactory>
{
    private static readonly TimeSpan MailTimeout = TimeSpan.FromSeconds(30);
    private const string Slug = "river-defenders-threatened";

    private new EmbeddedAppFactory App => (EmbeddedAppFactory)base.App;

    [Fact]
    public async Task A_newcomer_subscribes_confirms_from_the_pickup_folder_receives_the_demo_alert_once_and_acts_through_its_link()
    {
        const string Newcomer = "newcomer@embedded.example";
        var visitor = NewBrowser();
        var subscribed = await PostFormAsync(visitor, "/alerts/subscribe", "/alerts/subscribe",
            ("Email", Newcomer), ("Name", "Nia"), ("Language", "en"), ("Consent", "true"));
        Assert.Equal(HttpStatusCode.Redirect, subscribed.StatusCode);
        var confirmation = await App.WaitForMailAsync(Newcomer, _ => true, MailTimeout);
        var confirm = Link(confirmation, "/alerts/confirm/");
        Assert.Equal(HttpStatusCode.OK, (await PostFormAsync(visitor, confirm.PathAndQuery, confirm.PathAndQuery)).StatusCode);
        Assert.Equal(SubscriberStatus.Active, await App.WithDbAsync(db => db.AlertSubscribers.Where(s => s.Email == Newcomer).Select(s => s.Status).SingleAsync()));

        // A coordinator sends the demo urgent action from its page, as on the first try of the README.
        const string Coordinator = "coord-embedded@campaigns.test";
        await TestUsers.CreateAsync(App, Coordinator, Roles.Coordinator);
        var coordinator = NewBrowser();
        await SignInAsync(coordinator, Coordinator, TestUsers.Password);
        var requestId = Guid.NewGuid();
        var sent = await PostFormAsync(coordinator, $"/admin/alerts/{Slug}", $"/admin/alerts/{Slug}/sends", ("RequestId", requestId.ToString()), ("Kind", "UrgentAction"));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var sendId = await App.WithDbAsync(db => db.AlertSends.Where(s => s.RequestId == requestId).Select(s => s.Id).SingleAsync());
        var deadline = DateTime.UtcNow + MailTimeout;
        while (await App.WithDbAsync(db => db.AlertSends.Where(s => s.Id == sendId).Select(s => s.Status).SingleAsync()) != SendStatus.Completed)
        {
            Assert.True(DateTime.UtcNow < deadline, "The demo send did not complete");
            await Task.Delay(100);
        }

        // Every confirmed subscriber's message is in the folder exactly once.
        var deliveries = await App.WithDbAsync(db => db.AlertDeliveries.Where(d => d.AlertSendId == sendId)
            .Join(db.AlertSubscribers, d => d.SubscriberId, s => s.Id, (d, s) => new { d.Id, d.SentAt, s.Email }).ToListAsync());
        var active = await App.WithDbAsync(db => db.AlertSubscribers.Where(s => s.Status == SubscriberStatus.Active).Select(s => s.Email).ToListAsync());
        Assert.Equal(active.Order(StringComparer.Ordinal), deliveries.Select(d => d.Email).Order(StringComparer.Ordinal));
        Assert.Contains(Newcomer, active);
        var mail = App.Messages();
        foreach (var delivery in deliveries)
        {
            Assert.NotNull(delivery.SentAt);
            var message = Assert.Single(mail, m => m.File.EndsWith($"-alert-{delivery.Id:N}.eml", StringComparison.Ordinal)).Message;
            Assert.Equal(delivery.Email, message.To.Mailboxes.Single().Address);
        }

        Assert.Equal(deliveries.Count, mail.Count(m => m.File.Contains("-alert-", StringComparison.Ordinal)));

        // The outbox lists them for an administrator.
        const string Admin = "admin-embedded@campaigns.test";
        await TestUsers.CreateAsync(App, Admin, Roles.Admin);
        var admin = NewBrowser();
        await SignInAsync(admin, Admin, TestUsers.Password);
        var outbox = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/outbox"));
        Assert.Contains(Newcomer, outbox, StringComparison.Ordinal);

        // The newcomer acts through the link in their alert.
        var alert = Assert.Single(mail, m => m.Message.To.Mailboxes.Single().Address == Newcomer && m.File.Contains("-alert-", StringComparison.Ordinal)).Message;
        var page = Link(alert, $"/alerts/{Slug}");
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(page.Query);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(page.PathAndQuery)).StatusCode);
        var acted = await PostFormAsync(visitor, page.PathAndQuery, $"/alerts/{Slug}/act?s={Uri.EscapeDataString(query["s"].ToString())}", ("kind", "Call"));
        Assert.Equal(HttpStatusCode.Redirect, acted.StatusCode);
        var subscriberId = await App.WithDbAsync(db => db.AlertSubscribers.Where(s => s.Email == Newcomer).Select(s => s.Id).SingleAsync());
        Assert.Equal(1, await App.WithDbAsync(db => db.ActionsTaken.CountAsync(a => a.SubscriberId == subscriberId && a.Kind == ActionKind.Call)));
    }

    [Fact]
    public async Task An_rsvp_to_a_demo_tour_event_gets_its_confirmation_in_the_pickup_folder()
    {
        const string Guest = "guest@embedded.example";
        var now = DateTimeOffset.UtcNow;
        var stop = await App.WithDbAsync(db => db.TourStops.Where(s => s.StartsAt > now).OrderBy(s => s.StartsAt)
            .Join(db.Tours, s => s.TourId, t => t.Id, (s, t) => new { Tour = t.Slug, Stop = s.Slug, s.City }).FirstAsync());
        var visitor = NewBrowser();
        var rsvp = await PostFormAsync(visitor, $"/tours/{stop.Tour}/events/{stop.Stop}", $"/tours/{stop.Tour}/events/{stop.Stop}/rsvp",
            ("Name", "Gita Guest"), ("Email", Guest), ("Needs", ""));
        Assert.Equal(HttpStatusCode.Redirect, rsvp.StatusCode);
        var confirmation = await App.WaitForMailAsync(Guest, _ => true, MailTimeout);
        Assert.Contains(stop.City, confirmation.TextBody, StringComparison.Ordinal);
        await App.WaitForJobsAsync(MailTimeout);
        Assert.Single(App.Messages(), m => m.Message.To.Mailboxes.Any(b => b.Address == Guest));
    }

    [Fact]
    public async Task An_offline_pledge_to_a_demo_drive_gets_its_instructions_and_once_received_its_receipt_in_the_pickup_folder()
    {
        const string Donor = "donor@embedded.example";
        const string Drive = "clinic-supplies-north-kivu";
        var donor = NewBrowser();
        var pledged = await PostFormAsync(donor, $"/aid/{Drive}/donate", $"/aid/{Drive}/donate", ("Amount", "25.00"), ("Currency", "EUR"), ("Frequency", "OneTime"),
            ("Name", "Dora Donor"), ("Email", Donor), ("ShowNamePublicly", "false"));
        Assert.Equal(HttpStatusCode.Redirect, pledged.StatusCode);
        var instructions = await App.WaitForMailAsync(Donor, m => m.Subject == "How to pay your pledge", MailTimeout);
        Assert.Contains("IBAN", instructions.TextBody, StringComparison.Ordinal);

        const string Coordinator = "coord-pledge-embedded@campaigns.test";
        await TestUsers.CreateAsync(App, Coordinator, Roles.Coordinator);
        var coordinator = NewBrowser();
        await SignInAsync(coordinator, Coordinator, TestUsers.Password);
        var donationId = await App.WithDbAsync(db => db.Donations.Where(d => d.DonorEmail == Donor).Select(d => d.Id).SingleAsync());
        var marked = await PostFormAsync(coordinator, $"/admin/aid/{Drive}", $"/admin/aid/{Drive}/pledges/{donationId}/received");
        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        var receiptNumber = await App.WithDbAsync(db => db.LedgerEntries.Where(e => e.DonationId == donationId).Select(e => e.ReceiptNumber).SingleAsync());
        var receipt = await App.WaitForMailAsync(Donor, m => m.Subject == "Your receipt", MailTimeout);
        Assert.Contains(receiptNumber!, receipt.TextBody, StringComparison.Ordinal);
    }

    private static Uri Link(MimeMessage message, string path) =>
        new(LinkPattern().Matches(message.TextBody ?? "").Select(m => m.Value).First(v => v.Contains(path, StringComparison.Ordinal)));

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}
