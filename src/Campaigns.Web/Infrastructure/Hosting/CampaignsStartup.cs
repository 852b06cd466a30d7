using Campaigns.Web.Data;
using Campaigns.Web.Data.Seeding;
using Campaigns.Web.Infrastructure.Email;
using Campaigns.Web.Infrastructure.Jobs;
using Campaigns.Web.Infrastructure.Protection;
using Campaigns.Web.Infrastructure.Security;
using Hangfire;
using Microsoft.Extensions.Options;

namespace Campaigns.Web.Infrastructure.Hosting;

/// <summary>
/// Everything start-up must settle before serving: settings that can only be checked against the world (the
/// database, the SMTP server), the database itself where this process may prepare it, recurring jobs. A hosted
/// service registered before the job server and the web server, so both start on a prepared database.
/// </summary>
public sealed class CampaignsStartup(IServiceScopeFactory scopes, IOptions<DatabaseOptions> database) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        if (database.Value.MigrateOnStart)
        {
            await PrepareDatabaseAsync(services, cancellationToken);
        }
        else
        {
            // Several nodes start at once in production: only the explicit migrate step changes the database.
            await services.GetRequiredService<DatabaseMigrator>().EnsureUpToDateAsync(cancellationToken);
        }

        await services.GetRequiredService<SmtpStartupCheck>().RunAsync(cancellationToken);
        RecurringJobs.Register(services.GetRequiredService<IRecurringJobManager>(), services.GetRequiredService<IOptions<BounceMailboxOptions>>().Value);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Migrations, roles, the first Admin and demo data: at start in the embedded default, or once per release
    /// with the migrate command.
    /// </summary>
    public static async Task PrepareDatabaseAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        await services.GetRequiredService<PlaintextKeyRingPurge>().RunAsync(cancellationToken);
        var admin = await services.GetRequiredService<AdminBootstrapper>().EnsureAdminAsync(cancellationToken);
        var campaigns = services.GetRequiredService<IOptions<CampaignsOptions>>().Value;
        if (campaigns.SeedDemoData)
        {
            await services.GetRequiredService<DemoDataSeeder>().SeedAsync(DemoDataSeeder.DefaultFolder, cancellationToken);
        }

        if (admin is { } first)
        {
            PrintFirstAdmin(campaigns, first.Email, first.Password);
        }
    }

    // Written to the console only, once: a secret has no place in collected logs.
    private static void PrintFirstAdmin(CampaignsOptions campaigns, string email, string password)
    {
        Console.WriteLine();
        Console.WriteLine("  First run: an administrator account was created.");
        Console.WriteLine($"  Sign in at {campaigns.PublicBaseUrl.TrimEnd('/')}/account/signin");
        Console.WriteLine($"    email:    {email}");
        Console.WriteLine($"    password: {password}");
        Console.WriteLine("  This password is shown only now; change it under Account after signing in.");
        Console.WriteLine("  Staff accounts need an authenticator app (two-step verification): set it up at first sign-in.");
        Console.WriteLine();
    }
}
