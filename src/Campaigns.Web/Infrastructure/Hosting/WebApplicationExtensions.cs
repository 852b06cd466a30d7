using Campaigns.Web.Data;
using Campaigns.Web.Data.Seeding;
using Campaigns.Web.Infrastructure.Email;
using Campaigns.Web.Infrastructure.Health;
using Campaigns.Web.Infrastructure.Jobs;
using Campaigns.Web.Infrastructure.Security;
using Hangfire;
using Microsoft.Extensions.Options;
using Serilog;

namespace Campaigns.Web.Infrastructure.Hosting;

public static class WebApplicationExtensions
{
    public static WebApplication UseCampaignsPipeline(this WebApplication app, ProcessRole role)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks(HealthEndpoint.Path, HealthEndpoint.Options).AllowAnonymous();
        if (role == ProcessRole.Worker)
        {
            return app;
        }

        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
        }

        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseSecurityHeaders();
        app.UseSerilogRequestLogging();
        app.UseStaticFiles();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHangfireDashboard("/admin/jobs", new DashboardOptions
        {
            Authorization = [new AdminDashboardAuthorizationFilter()],
            DisplayStorageConnectionString = false,
            AppPath = "/admin",
        }).RequireAuthorization(Policies.Admin);
        app.MapControllers();
        app.MapFallbackToController(nameof(Features.Shared.ErrorController.Missing), "Error");
        return app;
    }

    /// <summary>
    /// Everything start-up must settle before serving: settings that can only be checked against the world
    /// (the database, the SMTP server), migrations where allowed, demo data, the first Admin, recurring jobs.
    /// </summary>
    public static async Task PrepareCampaignsAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var database = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var campaigns = services.GetRequiredService<IOptions<CampaignsOptions>>().Value;
        var migrator = services.GetRequiredService<DatabaseMigrator>();
        if (database.MigrateOnStart)
        {
            await migrator.MigrateAsync(cancellationToken);
        }
        else
        {
            await migrator.EnsureUpToDateAsync(cancellationToken);
        }

        await services.GetRequiredService<SmtpStartupCheck>().RunAsync(cancellationToken);

        var admin = await services.GetRequiredService<AdminBootstrapper>().EnsureAdminAsync(cancellationToken);
        if (campaigns.SeedDemoData)
        {
            await services.GetRequiredService<DemoDataSeeder>().SeedAsync(DemoDataSeeder.DefaultFolder, cancellationToken);
        }

        RecurringJobs.Register(services.GetRequiredService<IRecurringJobManager>());

        if (admin is { } first)
        {
            // Written to the console only, once: a secret has no place in collected logs.
            Console.WriteLine();
            Console.WriteLine("  First run: an administrator account was created.");
            Console.WriteLine($"  Sign in at {campaigns.PublicBaseUrl.TrimEnd('/')}/account/signin");
            Console.WriteLine($"    email:    {first.Email}");
            Console.WriteLine($"    password: {first.Password}");
            Console.WriteLine("  This password is shown only now; change it under Account after signing in.");
            Console.WriteLine();
        }
    }

    /// <summary>The explicit production step: <c>dotnet Campaigns.Web.dll migrate</c>.</summary>
    public static async Task MigrateCampaignsAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);

        // Resolving the storage creates or upgrades the job tables too, so new nodes find them ready.
        _ = scope.ServiceProvider.GetRequiredService<JobStorage>();
    }

    private static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers.XFrameOptions = "DENY";

            // No third-party origins at all: every script, style and font is served by the app itself.
            if (!context.Request.Path.StartsWithSegments("/admin/jobs", StringComparison.OrdinalIgnoreCase))
            {
                headers.ContentSecurityPolicy =
                    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-src 'self'; " +
                    "frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";
            }

            await next();
        });
}
