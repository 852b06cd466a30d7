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
        app.UseForwardedHeaders();
        app.MapHealthChecks(HealthEndpoint.Path, HealthEndpoint.Options).AllowAnonymous();
        if (role == ProcessRole.Worker)
        {
            // A worker answers its health probe and nothing else.
            app.MapFallback(() => Results.NotFound()).AllowAnonymous();
            return app;
        }

        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");

            // Browsers remember to use HTTPS only; a no-op on plain HTTP, so harmless behind a TLS-terminating proxy.
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseSecurityHeaders(app.Services.GetRequiredService<IOptions<CampaignsOptions>>().Value.NodeName);
        app.UseSerilogRequestLogging();
        app.UseStaticFiles();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseTwoFactorEnrolment();
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

    /// <summary>The explicit production step: <c>dotnet Campaigns.Web.dll migrate</c>.</summary>
    public static async Task MigrateCampaignsAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        await CampaignsStartup.PrepareDatabaseAsync(scope.ServiceProvider, cancellationToken);

        // Resolving the storage creates or upgrades the job tables too, so new nodes find them ready.
        _ = scope.ServiceProvider.GetRequiredService<JobStorage>();
    }

    private static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, string? nodeName) =>
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            if (!string.IsNullOrEmpty(nodeName))
            {
                headers["X-Campaigns-Node"] = nodeName;
            }

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
