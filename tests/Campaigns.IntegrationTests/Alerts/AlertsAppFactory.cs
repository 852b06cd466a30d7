using Campaigns.Testing;
using Campaigns.Web.Data;
using Campaigns.Web.Domain.Alerts;
using Campaigns.Web.Features.Alerts;
using Campaigns.Web.Features.Alerts.Admin;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Campaigns.IntegrationTests.Alerts;

/// <summary>The app with a DKIM key of its own and short SMTP retry pauses.</summary>
public class AlertsAppFactory : SignedMailAppFactory
{
    public const string BounceSecret = "test-bounce-secret";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Alerts:RetryDelay", "00:00:00.050");
        builder.UseSetting("Alerts:ChunkSize", "50");
        builder.UseSetting("Alerts:BounceWebhookSecret", BounceSecret);
    }

    public bool VerifyDkim(MimeMessage message) => Dkim.Verifies(message);

    /// <summary>A subscriber who confirmed, straight into the database.</summary>
    public Task<AlertSubscriber> AddSubscriberAsync(string email, string language, SubscriberStatus status = SubscriberStatus.Active, string? name = null) =>
        WithDbAsync(async db =>
        {
            var subscriber = new AlertSubscriber
            {
                Id = Guid.CreateVersion7(),
                Email = email,
                Name = name,
                Language = language,
                Status = status,
                ConsentText = "test",
                ConsentAt = DateTimeOffset.UtcNow,
                CreatedAt = DateTimeOffset.UtcNow,
            };
            db.AlertSubscribers.Add(subscriber);
            await db.SaveChangesAsync();
            return subscriber;
        });

    public async Task<string> ManageTokenAsync(Guid subscriberId)
    {
        await using var scope = Services.CreateAsyncScope();
        return scope.ServiceProvider.GetRequiredService<AlertLinks>().ManageToken(subscriberId);
    }

    /// <summary>A send as the admin page would ask for it.</summary>
    public async Task<Guid> SendAsync(string slug, SendForm form)
    {
        await using var scope = Services.CreateAsyncScope();
        form.RequestId = form.RequestId == Guid.Empty ? Guid.NewGuid() : form.RequestId;
        return (await scope.ServiceProvider.GetRequiredService<CreateAlertSend>().HandleAsync(slug, form, CancellationToken.None)).SendId!.Value;
    }

    public Task<int> CountAsync(Func<CampaignsDbContext, Task<int>> query) => WithDbAsync(query);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
    }
}

/// <summary>Pages only, no Hangfire server: the test runs the send jobs itself, to stop one half way.</summary>
public sealed class AlertsWebOnlyFactory : AlertsAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Campaigns:Role", "Web");
        builder.UseSetting("Alerts:ChunkSize", "1000");
    }
}
