using Campaigns.Web.Data;
using Campaigns.Web.Data.Seeding;
using Campaigns.Web.Infrastructure.Email;
using Campaigns.Web.Infrastructure.Jobs;
using Campaigns.Web.Infrastructure.Security;
using Hangfire;
using Microsoft.Extensions.Options;

namespace Campaigns.Web.Infrastructure.Hosting;

/// <summary>
/// Everything start-up must settle before serving: settings that can only be checked against the world (the
/// database, the SMTP server), migrations where allowed, the first Admin, demo data, recurring jobs. A hosted
/// service registered before the job server and the web server, so both start on a prepared database.
/// </summary>
public sealed class CampaignsStartup(IServiceScopeFactory scopes, IOptions<CampaignsOptions> campaigns) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var migrator = services.GetRequiredService<DatabaseMigrator>();
        if (services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStart)
        {
            await migrator.MigrateAsync(cancellationToken);
        }
        else
        {
            await migrator.EnsureUpToDateAsync(cancellationToken);
        }

        await services.GetRequiredService<SmtpStartupCheck>().RunAsync(cancellationToken);
        var admin = await services.GetRequiredService<AdminBootstrapper>().EnsureAdminAsync(cancellationToken);
        if (campaigns.Value.SeedDemoData)
        {
            await services.GetRequiredService<DemoDataSeeder>().SeedAsync(DemoDataSeeder.DefaultFolder, cancellationToken);
        }

        RecurringJobs.Register(services.GetRequiredService<IRecurringJobManager>());
        if (admin is { } first)
        {
            PrintFirstAdmin(first.Email, first.Password);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // Written to the console only, once: a secret has no place in collected logs.
    private void PrintFirstAdmin(string email, string password)
    {
        Console.WriteLine();
        Console.WriteLine("  First run: an administrator account was created.");
        Console.WriteLine($"  Sign in at {campaigns.Value.PublicBaseUrl.TrimEnd('/')}/account/signin");
        Console.WriteLine($"    email:    {email}");
        Console.WriteLine($"    password: {password}");
        Console.WriteLine("  This password is shown only now; change it under Account after signing in.");
        Console.WriteLine();
    }
}
