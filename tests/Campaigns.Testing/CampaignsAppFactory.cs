using Campaigns.Web.Data;
using Hangfire;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Campaigns.Testing;

/// <summary>
/// The whole app on a database of its own on real PostgreSQL, with email going to a real SMTP server in the
/// test process and jobs run by a real Hangfire server. Hangfire keeps static state, so test classes using this
/// factory share the "App" collection and never run in parallel.
/// </summary>
public class CampaignsAppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public string ConnectionString { get; private set; } = "";

    public SmtpSink Smtp { get; private set; } = null!;

    public string AdminEmail { get; } = "admin@campaigns.test";

    /// <summary>The key protected fields are encrypted with in tests (32 bytes, base64); never used anywhere else.</summary>
    public const string ProtectionKey = "5YaTxi8AROtdajyTnDwCM2KGX+ku2cRxnyNrcmVGJ9Q=";

    public virtual async Task InitializeAsync()
    {
        ConnectionString = await PostgresServer.CreateDatabaseAsync("campaigns");
        Smtp = new SmtpSink();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Smtp.DisposeAsync();
        await PostgresServer.DropDatabaseAsync(ConnectionString);
    }

    /// <summary>A scope on the app's services, for arranging data and asserting on it.</summary>
    public async Task<T> WithDbAsync<T>(Func<CampaignsDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<CampaignsDbContext>());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "Postgres");
        builder.UseSetting("Database:ConnectionString", ConnectionString);
        builder.UseSetting("Database:MigrateOnStart", "true");
        builder.UseSetting("Campaigns:SeedDemoData", "true");
        builder.UseSetting("Campaigns:AdminEmail", AdminEmail);
        builder.UseSetting("Email:Delivery", "Smtp");
        builder.UseSetting("Email:Host", "127.0.0.1");
        builder.UseSetting("Email:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Email:Security", "None");
        builder.UseSetting("Jobs:PollInterval", "00:00:00.100");
        builder.UseSetting("Protection:Keys:test1", ProtectionKey);
        builder.UseSetting("Protection:CurrentKeyId", "test1");

        // Every test client shares one address; the limits themselves are tested with a factory of their own.
        builder.UseSetting("RateLimits:SignInPerMinute", "100000");
        builder.UseSetting("RateLimits:AccountEmailsPerMinute", "100000");
        builder.UseSetting("RateLimits:PublicFormsPerMinute", "100000");
        builder.UseSetting("Alerts:NewAnonymousReportersPerHour", "100000");
    }

    /// <summary>Runs until Hangfire has no job enqueued or processing, so a test sees the effects of what it queued.</summary>
    public async Task WaitForJobsAsync(TimeSpan timeout)
    {
        var storage = Services.GetRequiredService<JobStorage>();
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var stats = storage.GetMonitoringApi().GetStatistics();
            if (stats.Enqueued == 0 && stats.Processing == 0)
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("Jobs were still running after " + timeout);
    }
}
