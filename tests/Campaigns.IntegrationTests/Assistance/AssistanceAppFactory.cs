using Campaigns.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Campaigns.IntegrationTests.Assistance;

/// <summary>The app with a clock the test moves: check-ins fall due and are missed without waiting days.</summary>
public sealed class AssistanceAppFactory : CampaignsAppFactory
{
    public SettableTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(Clock);
            services.AddSingleton<TimeProvider>(Clock);
        });
    }
}
