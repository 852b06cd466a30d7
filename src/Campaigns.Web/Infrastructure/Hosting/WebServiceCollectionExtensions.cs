using Campaigns.Web.Infrastructure.Email;
using Campaigns.Web.Infrastructure.Health;
using Campaigns.Web.Infrastructure.Jobs;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;

namespace Campaigns.Web.Infrastructure.Hosting;

public static class WebServiceCollectionExtensions
{
    public static ProcessRole AddCampaignsHosting(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var campaigns = builder.Services.AddValidatedOptions<CampaignsOptions>(builder.Configuration, CampaignsOptions.Section);
        builder.Services.AddSingleton(TimeProvider.System);

        // First of the hosted services: the job server and the web server start after it, on a prepared database.
        builder.Services.AddHostedService<CampaignsStartup>();
        builder.Services.AddScoped<SmtpStartupCheck>();
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<JobStorageHealthCheck>("jobs");
        return campaigns.Role;
    }

    public static IServiceCollection AddCampaignsMvc(this IServiceCollection services)
    {
        services.AddControllersWithViews(o =>
            {
                // Every POST, PUT and DELETE needs the antiforgery token; the documented exceptions opt out by name.
                o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
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
