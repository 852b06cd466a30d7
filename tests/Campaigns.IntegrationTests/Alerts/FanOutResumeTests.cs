using Campaigns.Web.Domain.Alerts;
using Campaigns.Web.Features.Alerts.Admin;
using Campaigns.Web.Features.Alerts.Sending;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Campaigns.IntegrationTests.Alerts;

/// <summary>Exactly once under a kill: the test runs the jobs itself (no Hangfire server) and stops one half way.</summary>
public sealed class FanOutResumeTests(AlertsWebOnlyFactory app) : AppTestBase(app), IClassFixture<AlertsWebOnlyFactory>
{
    private new AlertsWebOnlyFactory App => (AlertsWebOnlyFactory)base.App;

    [Fact]
    public async Task A_fan_out_stopped_half_way_resumes_and_each_recipient_gets_exactly_one_copy()
    {
        const int Count = 400;
        await App.WithDbAsync(async db =>
        {
            for (var i = 0; i < Count; i++)
            {
                db.AlertSubscribers.Add(new AlertSubscriber
                {
                    Id = Guid.CreateVersion7(),
                    Email = $"bulk{i:D4}@resume.example",
                    Language = (i % 3) switch { 0 => "en", 1 => "es", _ => "fr" },
                    Status = SubscriberStatus.Active,
                    ConsentText = "test",
                    ConsentAt = DateTimeOffset.UtcNow,
                    CreatedAt = DateTimeOffset.UtcNow,
                });
            }

            return await db.SaveChangesAsync();
        });
        var sendId = await App.SendAsync("river-defenders-threatened", new SendForm { Kind = AlertKind.UrgentAction });
        await RunAsync<PlanAlertSendJob>(job => job.RunAsync(sendId, CancellationToken.None));
        var total = await App.CountAsync(db => db.AlertDeliveries.CountAsync(d => d.AlertSendId == sendId));
        Assert.True(total >= Count);

        using (var kill = new CancellationTokenSource())
        {
            var watcher = Task.Run(async () =>
            {
                while (App.Smtp.Messages.Count < Count / 4)
                {
                    await Task.Delay(2);
                }

                await kill.CancelAsync();
            });
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => RunAsync<SendAlertChunkJob>(job => job.RunAsync(sendId, 0, kill.Token)));
            await watcher;
        }

        var sentBeforeResume = await App.CountAsync(db => db.AlertDeliveries.CountAsync(d => d.AlertSendId == sendId && d.SentAt != null));
        Assert.InRange(sentBeforeResume, 1, total - 1);

        // A second run of the planner re-enqueues; here the test plays the worker and runs the chunk again.
        await RunAsync<PlanAlertSendJob>(job => job.RunAsync(sendId, CancellationToken.None));
        await RunAsync<SendAlertChunkJob>(job => job.RunAsync(sendId, 0, CancellationToken.None));

        var perRecipient = App.Smtp.Messages.Where(m => m.To.Mailboxes.Single().Address.EndsWith("@resume.example", StringComparison.Ordinal))
            .GroupBy(m => m.To.Mailboxes.Single().Address).ToList();
        Assert.Equal(Count, perRecipient.Count);
        Assert.All(perRecipient, g => Assert.Single(g));
        Assert.Equal(total, await App.CountAsync(db => db.AlertDeliveries.CountAsync(d => d.AlertSendId == sendId && d.SentAt != null)));
        Assert.Equal(SendStatus.Completed, await App.WithDbAsync(db => db.AlertSends.Where(s => s.Id == sendId).Select(s => s.Status).SingleAsync()));

        // The rows the first run held and did not finish show it: taken twice.
        Assert.True(await App.CountAsync(db => db.AlertDeliveries.CountAsync(d => d.AlertSendId == sendId && d.Attempts == 2)) > 0);
    }

    [Fact]
    public async Task A_scheduled_send_waits_for_its_time()
    {
        var sendId = await App.SendAsync("river-defenders-threatened", new SendForm { Kind = AlertKind.UrgentAction, ScheduledFor = DateTime.UtcNow.AddHours(2) });

        await RunAsync<PlanAlertSendJob>(job => job.RunAsync(sendId, CancellationToken.None));

        Assert.Equal(SendStatus.Scheduled, await App.WithDbAsync(db => db.AlertSends.Where(s => s.Id == sendId).Select(s => s.Status).SingleAsync()));
        Assert.Equal(0, await App.CountAsync(db => db.AlertDeliveries.CountAsync(d => d.AlertSendId == sendId)));
    }

    private async Task RunAsync<TJob>(Func<TJob, Task> run)
        where TJob : notnull
    {
        await using var scope = App.Services.CreateAsyncScope();
        await run(scope.ServiceProvider.GetRequiredService<TJob>());
    }
}
