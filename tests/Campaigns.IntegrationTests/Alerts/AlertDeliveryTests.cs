using System.Net;
using Campaigns.Testing;
using Campaigns.Web.Domain.Alerts;
using Campaigns.Web.Domain.Identity;
using Campaigns.Web.Features.Admin.Outbox;
using Campaigns.Web.Features.Alerts.Admin;
using Campaigns.Web.Features.Alerts.Sending;
using Campaigns.Web.Features.Privacy;
using Campaigns.Web.Infrastructure.Email;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Campaigns.IntegrationTests.Alerts;

/// <summary>The embedded default's mail: <c>Email:Delivery=Pickup</c> into a folder of the test's own. Pages only; the test runs the jobs.</summary>
public sealed class PickupAlertsFactory : AlertsAppFactory
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("campaigns-pickup-").FullName;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Campaigns:Role", "Web");
        builder.UseSetting("Email:Delivery", "Pickup");
        builder.UseSetting("Email:PickupDirectory", Folder);
    }

    /// <summary>Every message in the folder, with its file name.</summary>
    public List<(string File, MimeMessage Message)> Mail() =>
        Directory.EnumerateFiles(Folder, "*.eml").Select(f => (Path.GetFileName(f), MimeMessage.Load(f))).ToList();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }
}

public sealed class PickupDeliveryTests(PickupAlertsFactory app) : AppTestBase(app), IClassFixture<PickupAlertsFactory>
{
    private new PickupAlertsFactory App => (PickupAlertsFactory)base.App;

    [Fact]
    public async Task An_alert_chunk_run_again_after_a_kill_leaves_exactly_one_signed_pickup_file_per_recipient()
    {
        await App.AddSubscriberAsync("ana@pickup.example", "en", name: "Ana");
        await App.AddSubscriberAsync("bruno@pickup.example", "es");
        await App.AddSubscriberAsync("chloe@pickup.example", "fr");
        var sendId = await SendAndRunAsync();

        // A worker killed after the files were in place but before their rows were marked: the rows say unsent.
        await App.WithDbAsync(db => db.AlertDeliveries.Where(d => d.AlertSendId == sendId)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.SentAt, (DateTimeOffset?)null)));
        await App.WithDbAsync(db => db.AlertSends.Where(s => s.Id == sendId).ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, SendStatus.Sending)));
        await RunChunksAsync(sendId);

        var deliveries = await App.WithDbAsync(db => db.AlertDeliveries.Where(d => d.AlertSendId == sendId).ToListAsync());
        Assert.All(deliveries, d => Assert.NotNull(d.SentAt));
        var names = deliveries.Select(d => $"-alert-{d.Id:N}.eml").ToList();
        var alerts = App.Mail().Where(m => names.Any(n => m.File.EndsWith(n, StringComparison.Ordinal))).ToList();
        Assert.Equal(deliveries.Count, alerts.Count);
        var recipients = alerts.Select(m => m.Message.To.Mailboxes.Single().Address).ToList();
        Assert.Equal(recipients.Count, recipients.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        foreach (var address in new[] { "ana@pickup.example", "bruno@pickup.example", "chloe@pickup.example" })
        {
            var message = Assert.Single(alerts, m => m.Message.To.Mailboxes.Single().Address == address).Message;
            Assert.True(App.VerifyDkim(message), $"DKIM of the message to {address}");
        }

        Assert.Equal(SendStatus.Completed, await App.WithDbAsync(db => db.AlertSends.Where(s => s.Id == sendId).Select(s => s.Status).SingleAsync()));
        await using var scope = App.Services.CreateAsyncScope();
        var outbox = await scope.ServiceProvider.GetRequiredService<ReadOutbox>().ListAsync(CancellationToken.None);
        Assert.Contains(outbox, row => row.To.Contains("ana@pickup.example", StringComparison.Ordinal));
        Assert.NotNull(await scope.ServiceProvider.GetRequiredService<ReadOutbox>().FindAsync(Path.GetFileNameWithoutExtension(alerts[0].File), CancellationToken.None));
    }

    [Fact]
    public async Task Erasure_deletes_the_persons_pickup_files_and_outbox_rows_and_leaves_everyone_elses()
    {
        const string Gone = "erase-me@pickup.example";
        const string Kept = "keep-me@pickup.example";
        await App.AddSubscriberAsync(Gone, "en", name: "Erasmus Gone");
        await App.AddSubscriberAsync(Kept, "en", name: "Kept Person");
        await SendAndRunAsync();
        foreach (var to in new[] { Gone, Kept })
        {
            var id = Guid.CreateVersion7();
            await App.WithDbAsync(db =>
            {
                db.QueuedEmails.Add(new QueuedEmail { Id = id, ToAddress = to, Subject = "Thanks for your pledge", HtmlBody = "<p>Thanks</p>", TextBody = "Thanks", Kind = "test", CreatedAt = DateTimeOffset.UtcNow });
                return db.SaveChangesAsync();
            });
            await using var scope = App.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<SendQueuedEmailJob>().RunAsync(id, CancellationToken.None);
        }

        Assert.Equal(2, App.Mail().Count(m => m.Message.To.Mailboxes.Any(b => b.Address == Gone)));
        await using (var scope = App.Services.CreateAsyncScope())
        {
            Assert.Equal(ErasureOutcome.Started, await scope.ServiceProvider.GetRequiredService<RequestErasure>().HandleAsync(Gone, "en", CancellationToken.None));
        }

        var recordId = await App.WithDbAsync(db => db.ErasureRecords.Where(r => r.EmailHash == Campaigns.Web.Domain.Privacy.ErasureRecord.HashOf(Gone)).Select(r => r.Id).SingleAsync());
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ErasureJob>().RunAsync(recordId, CancellationToken.None);
        }

        foreach (var file in Directory.EnumerateFiles(App.Folder))
        {
            Assert.DoesNotContain("erase-me@", await File.ReadAllTextAsync(file), StringComparison.OrdinalIgnoreCase);
        }

        Assert.Equal(2, App.Mail().Count(m => m.Message.To.Mailboxes.Any(b => b.Address == Kept)));
        Assert.Equal(0, await App.WithDbAsync(db => db.QueuedEmails.CountAsync(e => e.ToAddress == Gone)));
        Assert.Equal(1, await App.WithDbAsync(db => db.QueuedEmails.CountAsync(e => e.ToAddress == Kept)));
    }

    private async Task<Guid> SendAndRunAsync()
    {
        var sendId = await App.SendAsync("river-defenders-threatened", new SendForm { Kind = AlertKind.UrgentAction });
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PlanAlertSendJob>().RunAsync(sendId, CancellationToken.None);
        }

        await RunChunksAsync(sendId);
        return sendId;
    }

    private async Task RunChunksAsync(Guid sendId)
    {
        var chunks = await App.WithDbAsync(db => db.AlertSends.Where(s => s.Id == sendId).Select(s => s.Chunks).SingleAsync());
        for (var chunk = 0; chunk < chunks; chunk++)
        {
            await using var scope = App.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<SendAlertChunkJob>().RunAsync(sendId, chunk, CancellationToken.None);
        }
    }
}

/// <summary>
/// An SMTP server that answers when the app starts (the start-up check wants one) and that the test then takes
/// away and brings back on the same port; a clock the test moves. Pages only; the test runs the jobs.
/// </summary>
public sealed class VanishingSmtpFactory : AlertsAppFactory
{
    public int Port { get; } = SmtpSink.FreePort();

    public FlakySmtpServer? Relay { get; set; }

    /// <summary>Starts at the real time, whole seconds (the database keeps microseconds), so sign-in codes and cookies agree with it.</summary>
    public SettableTimeProvider Clock { get; } = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Relay = new FlakySmtpServer(dropsFirst: 0, refuses: "nobody@vanishing.example", Port);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Campaigns:Role", "Web");
        builder.UseSetting("Email:Port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Alerts:MaxAttempts", "2");
        builder.UseSetting("Alerts:GiveUpAfter", "00:30:00");
        builder.UseSetting("Alerts:ProblemRetryDelay", "00:01:00");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Relay?.Dispose();
    }
}

public sealed class MailServerProblemTests(VanishingSmtpFactory app) : AppTestBase(app), IClassFixture<VanishingSmtpFactory>
{
    private new VanishingSmtpFactory App => (VanishingSmtpFactory)base.App;

    [Fact]
    public async Task A_send_that_cannot_reach_its_server_records_why_gives_up_after_the_bounded_time_and_resumes_without_second_copies()
    {
        const string Coordinator = "coord-problem@campaigns.test";
        await TestUsers.CreateAsync(App, Coordinator, Roles.Coordinator);
        await App.AddSubscriberAsync("first@vanishing.example", "en");
        await App.AddSubscriberAsync("second@vanishing.example", "fr");
        var start = App.Clock.GetUtcNow();
        App.Relay!.Dispose();

        var sendId = await App.SendAsync("river-defenders-threatened", new SendForm { Kind = AlertKind.UrgentAction });
        await RunAsync<PlanAlertSendJob>(j => j.RunAsync(sendId, CancellationToken.None));
        await RunChunksAsync(sendId);
        var send = await SendAsync(sendId);
        Assert.Equal(SendStatus.Sending, send.Status);
        Assert.Equal(SendProblem.ServerUnreachable, send.Problem);
        Assert.Equal(start, send.ProblemSince);
        Assert.Contains("ConnectionRefused", send.ProblemDetail, StringComparison.Ordinal);
        Assert.DoesNotContain("@", send.ProblemDetail, StringComparison.Ordinal);
        Assert.Equal(0, await App.WithDbAsync(db => db.AlertDeliveries.CountAsync(d => d.AlertSendId == sendId && (d.SentAt != null || d.FailedAt != null))));

        // Still inside the give-up time: still trying, and the problem keeps the time it began.
        App.Clock.Advance(TimeSpan.FromMinutes(20));
        await RunChunksAsync(sendId);
        send = await SendAsync(sendId);
        Assert.Equal(SendStatus.Sending, send.Status);
        Assert.Equal(start, send.ProblemSince);

        App.Clock.Advance(TimeSpan.FromMinutes(11));
        await RunChunksAsync(sendId);
        send = await SendAsync(sendId);
        Assert.Equal(SendStatus.Failed, send.Status);
        Assert.Equal(SendProblem.ServerUnreachable, send.Problem);

        // Failed is final until a coordinator resumes: neither the chunk nor the planner touches the rows again.
        var attempts = await App.WithDbAsync(db => db.AlertDeliveries.Where(d => d.AlertSendId == sendId).SumAsync(d => d.Attempts));
        await RunChunksAsync(sendId);
        await RunAsync<PlanAlertSendJob>(j => j.RunAsync(sendId, CancellationToken.None));
        Assert.Equal(attempts, await App.WithDbAsync(db => db.AlertDeliveries.Where(d => d.AlertSendId == sendId).SumAsync(d => d.Attempts)));

        // The server is back; the coordinator resumes the send from its page.
        App.Relay = new FlakySmtpServer(dropsFirst: 0, refuses: "nobody@vanishing.example", App.Port);
        App.Clock.Set(DateTimeOffset.UtcNow);
        var browser = NewBrowser();
        await SignInAsync(browser, Coordinator, TestUsers.Password);
        var resumed = await PostFormAsync(browser, "/admin/alerts/river-defenders-threatened", $"/admin/alerts/sends/{sendId}/resume");
        Assert.Equal(HttpStatusCode.Redirect, resumed.StatusCode);
        send = await SendAsync(sendId);
        Assert.Equal(SendStatus.Sending, send.Status);
        Assert.Equal(SendProblem.None, send.Problem);
        Assert.Null(send.ProblemSince);
        Assert.Null(send.ProblemDetail);

        await RunAsync<PlanAlertSendJob>(j => j.RunAsync(sendId, CancellationToken.None));
        await RunChunksAsync(sendId);
        Assert.Equal(SendStatus.Completed, (await SendAsync(sendId)).Status);
        Assert.Equal(1, App.Relay.Accepted("first@vanishing.example"));
        Assert.Equal(1, App.Relay.Accepted("second@vanishing.example"));

        // Run once more, as a late retry scheduled before the give-up would: nobody gets a second copy.
        await RunChunksAsync(sendId);
        Assert.Equal(1, App.Relay.Accepted("first@vanishing.example"));

        // A second click on resume changes nothing.
        var again = await PostFormAsync(browser, "/admin/alerts/river-defenders-threatened", $"/admin/alerts/sends/{sendId}/resume");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(SendStatus.Completed, (await SendAsync(sendId)).Status);
    }

    [Fact]
    public void Mail_failures_are_told_apart_by_what_someone_can_do_about_them()
    {
        Assert.Equal(SendProblem.LoginRefused, MailServerProblemException.Classify(new MailKit.Security.AuthenticationException("535 nope")));
        Assert.Equal(SendProblem.ServerUnreachable, MailServerProblemException.Classify(new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused)));
        Assert.Equal(SendProblem.ServerUnreachable, MailServerProblemException.Classify(new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.HostNotFound)));
        Assert.Equal(SendProblem.ServerTimeout, MailServerProblemException.Classify(new TimeoutException()));
        Assert.Equal(SendProblem.ServerRefused, MailServerProblemException.Classify(new MailKit.Security.SslHandshakeException("bad certificate")));
        Assert.Equal(SendProblem.Other, MailServerProblemException.Classify(new InvalidOperationException()));
        Assert.DoesNotContain("someone@example.org", MailServerProblemException.Describe(new InvalidOperationException("refused for someone@example.org")), StringComparison.Ordinal);
    }

    private Task<AlertSend> SendAsync(Guid sendId) => App.WithDbAsync(db => db.AlertSends.AsNoTracking().SingleAsync(s => s.Id == sendId));

    private async Task RunAsync<TJob>(Func<TJob, Task> run)
        where TJob : notnull
    {
        await using var scope = App.Services.CreateAsyncScope();
        await run(scope.ServiceProvider.GetRequiredService<TJob>());
    }

    private async Task RunChunksAsync(Guid sendId)
    {
        var chunks = await App.WithDbAsync(db => db.AlertSends.Where(s => s.Id == sendId).Select(s => s.Chunks).SingleAsync());
        for (var chunk = 0; chunk < chunks; chunk++)
        {
            await RunAsync<SendAlertChunkJob>(j => j.RunAsync(sendId, chunk, CancellationToken.None));
        }
    }
}
