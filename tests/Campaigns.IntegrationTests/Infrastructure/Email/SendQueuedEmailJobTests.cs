using Campaigns.Testing;
using Campaigns.Web.Infrastructure.Email;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Campaigns.IntegrationTests.Infrastructure.Email;

public sealed class SendQueuedEmailJobTests(CampaignsAppFactory app) : AppTestBase(app), IClassFixture<CampaignsAppFactory>
{
    private static EmailMessage Message(string to) =>
        new(to, "Test", "Reset your password", "Accounts/Emails/ResetPassword", new Web.Features.Accounts.AccountEmailModel("Ana", "http://localhost/x"), "es");

    [Fact]
    public async Task A_queued_email_is_sent_by_a_hangfire_job_over_smtp_in_the_recipients_language()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var id = await scope.ServiceProvider.GetRequiredService<EmailQueue>().QueueAsync(Message("smtp-test@example.org"), "test", CancellationToken.None);

        var received = await App.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == "smtp-test@example.org"), TimeSpan.FromSeconds(20));

        Assert.Equal("Restablece tu contraseña", received.Subject);
        Assert.NotNull(received.HtmlBody);
        Assert.Contains("http://localhost/x", received.TextBody, StringComparison.Ordinal);
        await App.WaitForJobsAsync(TimeSpan.FromSeconds(10));
        Assert.NotNull(await App.WithDbAsync(db => db.QueuedEmails.Where(e => e.Id == id).Select(e => e.SentAt).SingleAsync()));
    }

    [Fact]
    public async Task The_copy_kept_after_sending_has_its_words_but_none_of_its_links()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var id = await scope.ServiceProvider.GetRequiredService<EmailQueue>().QueueAsync(Message("kept@example.org"), "test", CancellationToken.None);

        var received = await App.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == "kept@example.org"), TimeSpan.FromSeconds(20));
        await App.WaitForJobsAsync(TimeSpan.FromSeconds(10));

        Assert.Contains("http://localhost/x", received.TextBody, StringComparison.Ordinal);
        var kept = await App.WithDbAsync(db => db.QueuedEmails.AsNoTracking().SingleAsync(e => e.Id == id));
        Assert.NotNull(kept.SentAt);
        Assert.DoesNotContain("http", kept.TextBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http", kept.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(SentEmailLinks.Placeholder, kept.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Running_the_send_job_again_does_not_send_the_email_twice()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var id = await scope.ServiceProvider.GetRequiredService<EmailQueue>().QueueAsync(Message("twice@example.org"), "test", CancellationToken.None);
        await App.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == "twice@example.org"), TimeSpan.FromSeconds(20));
        await App.WaitForJobsAsync(TimeSpan.FromSeconds(10));

        var jobs = scope.ServiceProvider.GetRequiredService<IBackgroundJobClient>();
        jobs.Enqueue<SendQueuedEmailJob>(job => job.RunAsync(id, CancellationToken.None));
        await scope.ServiceProvider.GetRequiredService<SendQueuedEmailJob>().RunAsync(id, CancellationToken.None);
        await App.WaitForJobsAsync(TimeSpan.FromSeconds(10));

        Assert.Single(App.Smtp.Messages, m => m.To.Mailboxes.Any(b => b.Address == "twice@example.org"));
    }

    [Fact]
    public async Task An_email_whose_job_was_lost_is_found_and_sent_by_the_retry_sweep()
    {
        var id = Guid.CreateVersion7();
        await App.WithDbAsync(db =>
        {
            db.QueuedEmails.Add(new QueuedEmail
            {
                Id = id,
                ToAddress = "lost@example.org",
                Subject = "Lost",
                HtmlBody = "<p>Lost</p>",
                TextBody = "Lost",
                Kind = "test",
                CreatedAt = DateTimeOffset.UtcNow - RetryUnsentEmailsJob.Grace - TimeSpan.FromMinutes(1),
            });
            return db.SaveChangesAsync();
        });

        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RetryUnsentEmailsJob>().RunAsync(CancellationToken.None);

        await App.Smtp.WaitForAsync(m => m.Subject == "Lost", TimeSpan.FromSeconds(20));
    }
}
