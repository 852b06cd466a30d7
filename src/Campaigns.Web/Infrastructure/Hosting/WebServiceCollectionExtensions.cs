using Campaigns.Web.Infrastructure.Email;
using Campaigns.Web.Infrastructure.Health;
using Campaigns.Web.Infrastructure.Jobs;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;

namespace Campaigns.Web.Infrastructure.Hosting;

public static class WebServiceCollectionExtensions
{
    public static ProcessRole AddCampaignsHosting(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var campaigns = builder.Services.AddValidatedOptions<CampaignsOptions>(builder.Configuration, CampaignsOptions.Section);
        DeploymentChecks.Run(builder.Environment, campaigns, ValidatedConfiguration.Read<EmailOptions>(builder.Configuration, EmailOptions.Section));
        builder.Services.AddSingleton(TimeProvider.System);

        // First of the hosted services: the job server and the web server start after it, on a prepared database.
        builder.Services.AddHostedService<CampaignsStartup>();
        builder.Services.AddScoped<SmtpStartupCheck>();
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<JobStorageHealthCheck>("jobs");
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var network in (campaigns.TrustedNetworks ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed)
                    ? parsed
                    : throw new StartupException($"Campaigns:TrustedNetworks: '{network}' is not a network in CIDR form such as 10.0.0.0/8."));
            }
        });
        return campaigns.Role;
    }

    public static IServiceCollection AddCampaignsMvc(this IServiceCollection services)
    {
        services.AddControllersWithViews(o =>
            {
                // Every POST, PUT and DELETE needs the antiforgery token; the documented exceptions opt out by name.
                o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                o.ModelBinderProviders.Insert(0, new Security.ControlCharacterModelBinderProvider());
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o =>
                o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        services.Configure<RazorViewEngineOptions>(o =>
        {
            o.ViewLocationFormats.Clear();
            o.ViewLocationFormats.Add("/Features/{1}/{0}.cshtml");
            o.ViewLocationFormats.Add("/Features/Shared/{0}.cshtml");
            o.ViewLocationExpanders.Add(new FeatureFolderViewLocationExpander());
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "campaigns.af";
            o.HeaderName = "X-CSRF-TOKEN";
        });
        return services;
    }
}
